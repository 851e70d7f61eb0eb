import type { Fix } from '../findings';
import { endsOnlyAtMark } from '../htmlBlocks';
import type { PostmortemModel } from '../model/types';
import type { ProfileSection } from '../profiles/profiles';
import type { TextEdit } from '../text';
import type { Rule } from './types';
import { documentAnchor, quote } from './util';

/** A required section of the profile that the document lacks, and what inserting it writes. */
interface Missing {
  section: ProfileSection;
  /** The parts still missing (all of `covers` unless a combined section is half there). */
  missingIds: string[];
  title: string;
  edit: TextEdit;
}

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'A section the profile requires is absent.',
  defaultSeverity: 'error',
  tags: ['sections'],
  scope: 'document',
  check({ model, report }) {
    const missing = findMissing(model);
    const insertAll: Fix | undefined =
      missing.length > 1 ? { title: `Insert all ${missing.length} missing sections`, edits: missing.map((m) => m.edit) } : undefined;
    const anchor = documentAnchor(model);
    for (const m of missing) {
      const wanted = m.title === m.section.title ? '' : ` (the ${model.profile.name} profile asks for ${quote(m.section.title)})`;
      report({
        ...anchor,
        message: `Missing section ${quote(m.title)}${wanted}. Add it: a postmortem without it leaves readers guessing.`,
        fixes: [{ title: `Insert section ${quote(m.title)}`, edits: [m.edit], isPreferred: true, automatic: true }, ...(insertAll ? [insertAll] : [])],
      });
    }
  },
};

/**
 * The required sections not present, in profile order, each with the edit that inserts it. A
 * section is present under a heading or a pseudo-heading, or as a field (`**Summary:** text`).
 */
export function findMissing(model: PostmortemModel): Missing[] {
  const present = new Set([...model.sections.flatMap((s) => s.ids), ...model.fields.flatMap((f) => f.ids)]);
  const result: Missing[] = [];
  model.profile.sections.forEach((section, position) => {
    if (!section.required) return;
    const missingIds = section.covers.filter((id) => !present.has(id));
    if (missingIds.length === 0) return;
    const title =
      missingIds.length === section.covers.length ? section.title : missingIds.map((id) => model.profile.catalog.find((c) => c.id === id)?.title ?? id).join(' and ');
    result.push({ section, missingIds, title, edit: insertionEdit(model, position, title, missingIds) });
  });
  return result;
}

/** Inserts `title` and its prompt after the nearest earlier profile section present, or before the nearest later one. */
function insertionEdit(model: PostmortemModel, position: number, title: string, ids: string[]): TextEdit {
  const { text, index, profile } = model;
  const holding = (p: number) => model.sections.filter((s) => s.ids.some((id) => profile.sections[p].covers.includes(id)));
  let at = text.length;
  let found = false;
  for (let p = position - 1; p >= 0 && !found; p--) {
    const sections = holding(p);
    if (sections.length > 0) [at, found] = [sections[sections.length - 1].end, true];
  }
  for (let p = position + 1; p < profile.sections.length && !found; p++) {
    const sections = holding(p);
    if (sections.length > 0) [at, found] = [sections[0].start, true];
  }
  const eol = index.eol;
  const prompt = ids.map((id) => profile.catalog.find((c) => c.id === id)?.prompt ?? 'TODO').join(' ');
  // Never shallower than the heading it lands above, or that section would become a subsection of this one.
  const next = model.sections.find((s) => s.start >= at);
  const depth = next?.heading.kind === 'heading' ? Math.max(model.sectionLevel, next.heading.depth) : model.sectionLevel;
  const block = `${'#'.repeat(depth)} ${title}${eol}${eol}${prompt}${eol}`;
  let newText: string;
  if (at >= text.length) at = endInsertionPoint(model);
  if (at >= text.length) {
    const lead = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : eol + eol;
    newText = lead + block;
  } else {
    const blankBefore = at === 0 || /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, at - 4), at));
    newText = (blankBefore ? '' : eol) + block + eol;
  }
  const position2 = index.positionAt(at);
  return { range: { start: position2, end: position2 }, newText };
}

/**
 * Where text appended to the document lands outside any block: before a code fence or HTML
 * block that runs to the end (anything after it could be swallowed into it), else the end.
 */
function endInsertionPoint(model: PostmortemModel): number {
  const last = model.blocks[model.blocks.length - 1];
  if (!last) return model.text.length;
  const source = model.text.slice(last.start, last.end);
  const unclosedFence = last.node.type === 'code' && /^ {0,3}(`{3,}|~{3,})/.test(source) && !closesFence(source);
  // An HTML block that runs to the end and that only its closing mark ends (`<!--`, `<?`,
  // `<![CDATA[`, `<script>`…) would swallow what is appended: insert before it. Any other HTML
  // block (`<h3>Root Cause</h3>` and its text) ends at the blank line the insertion brings.
  const htmlToTheEnd = last.node.type === 'html' && model.text.slice(last.end).trim() === '' && endsOnlyAtMark(source);
  return unclosedFence || htmlToTheEnd ? model.index.lineStart(model.index.positionAt(last.start).line) : model.text.length;
}

function closesFence(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0])![1];
  return lines.length > 1 && new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[lines.length - 1]);
}
