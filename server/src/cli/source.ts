import { readFileSync, statSync } from 'node:fs';

/** A file's text as the CLI lints it. */
export interface Source {
  text: string;
  /** The file started with a UTF-8 byte order mark (stripped for analysis, kept on write). */
  bom: boolean;
  /** The bytes were not valid UTF-8: linted with replacement characters, never written back. */
  lossy: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Reads a file to lint, or says why it cannot be linted (`error`) or is left out (`skipped`). */
export function readSource(path: string, maxFileSize: number): Source | { error: string } | { skipped: string } {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxFileSize) return { skipped: `skipped: ${size} bytes is over maxFileSize (${maxFileSize})` };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    return { error: `cannot read the file (${reason})` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { error: 'is a binary file, not Markdown' };
  let text: string;
  let lossy = false;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = lossyDecoder.decode(bytes);
    lossy = true;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, lossy };
}
