/**
 * `npm run bench`: in one run, on two generated corpora (bench/corpus.ts, the first one, and
 * bench/drafts.ts, drafts with reference definitions, `]:` log lines, bracketed times and
 * large mixed-zone timelines): the parse floor (the core's own unified processor, parsing
 * alone) against the full analysis; incremental analysis after single-character edits;
 * edit-to-diagnostics latency and peak memory of the language server against
 * unified-language-server with remark-lint's recommended preset; CLI CPU and wall time
 * against a bare node + remark-parse script, and throughput against markdownlint-cli2 and
 * remark-cli; `postmortem-lint report` against lint of the same files (target ≤ 1.2×), and
 * the language server's workspace index of them (ready ≤ 5 s, and edit-to-diagnostics
 * meanwhile). Every target of issues 15 and 18 is printed beside its figure. Writes
 * bench/results/latest.json. `--quick`: fewer files and repeats, for a smoke run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, analyzeIncremental, defaultConfig, LineIndex, timelineOf } from '../server/src/core';
import { renderChart } from '../server/src/chart';
import { parseDocument } from '../server/src/core/chunks';
import { parseMarkdown } from '../server/src/core/parse';
import { adversarialGrowth } from './adversarial';
import { corpus, longPostmortem } from './corpus';
import { drafts, longDraft } from './drafts';
import { median, timeMedian, timeProcess, timeProcessCpu } from './measure';
import { measureIndex } from './workspaceIndex';
import { charEdits, measureServer, serverWorkspace } from './server';

const root = resolve(__dirname, '..');
const work = join(root, 'bench', 'results');
const quick = process.argv.includes('--quick');
const repeats = quick ? 3 : 5;
/** Whole-corpus timings take seconds each: fewer repeats keep the run within about ten minutes on 2 cores. */
const corpusRepeats = quick ? 1 : 3;
const count = quick ? 200 : 1000;

interface Row {
  name: string;
  value: number;
  unit: string;
  ratio?: string;
}
const rows: Row[] = [];
const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);
const row = (name: string, value: number, unit: string, ratio?: string) => {
  rows.push({ name, value: round(value), unit, ratio });
  console.log(`${name.padEnd(60)} ${String(round(value)).padStart(9)} ${unit.padEnd(8)} ${ratio ?? ''}`);
};
type Target = { op: '≤' | '≥' | '<'; value: number };
const met = (value: number, target: Target) => (target.op === '≥' ? value >= target.value : target.op === '<' ? value < target.value : value <= target.value);
/** "0.42× peer (target ≤ 0.5, met)". */
const versus = (ratio: number, what: string, target?: Target) => `${ratio.toFixed(2)}× ${what}${target ? ` (target ${target.op} ${target.value}, ${met(ratio, target) ? 'met' : 'MISSED'})` : ''}`;
const absolute = (value: number, target: Target) => `target ${target.op} ${target.value}, ${met(value, target) ? 'met' : 'MISSED'}`;

const config = defaultConfig();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (${availableParallelism()} usable), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${process.platform}`;

/** One corpus of the bench: its files and its 5,000-line document. */
interface Corpus {
  /** Short name printed before each of its rows. */
  tag: string;
  files: string[];
  long5k: string;
  long20k?: string;
}
const corpora: Corpus[] = [
  { tag: 'A', files: corpus(count), long5k: longPostmortem(5000), long20k: longPostmortem(20000) },
  { tag: 'B', files: drafts(count), long5k: longDraft(5000) },
];
console.log(`corpus A (bench/corpus.ts): ${count} postmortems (${mb(corpora[0].files)} MB), 5,000 and 20,000-line documents`);
console.log(`corpus B (bench/drafts.ts): ${count} drafts with definitions, \`]:\` lines, mixed zones (${mb(corpora[1].files)} MB), a 5,000-line document`);
console.log(`machine: ${machine}\n`);

function mb(files: string[]): string {
  return (files.reduce((s, f) => s + f.length, 0) / 1e6).toFixed(2);
}

