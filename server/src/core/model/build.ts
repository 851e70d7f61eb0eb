import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SectionMatcher } from '../profiles/match';
import type { Profile } from '../profiles/profiles';
import { LineIndex } from '../text';
import { readFrontMatter } from './frontMatter';
import { readBlock } from './blockReads';
import { requiredIds, sectionsOf, standInForSummary } from './sections';
import type { Block, HeadingInfo, PostmortemModel, SectionField } from './types';

const matcherCache = new WeakMap<Profile, SectionMatcher>();

/** The matcher for a profile's catalog, built once per profile. */
export function matcherFor(profile: Profile): SectionMatcher {
  let matcher = matcherCache.get(profile);
  if (!matcher) {
    matcher = new SectionMatcher(profile.catalog);
    matcherCache.set(profile, matcher);
  }
  return matcher;
}

/** Builds the postmortem model of a parsed document under a profile. */
export function buildModel(
  text: string,
  tree: Root,
  profile: Profile,
  index = new LineIndex(text),
  frontMatter = readFrontMatter(tree, text),
): PostmortemModel {
  const matcher = matcherFor(profile);
  const blocks: Block[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) blocks.push({ node, start, end });
  }

  const realHeadings: HeadingInfo[] = [];
  for (const { node, start, end } of blocks) {
    if (node.type !== 'heading') continue;
    const text = headingText(node);
    realHeadings.push({ kind: 'heading', depth: node.depth, text, start, end, matches: matcher.matchHeading(text) });
  }
  const sectionLevel = siblingLevel(realHeadings);

  const context = { index, matcher, depth: sectionLevel };
  const pseudo: HeadingInfo[] = [];
  const fields: SectionField[] = [];
  blocks.forEach(({ node, start }, i) => {
    const read = readBlock(node, start, blocks[i + 1]?.node, context);
    pseudo.push(...read.pseudo);
    fields.push(...read.fields);
  });
  const candidates = [...realHeadings, ...pseudo].sort((a, b) => a.start - b.start);
  const { sections, absorbed } = sectionsOf(candidates, index, text.length, { sectionLevel, required: requiredIds(profile) });
  fields.push(...absorbed);
  fields.sort((a, b) => a.start - b.start);
  const headings = sections.flatMap((section) => [section.heading, ...section.subheadings]);
  standInForSummary(sections, fields, profile);

  const firstNamed = sections.find((s) => s.ids.length > 0);
  const title = realHeadings.find((h) => h.depth === 1 && h.matches.length === 0);
  return {
    text,
    index,
    tree,
    profile,
    matcher,
    frontMatter,
    title,
    headings,
    sections,
    fields,
    sectionLevel,
    blocks,
    preambleEnd: firstNamed ? firstNamed.start : text.length,
  };
}

/** A heading's words; an HTML comment in it (a suppression comment) is not part of its name. */
function headingText(node: Heading): string {
  return toString(node, { includeHtml: false }).trim();
}

/** The level most named sections use (ties go to the shallower); 2 when no heading names one. */
function siblingLevel(headings: HeadingInfo[]): number {
  const counts = new Map<number, number>();
  for (const h of headings) if (h.matches.length > 0) counts.set(h.depth, (counts.get(h.depth) ?? 0) + 1);
  let best = 2;
  let bestCount = 0;
  for (const [depth, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) [best, bestCount] = [depth, count];
  }
  return best;
}
