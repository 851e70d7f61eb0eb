import type { CustomProfileSpec, CustomSectionSpec } from '../config/schema';
import { CATALOG, type CanonicalSection } from './catalog';
import { normalizeName, SectionMatcher } from './match';
import { BUILT_IN_PROFILES, type Profile, type ProfileSection } from './profiles';

const catalogMatcher = new SectionMatcher(CATALOG);

/**
 * Builds a profile from its config-file form. Sections named like catalog sections reuse
 * them (with any extra synonyms); new names become sections of their own.
 */
export function buildCustomProfile(name: string, spec: CustomProfileSpec): { profile?: Profile; problem?: string } {
  const base = spec.extends === undefined ? undefined : BUILT_IN_PROFILES[spec.extends];
  if (spec.extends !== undefined && !base) return { problem: `"profiles.${name}.extends" names no built-in profile: "${spec.extends}"` };
  if (!spec.sections && !base) return { problem: `"profiles.${name}" needs "sections" or "extends"` };
  if (spec.sections !== undefined && !Array.isArray(spec.sections)) return { problem: `"profiles.${name}.sections" must be a list` };

  const catalog = CATALOG.map((section) => ({ ...section, synonyms: [...section.synonyms] }));
  const sections: ProfileSection[] = [];
  for (const [i, raw] of (spec.sections ?? []).entries()) {
    const section: CustomSectionSpec | undefined = typeof raw === 'string' ? { title: raw } : raw;
    if (!section || typeof section.title !== 'string' || section.title.trim() === '') {
      return { problem: `"profiles.${name}.sections[${i}]" must be a section name or an object with a "title"` };
    }
    const covers = (section.covers ?? [section.title]).map((coverName) => resolveSection(catalog, coverName, section));
    sections.push({ key: covers.map((c) => c.id).join('+'), title: section.title, covers: covers.map((c) => c.id), required: section.required !== false });
  }
  return {
    profile: {
      name,
      description: spec.description ?? `Custom profile "${name}" from .postmortemrc.json`,
      sections: sections.length > 0 ? sections : (base?.sections ?? []),
      checkOrder: spec.order ?? base?.checkOrder ?? false,
      wordCount: spec.wordCount ?? base?.wordCount,
      summaryMustState: base?.summaryMustState,
      catalog,
    },
  };
}

function resolveSection(catalog: CanonicalSection[], title: string, spec: CustomSectionSpec): CanonicalSection {
  const known = catalogMatcher.matchWhole(title);
  const existing = known.length === 1 ? catalog.find((c) => c.id === known[0].id) : catalog.find((c) => c.id === slug(title));
  const section = existing ?? {
    id: slug(title),
    title,
    synonyms: [title],
    prompt: spec.prompt ?? `TODO: ${title}.`,
    expects: spec.prompt ?? `What your team's template asks for under "${title}".`,
  };
  if (!existing) catalog.push(section);
  for (const synonym of spec.synonyms ?? []) if (typeof synonym === 'string') section.synonyms.push(synonym);
  if (spec.prompt) section.prompt = spec.prompt;
  return section;
}

function slug(title: string): string {
  return normalizeName(title).replace(/ /g, '-') || 'section';
}