/** In process: parse floor, full and incremental analysis. Returns the 5,000-line document's parse floor. */
function inProcess(c: Corpus): number {
  const { tag, files } = c;
  const parseCorpus = timeMedian(corpusRepeats, () => files.forEach((f) => parseMarkdown(f)));
  const analyzeCorpus = timeMedian(corpusRepeats, () => files.forEach((f) => analyze(f, { config, force: true })));
  row(`${tag}: parse floor, ${files.length} files`, parseCorpus, 'ms');
  row(`${tag}: full analysis, ${files.length} files`, analyzeCorpus, 'ms', versus(analyzeCorpus / parseCorpus, 'floor', { op: '≤', value: 1.5 }));
  const docs: Array<[string, string]> = [['5,000-line', c.long5k]];
  if (c.long20k) docs.push(['20,000-line', c.long20k]);
  let floor5k = 0;
  for (const [label, text] of docs) {
    const times = label.startsWith('5') ? repeats : corpusRepeats;
    const parse = timeMedian(times, () => parseMarkdown(text));
    // The core parses a long document in chunks where the parser starts afresh (same tree): the analysis includes that.
    const chunked = timeMedian(times, () => parseDocument(text));
    const full = timeMedian(times, () => analyze(text, { config, force: true }));
    if (!floor5k) floor5k = parse;
    row(`${tag}: parse floor, ${label} document`, parse, 'ms');
    row(`${tag}:   the core's parse of it, in chunks`, chunked, 'ms', versus(chunked / parse, 'floor'));
    row(`${tag}: full analysis, ${label} document`, full, 'ms', versus(full / parse, 'floor', label.startsWith('5') ? { op: '≤', value: 1.5 } : undefined));
  }
  // The same 30 single-character edits the servers get.
  let previous = analyze(c.long5k, { config, force: true });
  let text = c.long5k;
  const times: number[] = [];
  for (const edit of charEdits(c.long5k, 30)) {
    const offset = new LineIndex(text).offsetAt(edit);
    text = text.slice(0, offset) + edit.text + text.slice(offset);
    const start = performance.now();
    previous = analyzeIncremental(previous, text, { config, force: true });
    times.push(performance.now() - start);
  }
  const incremental = median(times);
  row(`${tag}: incremental analysis after an edit, 5,000 lines`, incremental, 'ms', versus(incremental / floor5k, 'full parse'));
  return floor5k;
}

const floors = corpora.map(inProcess);

// The incident chart of each 5,000-line document's timeline (the timeline itself is memoised with the analysis).
corpora.forEach((c, i) => {
  const { model } = analyze(c.long5k, { config, force: true });
  const timeline = timelineOf(model, config);
  const timed = timeline.entries.filter((e) => e.instant !== null && !e.dayLevel).length;
  const chart = timeMedian(repeats, () => renderChart(timeline));
  row(`${c.tag}: incident chart (SVG) of the 5,000-line document, ${timed} entries`, chart, 'ms', versus(chart / floors[i], 'full parse'));
});

// Adversarial input (bench/adversarial.ts): linear growth is about 4× the time for 4× the input.
for (const g of adversarialGrowth(quick)) {
  row(`adversarial: ${g.name}, ${g.sizes}`, g.large, 'ms', `${g.ratio.toFixed(1)}× for 4× (linear ≈ 4; target < 10, ${g.ratio < 10 ? 'met' : 'MISSED'})`);
}

// The servers and the CLIs start processes: see main().
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The language servers: memory with 50 documents of the corpus open; then its 5,000-line
 * document opened too and edited 30 times, each edit timed until its diagnostics.
 */
async function servers(c: Corpus, floor5k: number): Promise<{ ours: number[]; peer: number[] }> {
  const { tag } = c;
  const serverDir = join(work, 'server');
  const documents = new Map(c.files.slice(0, 50).map((text, i) => [`${String(i).padStart(4, '0')}-postmortem.md`, text] as const));
  const long: [string, string] = ['long-5000-postmortem.md', c.long5k];
  serverWorkspace(serverDir, [...documents, long]);
  const edits = charEdits(c.long5k, 30);
  const ours = await measureServer(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], serverDir, documents, long, edits);
  const peer = await measureServer(process.execPath, [join(root, 'bench', 'peer-server.mjs'), '--stdio'], serverDir, documents, long, edits);
  row(`${tag}: edit → diagnostics, ours (5,000 lines, median of 30)`, ours.medianLatency, 'ms', versus(ours.medianLatency / floor5k, 'full parse', { op: '≤', value: 0.1 }));
  row(`${tag}: edit → diagnostics, unified-language-server + remark-lint`, peer.medianLatency, 'ms', `ours ${versus(ours.medianLatency / peer.medianLatency, 'peer', { op: '≤', value: 0.25 })}`);
  row(`${tag}: server peak RSS, 50 open documents, ours`, ours.peakMemoryMb, 'MiB', absolute(ours.peakMemoryMb, { op: '≤', value: 120 }));
  row(`${tag}: server peak RSS, 50 open documents, peer`, peer.peakMemoryMb, 'MiB');
  row(`${tag}: … + the 5,000-line document and 30 edits, ours`, ours.finalPeakMemoryMb, 'MiB', absolute(ours.finalPeakMemoryMb, { op: '≤', value: 200 }));
  row(`${tag}: … + the 5,000-line document and 30 edits, peer`, peer.finalPeakMemoryMb, 'MiB');
  return { ours: ours.latencies.map(round), peer: peer.latencies.map(round) };
}

