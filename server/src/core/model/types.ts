import type { Root, RootContent } from 'mdast';
import type { CanonicalSection } from '../profiles/catalog';
import type { SectionMatcher } from '../profiles/match';
import type { Profile } from '../profiles/profiles';
import type { LineIndex } from '../text';
import type { FrontMatter } from './frontMatter';

/**
 * How a pseudo-heading is written: a bold or italic line, a plain line, `##Name` or `#`-text,
 * an HTML heading (`<h2>Name</h2>`), or a list item that is a title (`- Root Cause:`).
 */
export type PseudoStyle = 'bold' | 'plain' | 'nospace' | 'html' | 'item';

/** A heading, or a line that stands in for one. */
export interface HeadingInfo {
  kind: 'heading' | 'pseudo';
  /** `#` count for headings; the sibling sections' level for pseudo-headings. */
  depth: number;
  /** The heading's text without markers (`## `, `**`, a trailing colon is kept). */
  text: string;
  /** Offsets of the whole heading line (for pseudo-headings, the trimmed line). */
  start: number;
  end: number;
  /** Catalog sections the text names; empty when it names none. */
  matches: CanonicalSection[];
  /** Set for pseudo-headings. */
  pseudo?: {
    style: PseudoStyle;
    /** The name without markup and colon, for the fix. */
    name: string;
    /**
     * A bold label with a colon whose text follows on the next lines of its paragraph
     * (`**Impact**:` and a hard line break): a field of the named section it stands in.
     */
    label?: boolean;
  };
}

/** A run of the document that one heading opens, up to the next section's heading. */
export interface Section {
  heading: HeadingInfo;
  /** Catalog ids the heading stands for; empty for sections the catalog does not know. */
  ids: string[];
  /** Offset of the heading's first character. */
  start: number;
  /** Offset just past the heading line. */
  contentStart: number;
  /** Offset where the next section begins, or the end of the text. */
  end: number;
  /** Headings inside the section that belong to it (not matched again). */
  subheadings: HeadingInfo[];
}

/**
 * A field that names a section with its text on the same line (`**Summary:** text`,
 * `- Root Causes: text`): it is no heading, but the section is there.
 */
export interface SectionField {
  /** Catalog ids the label names. */
  ids: string[];
  /** Offsets of the label. */
  start: number;
  end: number;
  /** For a list item labelled alone on its line (`- **Timeline:**`): the blocks under the label, to the item's end. */
  body?: { start: number; end: number };
}

/** A top-level Markdown block with its offsets. */
export interface Block {
  node: RootContent;
  start: number;
  end: number;
}

/** The postmortem as the rules see it: one per document version, shared by every feature. */
export interface PostmortemModel {
  text: string;
  index: LineIndex;
  tree: Root;
  profile: Profile;
  matcher: SectionMatcher;
  frontMatter?: FrontMatter;
  /** The document's title: its first level-1 heading that names no section. */
  title?: HeadingInfo;
  /** Every heading and pseudo-heading, in order. */
  headings: HeadingInfo[];
  /** Every section, named by the catalog or not, in order. */
  sections: Section[];
  /** Fields that name a section inside a line of text (`**Impact**: 85% of users`), in order. */
  fields: SectionField[];
  /** The heading level of sibling sections (what fixes write). */
  sectionLevel: number;
  /** Top-level blocks in order. */
  blocks: Block[];
  /** Offset where the first named section starts (the end of the preamble). */
  preambleEnd: number;
}
