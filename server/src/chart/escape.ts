/**
 * Document text on its way into the chart's SVG. SVG is XML, so beyond the HTML escapes a
 * character XML 1.0 forbids (a control character, a lone surrogate) would make the whole
 * file unreadable: those are dropped or replaced, and every entry's text stays text.
 */
import { escapeHtml } from '../report/escape';

// C0 controls other than tab, newline and carriage return, and the two non-characters XML excludes.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for SVG content and attribute values: escaped, with what XML cannot hold removed. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD'));
}

/** A coordinate or length written with at most one decimal, the same on every machine. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A label of at most `max` characters (code points), on one line, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * The width a label takes at the chart's 11 px sans-serif, estimated from its length: the
 * renderer has no fonts to measure with, and an estimate on the wide side keeps labels apart.
 */
export function textWidth(text: string, fontSize = 11): number {
  return Array.from(text).length * fontSize * 0.58 + 2;
}