/** CLI CPU, wall and throughput on the corpus's files written to disk. Returns our lint's wall time. */
function clis(c: Corpus): number {
  const { tag, files } = c;
  const dir = join(work, 'corpus', 'postmortems');
  rmSync(join(work, 'corpus'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  files.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(4, '0')}-postmortem.md`), text));
  writeFileSync(join(work, 'corpus', '.remarkrc.json'), JSON.stringify({ plugins: ['remark-preset-lint-recommended'] }));
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const cliRepeats = quick ? 1 : 2;
  const cwd = join(work, 'corpus');
  const cli = timeProcessCpu(cliRepeats, process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', 'postmortems'], cwd);
  const bare = timeProcessCpu(cliRepeats, process.execPath, [join(root, 'bench', 'bare-parse.mjs'), 'postmortems'], cwd);
  const mdl = timeProcess(cliRepeats, bin('markdownlint-cli2'), ['postmortems/**/*.md'], cwd);
  const fps = (ms: number) => (files.length / ms) * 1000;
  row(`${tag}: CLI postmortem-lint, CPU (all threads)`, cli.cpuMs, 'ms', versus(cli.cpuMs / bare.cpuMs, 'bare node + remark-parse', { op: '≤', value: 1.5 }));
  row(`${tag}: CLI postmortem-lint, wall`, cli.ms, 'ms', versus(cli.ms / bare.ms, 'bare node + remark-parse', { op: '≤', value: 0.85 }));
  row(`${tag}: bare node + remark-parse script, CPU / wall`, bare.cpuMs, 'ms', `wall ${round(bare.ms)} ms`);
  row(`${tag}: CLI postmortem-lint`, fps(cli.ms), 'files/s');
  row(`${tag}: CLI markdownlint-cli2`, fps(mdl.ms), 'files/s', `ours ${versus(fps(cli.ms) / fps(mdl.ms), 'markdownlint-cli2', { op: '≥', value: 1.5 })}`);
  if (tag === 'A') {
    const remark = timeProcess(cliRepeats, bin('remark'), ['postmortems', '--quiet', '--no-stdout'], cwd);
    row(`${tag}: CLI remark-cli + lint-recommended`, fps(remark.ms), 'files/s', `ours ${versus(fps(cli.ms) / fps(remark.ms), 'remark-cli')}`);
  }
  return cli.ms;
}

/** The repository report and the workspace index over corpus A's files, as clis() wrote them to disk. */
async function repository(files: string[], lintMs: number): Promise<void> {
  const cwd = join(work, 'corpus');
  // The repository report (issue 15): the same files, one analysis each, figures on top.
  const report = timeProcess(quick ? 1 : 2, process.execPath, [join(root, 'dist', 'cli.js'), 'report', 'postmortems', '--format', 'json'], cwd);
  row(`A: postmortem-lint report, ${files.length} files`, report.ms, 'ms', versus(report.ms / lintMs, 'lint of the same files', { op: '≤', value: 1.2 }));
  // The language server's workspace index of the same folder, and typing while it is read.
  const index = await measureIndex(join(root, 'dist', 'server.js'), cwd, files[0]);
  row(`A: workspace index ready, ${index.documents} postmortems`, index.readyMs, 'ms', `target ≤ 5000, ${index.readyMs <= 5000 && index.documents === files.length ? 'met' : 'MISSED'}`);
  row(`A:   edit → diagnostics while indexing (median of ${index.duringEdits})`, index.duringMedianMs, 'ms', `max ${round(index.duringMaxMs)} ms; after: ${round(index.afterMedianMs)} ms`);
}

async function main(): Promise<void> {
  const latencies: Record<string, { ours: number[]; peer: number[] }> = {};
  for (const [i, c] of corpora.entries()) latencies[c.tag] = await servers(c, floors[i]);
  for (const c of corpora) {
    const lintMs = clis(c);
    // clis() leaves this corpus's files on disk until the next one: measure the repository surfaces now.
    if (c.tag === 'A') await repository(c.files, lintMs);
  }
  mkdirSync(work, { recursive: true });
  const result = { date: new Date().toISOString(), machine, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, quick, rows, latencies };
  writeFileSync(join(work, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to ${join('bench', 'results', 'latest.json')}`);
}
