import type { HeadingInfo, PostmortemModel } from '../model/types';
import type { TextEdit } from '../text';
import type { Rule } from './types';
import { quote } from './util';

export const pseudoHeading: Rule = {
  id: 'pseudo-heading',
  description: 'A line that serves as a section title (a bold, plain or HTML line, or a list item) but is not a Markdown heading.',
  defaultSeverity: 'warning',
  tags: ['sections'],
  check({ model, report }) {
    const pseudo = model.headings.filter((heading) => heading.kind === 'pseudo');
    const pseudoLines = new Set(pseudo.map((heading) => model.index.positionAt(heading.start).line));
    for (const heading of pseudo) {
      const replacement = headingLine(heading);
      report({
        start: heading.start,
        end: heading.end,
        message: `${quote(heading.text)} names a section but is not a heading: make it "${replacement}" so outlines, links and checks see it.`,
        // An HTML heading's tags are the writer's own text: converting it is theirs to choose, not fix-all's.
        fixes: [{ title: `Convert to heading "${replacement}"`, edits: [headingEdit(model, heading, pseudoLines)], isPreferred: heading.pseudo?.style !== 'html', automatic: heading.pseudo?.style !== 'html' }],
      });
    }
  },
};

/** The Markdown heading that replaces a pseudo-heading, at the sibling sections' level. */
export function headingLine(heading: HeadingInfo): string {
  const name = heading.pseudo?.name ?? heading.text.trim();
  return `${'#'.repeat(heading.depth)} ${name}`;
}

/**
 * Replaces a pseudo-heading with its heading, with a blank line before it and after it where
 * text touches it (a pseudo-heading on the next line brings its own blank line before it).
 */
function headingEdit(model: PostmortemModel, heading: HeadingInfo, pseudoLines: ReadonlySet<number>): TextEdit {
  const { index } = model;
  const line = index.positionAt(heading.start).line;
  const touches = (other: number) => other >= 0 && other < index.lineCount && index.lineAt(other).text.trim() !== '';
  const before = touches(line - 1) ? index.eol : '';
  const after = touches(line + 1) && !pseudoLines.has(line + 1) ? index.eol : '';
  // The spaces or tabs around the line go too: a heading starts its line, and a hard break after it says nothing.
  return { range: index.range(index.lineStart(line), index.lineEnd(line)), newText: `${before}${headingLine(heading)}${after}` };
}
