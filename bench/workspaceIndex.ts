/**
 * The language server's workspace index (issue 15): how long after starting a folder of
 * postmortems is read (target ≤ 5 s for 1,000 files), and, in a second run, what typing in an
 * open postmortem costs meanwhile (edit → diagnostics while the index is read, and after).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspServer } from './lsp';
import { median } from './measure';
import { charEdits } from './server';

export interface IndexMeasure {
  readyMs: number;
  documents: number;
  /** Edit → diagnostics of an open document while the index was read, and after. */
  duringMedianMs: number;
  duringMaxMs: number;
  duringEdits: number;
  afterMedianMs: number;
}

/** Milliseconds from starting the server on `folder` until its index is read, with nothing else to do; and how many postmortems it holds. */
async function timeToReady(serverJs: string, folder: string): Promise<{ ms: number; documents: number }> {
  const started = performance.now();
  const server = await LspServer.start(process.execPath, [serverJs, '--stdio'], pathToFileURL(folder).href);
  const ready = await server.indexReady;
  await server.stop();
  return { ms: ready.at - started, documents: ready.documents };
}

/**
 * The index of `folder` read with nothing else to do; then, in a new server, `probe` (a small
 * postmortem outside it) typed into until the index is ready, and 20 edits more.
 */
export async function measureIndex(serverJs: string, folder: string, probe: string): Promise<IndexMeasure> {
  const alone = await timeToReady(serverJs, folder);
  const server = await LspServer.start(process.execPath, [serverJs, '--stdio'], pathToFileURL(folder).href);
  let ready = false;
  void server.indexReady.then(() => (ready = true));
  const uri = 'file:///bench-probe/postmortems/probe.md';
  server.open(uri, probe);
  await server.diagnostics(uri, 1);
  const edits = charEdits(probe, 400);
  const lines = probe.split('\n');
  let version = 1;
  const edit = async (): Promise<number> => {
    const next = edits[(version - 1) % edits.length];
    lines[next.line] = lines[next.line].slice(0, next.character) + next.text + lines[next.line].slice(next.character);
    version++;
    const sent = performance.now();
    server.change(uri, version, { start: next, end: next }, next.text, lines.join('\n'));
    return (await server.diagnostics(uri, version)) - sent;
  };
  const during: number[] = [];
  while (!ready && during.length < 2000) during.push(await edit());
  await server.indexReady;
  const after: number[] = [];
  for (let i = 0; i < 20; i++) after.push(await edit());
  await server.stop();
  return {
    readyMs: alone.ms,
    documents: alone.documents,
    duringMedianMs: during.length ? median(during) : 0,
    duringMaxMs: during.length ? Math.max(...during) : 0,
    duringEdits: during.length,
    afterMedianMs: median(after),
  };
}
