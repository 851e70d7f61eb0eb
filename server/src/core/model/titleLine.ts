import type { PseudoStyle } from './types';

/** Longest line considered as a title: section names are short. */
const MAX_TITLE_LENGTH = 100;
/** An HTML heading line may carry attributes: a little more room. */
const MAX_HTML_TITLE_LENGTH = 300;

/** A line read as a would-be heading. */
export interface TitleLine {
  /**
   * The title as a heading writes it: without emphasis marks, `#`s, tags or trailing colon and
   * punctuation, with its words, numbering and emoji kept (a fix never drops a word).
   */
  name: string;
  style: PseudoStyle;
  /**
   * Written as a title and not as a word that wrapped onto its own line: a trailing colon,
   * emphasis, `#`s, tags or decoration around it.
   */
  marked: boolean;
  /** Emphasised and ending with a colon, inside or after the marks: `**Impact**:`, `__Summary:__`. */
  boldLabel: boolean;
}

/** Emoji, `:shortcode:` emoji and keycap or variation marks, with the spaces after them. */
const EMOJI_RUN = String.raw`(?:(?::[a-z0-9_+-]{1,40}:|[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3])[ \t]*)+`;
const LEADING_EMOJI = new RegExp(`^${EMOJI_RUN}`, 'u');
const TRAILING_EMOJI = new RegExp(`[ \\t]*${EMOJI_RUN}$`, 'u');
/** Punctuation that closes a title without saying anything: `Timeline:-`, `**TIMELINE**;`, `Summary.`. */
const TRAILING_MARKS = /[ \t]*[:：;,.\-–—=~>]+$/;
/** Dashes or equals signs drawn before a plain title: `--Impact--`, `== Timeline ==` (the ones after are trailing marks). */
const DRAWN_BEFORE = /^[-–—=~]+[ \t]*/;

/**
 * Reads a line as a would-be heading: `**Timeline**`, `Timeline:`, `##Timeline`, `TIMELINE`,
 * `**TIMELINE**;`, `🕐 Timeline`, `III. Timeline`, `--Impact--:`, `<h2>Timeline</h2>`. A line
 * with text after a label (`**Impact**: 85% of users`) is a field, not a title.
 */
export function readTitleLine(line: string): TitleLine | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith('<')) return trimmed.length <= MAX_HTML_TITLE_LENGTH ? readHtmlHeading(trimmed) : undefined;
  if (trimmed.length > MAX_TITLE_LENGTH) return undefined;
  if (trimmed.startsWith('#')) return readHashLine(trimmed);
  return readDecorated(trimmed);
}

/** `##Timeline`, or `# Summary` that the parser read as text (after a no-break space, say). */
function readHashLine(trimmed: string): TitleLine | undefined {
  const noSpace = /^#{1,6}(?=[^#\s])(.*)$/.exec(trimmed);
  const marked = noSpace ?? /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$/.exec(trimmed);
  const name = marked ? withoutTrailingMarks(marked[1]) : '';
  return name ? { name, style: 'nospace', marked: true, boldLabel: false } : undefined;
}

/** `<h2>Timeline</h2>` or `<h3 id="t">Timeline <em>(UTC)</em></h3>` on one line. */
function readHtmlHeading(trimmed: string): TitleLine | undefined {
  const match = /^<h([1-6])(?:\s[^<>]*)?>(.*)<\/h\1\s*>$/i.exec(trimmed);
  if (!match) return undefined;
  const name = withoutTrailingMarks(match[2].replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' '));
  return name ? { name, style: 'html', marked: true, boldLabel: false } : undefined;
}

/** Emoji around, emphasis, drawn dashes and trailing punctuation around a name. */
function readDecorated(trimmed: string): TitleLine | undefined {
  const lead = LEADING_EMOJI.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(lead.length);
  const trail = TRAILING_EMOJI.exec(rest)?.[0] ?? '';
  const written = rest.slice(0, rest.length - trail.length).trim();
  const core = withoutTrailingMarks(written);
  const emphasised = /^(\*{1,3}|_{1,3})([^*_]+)\1$/.exec(core);
  if (!emphasised && /[*_`[\]<>|]/.test(core)) return undefined;
  const name = emphasised ? withoutTrailingMarks(emphasised[2]) : core.replace(DRAWN_BEFORE, '');
  if (!name) return undefined;
  const marked = lead !== '' || trail !== '' || name !== written;
  const boldLabel = emphasised !== null && (/[:：]\s*$/.test(emphasised[2]) || /[:：]/.test(written.slice(core.length)));
  return { name: `${lead}${name}${trail ? ` ${trail.trim()}` : ''}`, style: emphasised ? 'bold' : 'plain', marked, boldLabel };
}

function withoutTrailingMarks(text: string): string {
  return text.trim().replace(TRAILING_MARKS, '').trim();
}
