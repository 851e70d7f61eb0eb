import { isStampHeading } from '../timeline/headingEntries';
import type { Profile } from '../profiles/profiles';
import type { LineIndex } from '../text';
import type { HeadingInfo, Section, SectionField } from './types';

/**
 * Sections whose sub-titles group what they hold, with the sections such a sub-title may
 * name: the phases of a timeline ("Detection:", "Resolution:"), the kinds of action items.
 * Any deeper heading in them is a sub-heading.
 */
const GROUPING: Readonly<Record<string, readonly string[]>> = {
  timeline: ['detection', 'response', 'resolution', 'trigger', 'fault'],
  'action-items': ['detection', 'response', 'resolution'],
};

/** What cutting the document into sections needs to know. */
export interface SectionRules {
  /** The heading level of sibling sections. */
  sectionLevel: number;
  /** Catalog ids of the sections the profile requires. */
  required: ReadonlySet<string>;
}

/** Catalog ids of the sections a profile requires. */
export function requiredIds(profile: Profile): Set<string> {
  return new Set(profile.sections.filter((section) => section.required).flatMap((section) => section.covers));
}

/**
 * Cuts the document into sections at its headings and pseudo-headings (in order). A heading
 * deeper than a named section's is a sub-heading of it unless it names a section of its own
 * (a Timeline written one level down under Recovery: `subheadingOf`). A pseudo-heading that
 * is a part of the section it stands in (`partOf`) is no heading at all: it is returned among
 * `absorbed`, as the field it is, so the section it names still counts as there.
 */
export function sectionsOf(candidates: readonly HeadingInfo[], index: LineIndex, textLength: number, rules: SectionRules): { sections: Section[]; absorbed: SectionField[] } {
  const namedLater = laterTitles(candidates);
  const sections: Section[] = [];
  const absorbed: SectionField[] = [];
  let current: Section | undefined;
  candidates.forEach((heading, k) => {
    if (current && heading.kind === 'pseudo' && partOf(heading, current, namedLater(k), rules)) {
      absorbed.push({ ids: heading.matches.map((m) => m.id), start: heading.start, end: heading.end });
      return;
    }
    if (current && heading.kind === 'heading' && subheadingOf(heading, current, namedLater(k), rules)) {
      current.subheadings.push(heading);
      return;
    }
    if (current) current.end = lineStartOf(index, heading.start);
    current = {
      heading,
      ids: heading.matches.map((m) => m.id),
      start: heading.start,
      contentStart: Math.min(textLength, lineEndOf(index, heading.end)),
      end: textLength,
      subheadings: [],
    };
    sections.push(current);
  });
  return { sections, absorbed };
}

/** Whether a later title names all of `ids`, and with `more` more than them too. */
type NamedLater = (ids: string[], more?: boolean) => boolean;

/**
 * For the title at position `k`, whether a later title names all of a set of ids (and maybe
 * more: "Root Cause and Resolution" after a timeline's "Resolution:" phase). The distinct
 * sets of ids a document's titles name are few: each query looks at each set once.
 */
function laterTitles(candidates: readonly HeadingInfo[]): (k: number) => NamedLater {
  const lastBySet = new Map<string, { ids: string[]; last: number }>();
  candidates.forEach((heading, k) => {
    const ids = heading.matches.map((m) => m.id);
    const key = [...ids].sort().join('+');
    if (key) lastBySet.set(key, { ids, last: k });
  });
  const sets = [...lastBySet.values()];
  return (k) => (ids, more = false) => sets.some((set) => set.last > k && ids.every((id) => set.ids.includes(id)) && (!more || set.ids.length > ids.length));
}

/**
 * Whether a pseudo-heading is a part of the named section it stands in rather than a title:
 * it names only what the section covers; or it is a bold label with its text under it (a
 * field); or a later title names all it names and more (the Summary's "Root Cause:" before
 * "Root Cause and Resolution"); or, in a grouping section, it names one of its parts, and one
 * the profile does not require or a later title names too (a timeline's "Resolution:" phase).
 */
function partOf(heading: HeadingInfo, current: Section, namedLater: NamedLater, rules: SectionRules): boolean {
  const ids = heading.matches.map((m) => m.id);
  if (ids.every((id) => current.ids.includes(id))) return true;
  if (current.ids.length === 0) return false;
  if (heading.pseudo?.label) return true;
  if (namedLater(ids, true)) return true;
  const parts = current.ids.flatMap((id) => GROUPING[id] ?? []);
  if (!ids.every((id) => parts.includes(id))) return false;
  return ids.some((id) => !rules.required.has(id)) || namedLater(ids);
}

/**
 * Whether a heading is a sub-heading of the current section rather than the start of the
 * next: it is deeper, and it does not name a required section that the current one does not
 * cover and no later title names (a grouping section keeps every deeper heading).
 */
function subheadingOf(heading: HeadingInfo, current: Section, namedLater: NamedLater, rules: SectionRules): boolean {
  // A day or time heading (`## May 12`) at the Timeline's own level still belongs to the Timeline.
  if (current.ids.includes('timeline') && heading.matches.length === 0 && isStampHeading(heading.text)) return true;
  const inside = current.ids.length > 0 && current.heading.depth >= rules.sectionLevel && heading.depth > current.heading.depth;
  if (!inside) return false;
  if (current.ids.some((id) => id in GROUPING)) return true;
  const ids = heading.matches.map((m) => m.id);
  return !ids.some((id) => rules.required.has(id) && !current.ids.includes(id)) || namedLater(ids);
}

/**
 * "What happened?" serves as the Summary when a document has no Summary and its profile does
 * not ask for a What Happened section of its own.
 */
export function standInForSummary(sections: Section[], fields: readonly SectionField[], profile: Profile): void {
  const has = (id: string) => sections.some((s) => s.ids.includes(id)) || fields.some((f) => f.ids.includes(id));
  if (has('summary') || profile.sections.some((s) => s.covers.includes('what-happened'))) return;
  sections.find((s) => s.ids.includes('what-happened'))?.ids.push('summary');
}

/** The start of the line holding an offset (lines break at \n, \r\n and a lone \r, as everywhere). */
function lineStartOf(index: LineIndex, offset: number): number {
  return index.lineStart(index.positionAt(offset).line);
}

/** The start of the line after the one holding `offset - 1`: where a heading's content begins. */
function lineEndOf(index: LineIndex, offset: number): number {
  const line = index.positionAt(Math.max(0, offset - 1)).line;
  return line + 1 < index.lineCount ? index.lineStart(line + 1) : index.text.length;
}
