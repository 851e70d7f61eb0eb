/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range between two positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two offsets. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** One physical line of the source, without its line break. */
export interface SourceLine {
  /** Zero-based line number. */
  line: number;
  /** Offset of the first character of the line. */
  offset: number;
  text: string;
}

/**
 * Maps offsets to line/character positions and back. Built once per document version;
 * every lookup is a binary search, never a rescan. Lines break at `\n`, `\r\n` and a lone
 * `\r`, as in LSP and in the Markdown parser: a position means the same line here, in the
 * editor and in the mdast tree.
 */
export class LineIndex {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /** Offset of a position (clamped to its line). */
  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset where a line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line's text (before its `\r\n`, `\n` or `\r`). */
  lineEnd(line: number): number {
    const clamped = Math.max(0, Math.min(line, this.starts.length - 1));
    if (clamped + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[clamped + 1];
    if (this.text[end - 1] === '\n') end--;
    if (end > this.starts[clamped] && this.text[end - 1] === '\r') end--;
    return end;
  }

  /** The line at a zero-based number, without its break. */
  lineAt(line: number): SourceLine {
    const offset = this.lineStart(line);
    return { line, offset, text: this.text.slice(offset, this.lineEnd(line)) };
  }

  /** The lines that overlap the offsets `[start, end)`. */
  linesBetween(start: number, end: number): SourceLine[] {
    const first = this.positionAt(start).line;
    const last = this.positionAt(Math.max(start, end - 1)).line;
    const lines: SourceLine[] = [];
    for (let line = first; line <= last; line++) lines.push(this.lineAt(line));
    return lines;
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The line break the document uses most, for text that fixes insert. */
  get eol(): string {
    // Every ignore fix asks: a scan of the whole text each time was a tenth of an edit's analysis on a long document.
    this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : this.text.includes('\r') && !this.text.includes('\n') ? '\r' : '\n';
    return this.lineBreak;
  }

  private lineBreak: string | undefined;
}

/**
 * Applies edits to a text. Edits are sorted by start (stable, so edits at one offset keep
 * their order); an edit that overlaps one already taken is dropped, never merged.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start) + span.text;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/**
 * A copy of `text` that does not keep the string it was cut from alive. V8 represents a
 * slice of a long string as a pointer into it: a slice kept across document versions (a
 * reused tree node's value, a memoised entry's text) would keep every old version's whole
 * text in memory (the server's heap held one per edit). Concatenating then slicing makes V8
 * copy the characters into a string of their own.
 */
export function detached(text: string): string {
  return text.length === 0 ? '' : (' ' + text).slice(1);
}
