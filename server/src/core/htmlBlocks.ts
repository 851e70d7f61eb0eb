/**
 * CommonMark's kinds of HTML block, as far as the readers and fixes need them: kinds 1–5
 * (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments, `<?…?>`, `<!DOCTYPE…>`, CDATA) run
 * until their closing mark, however many blank lines that takes; the others end at a blank line.
 */

/** The openers of the kinds that only a closing mark ends. */
const ENDS_AT_MARK = /^[ \t]{0,3}<(?:!--|\?|!\[CDATA\[|![A-Za-z]|(?:pre|script|style|textarea)(?=[\s>]|$))/i;

/** Whether the HTML block whose source starts `source` runs until a closing mark (and holds raw text, never Markdown). */
export function endsOnlyAtMark(source: string): boolean {
  return ENDS_AT_MARK.test(source.slice(0, 16));
}
