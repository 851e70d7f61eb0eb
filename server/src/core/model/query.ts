import type { RootContent } from 'mdast';
import type { SourceLine } from '../text';
import type { PostmortemModel, Section } from './types';

/** The sections that stand for a catalog id, in document order. */
export function sectionsFor(model: PostmortemModel, id: string): Section[] {
  return model.sections.filter((section) => section.ids.includes(id));
}

/** The first section that stands for a catalog id. */
export function sectionFor(model: PostmortemModel, id: string): Section | undefined {
  return model.sections.find((section) => section.ids.includes(id));
}

/** Top-level blocks that overlap `[start, end)`; a paragraph split by a pseudo-heading appears in both halves. */
export function blocksBetween(model: PostmortemModel, start: number, end: number): RootContent[] {
  const nodes: RootContent[] = [];
  for (const block of model.blocks) {
    if (block.end <= start) continue;
    if (block.start >= end) break;
    nodes.push(block.node);
  }
  return nodes;
}

/** The blocks of a section's content (after its heading line). */
export function sectionBlocks(model: PostmortemModel, section: Section): RootContent[] {
  return blocksBetween(model, section.contentStart, section.end);
}

/** The source lines of a section's content, without its heading line. */
export function sectionLines(model: PostmortemModel, section: Section): SourceLine[] {
  if (section.contentStart >= section.end) return [];
  return model.index.linesBetween(section.contentStart, section.end);
}

/** The raw Markdown of a section's content. */
export function sectionSource(model: PostmortemModel, section: Section): string {
  return model.text.slice(section.contentStart, section.end);
}

/** The section that contains an offset, if any. */
export function sectionAt(model: PostmortemModel, offset: number): Section | undefined {
  return model.sections.find((section) => section.start <= offset && offset < section.end);
}
