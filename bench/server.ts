/**
 * The language servers under load: edit-to-diagnostics latency on a long document (single
 * character edits, each timed from the didChange until the publishDiagnostics for its
 * version), and peak memory with many documents open. Our server (dist/server.js) and the
 * peer, unified-language-server running remark-lint's recommended preset, get the same
 * documents and the same edits.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../server/src/core';
import { random } from './corpus';
import { LspServer } from './lsp';
import { median } from './measure';

/** What one server did. */
export interface ServerFigures {
  /** Milliseconds from each edit to its diagnostics. */
  latencies: number[];
  medianLatency: number;
  /** Peak resident memory once the documents were open, in MiB. */
  peakMemoryMb: number;
  /** Peak resident memory at the end, after the long document was opened and edited too. */
  finalPeakMemoryMb: number;
}

/** A single-character insertion into a line with text, at a random column. */
interface CharEdit {
  line: number;
  character: number;
  text: string;
}

/** `count` edits spread over the document's non-empty lines (deterministic). */
export function charEdits(text: string, count: number, seed = 7): CharEdit[] {
  const next = random(seed);
  const lines = text.split('\n');
  return Array.from({ length: count }, () => {
    let line = Math.floor(next() * lines.length);
    while (lines[line].trim() === '') line = (line + 1) % lines.length;
    const character = Math.floor(next() * (lines[line].length + 1));
    lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character);
    return { line, character, text: 'x' };
  });
}

/**
 * Starts a server in `dir`, opens `documents` (name → text) one after another, waiting for
 * each one's diagnostics, and reads its peak memory; then opens `long` (name and text) and
 * edits it with `edits`, timing each, and reads the peak memory again.
 */
export async function measureServer(command: string, args: string[], dir: string, documents: Map<string, string>, long: [string, string], edits: readonly CharEdit[]): Promise<ServerFigures> {
  const server = await LspServer.start(command, args, pathToFileURL(dir).href);
  try {
    const uriOf = (name: string) => pathToFileURL(join(dir, 'postmortems', name)).href;
    for (const [name, text] of documents) {
      server.open(uriOf(name), text);
      await server.diagnostics(uriOf(name), 1);
    }
    const peakMemoryMb = server.peakMemoryMb();
    const uri = uriOf(long[0]);
    let text = long[1];
    server.open(uri, text);
    await server.diagnostics(uri, 1);
    const latencies: number[] = [];
    let version = 1;
    for (const edit of edits) {
      const index = new LineIndex(text);
      const offset = index.offsetAt(edit);
      text = text.slice(0, offset) + edit.text + text.slice(offset);
      version++;
      const sent = performance.now();
      server.change(uri, version, { start: edit, end: edit }, edit.text, text);
      latencies.push((await server.diagnostics(uri, version)) - sent);
    }
    return { latencies, medianLatency: median(latencies), peakMemoryMb, finalPeakMemoryMb: server.peakMemoryMb() };
  } finally {
    await server.stop();
  }
}

/** A workspace for both servers: the documents under postmortems/ and a .remarkrc for the peer. */
export function serverWorkspace(dir: string, documents: ReadonlyArray<[string, string]>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'postmortems'), { recursive: true });
  writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: ['remark-preset-lint-recommended'] }));
  for (const [name, text] of documents) writeFileSync(join(dir, 'postmortems', name), text);
}
