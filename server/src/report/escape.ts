/**
 * Document text on its way into HTML, SVG and Markdown: every title, ID, owner and item text
 * stays text, whatever it holds (`<script>`, `|`, `](javascript:…)`).
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Text for a Markdown table cell on one line: the characters that open markup, links, HTML
 * or entities, and the cell separator, are backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A link destination for Markdown: in angle brackets, with the characters that would end it encoded. */
export function markdownHref(href: string): string {
  return `<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}
