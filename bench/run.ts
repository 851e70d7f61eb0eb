/**
 * `npm run bench`: in one run, the parse floor (the core's own unified processor, parsing
 * alone) against the full analysis; incremental analysis after single-character edits;
 * edit-to-diagnostics latency and peak memory of the language server against
 * unified-language-server with remark-lint's recommended preset; CLI throughput against
 * markdownlint-cli2 and remark-cli; `postmortem-lint report` against lint of the same files
 * (target ≤ 1.2×), and the language server's workspace index of them (ready ≤ 5 s, and
 * edit-to-diagnostics meanwhile). Prints a table of medians and ratios and writes
 * bench/results/latest.json. `--quick`: fewer files and repeats, for a smoke run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, analyzeIncremental, defaultConfig, LineIndex } from '../server/src/core';
import { parseDocument } from '../server/src/core/chunks';
import { parseMarkdown } from '../server/src/core/parse';
import { adversarialGrowth } from './adversarial';
import { corpus, longPostmortem } from './corpus';
import { median, timeMedian, timeProcess } from './measure';
import { measureIndex } from './workspaceIndex';
import { charEdits, measureServer, serverWorkspace } from './server';

const root = resolve(__dirname, '..');
const work = join(root, 'bench', 'results');
const quick = process.argv.includes('--quick');
const repeats = quick ? 3 : 7;

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
  console.log(`${name.padEnd(52)} ${String(round(value)).padStart(9)} ${unit.padEnd(8)} ${ratio ?? ''}`);
};
/** "0.42× peer (target ≤ 0.5, met)". */
const versus = (ratio: number, what: string, target?: { op: '≤' | '≥' | '<'; value: number }) =>
  `${ratio.toFixed(2)}× ${what}${target ? ` (target ${target.op} ${target.value}, ${(target.op === '≥' ? ratio >= target.value : ratio <= target.value) ? 'met' : 'MISSED'})` : ''}`;

const config = defaultConfig();
const files = corpus(quick ? 200 : 1000);
const long5k = longPostmortem(5000);
const long20k = longPostmortem(20000);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (${availableParallelism()} usable), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${process.platform}`;
console.log(`corpus: ${files.length} postmortems (${(files.reduce((s, f) => s + f.length, 0) / 1e6).toFixed(2)} MB), 5,000 and 20,000-line documents`);
console.log(`machine: ${machine}\n`);

// 1. The parse floor and the full analysis of the same texts.
const parseCorpus = timeMedian(repeats, () => files.forEach((f) => parseMarkdown(f)));
const analyzeCorpus = timeMedian(repeats, () => files.forEach((f) => analyze(f, { config, force: true })));
row(`parse floor, ${files.length} files`, parseCorpus, 'ms');
row(`full analysis, ${files.length} files`, analyzeCorpus, 'ms', versus(analyzeCorpus / parseCorpus, 'floor', { op: '≤', value: 1.5 }));
const floors = new Map<string, number>();
for (const [label, text] of [['5,000-line', long5k], ['20,000-line', long20k]] as const) {
  const parse = timeMedian(repeats, () => parseMarkdown(text));
  // The core parses a long document in chunks where the parser starts afresh (same tree): the analysis includes that.
  const chunked = timeMedian(repeats, () => parseDocument(text));
  const full = timeMedian(repeats, () => analyze(text, { config, force: true }));
  floors.set(label, parse);
  row(`parse floor, ${label} document`, parse, 'ms');
  row(`  the core's parse of it, in chunks`, chunked, 'ms', versus(chunked / parse, 'floor'));
  row(`full analysis, ${label} document`, full, 'ms', versus(full / parse, 'floor', label.startsWith('5') ? { op: '≤', value: 1.5 } : undefined));
}
const floor5k = floors.get('5,000-line')!;

// 2. Incremental analysis in process: the same 30 single-character edits the servers get.
const edits = charEdits(long5k, 30);
{
  let previous = analyze(long5k, { config, force: true });
  let text = long5k;
  const times: number[] = [];
  for (const edit of edits) {
    const offset = new LineIndex(text).offsetAt(edit);
    text = text.slice(0, offset) + edit.text + text.slice(offset);
    const start = performance.now();
    previous = analyzeIncremental(previous, text, { config, force: true });
    times.push(performance.now() - start);
  }
  const incremental = median(times);
  row('incremental analysis after an edit, 5,000 lines', incremental, 'ms', versus(incremental / floor5k, 'full parse'));
}

// 2b. Adversarial input (bench/adversarial.ts): linear growth is about 4× the time for 4× the input.
for (const g of adversarialGrowth(quick)) {
  row(`adversarial: ${g.name}, ${g.sizes}`, g.large, 'ms', `${g.ratio.toFixed(1)}× for 4× (linear ≈ 4; target < 10, ${g.ratio < 10 ? 'met' : 'MISSED'})`);
}

// 3 and 4 start processes: see main().
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  // 3. The language servers: memory with 50 postmortems of the corpus open; then the 5,000-line
  // document opened too and edited 30 times, each edit timed until its diagnostics.
  const serverDir = join(work, 'server');
  const documents = new Map(files.slice(0, 50).map((text, i) => [`${String(i).padStart(4, '0')}-postmortem.md`, text] as const));
  const long: [string, string] = ['long-5000-postmortem.md', long5k];
  serverWorkspace(serverDir, [...documents, long]);
  const ours = await measureServer(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], serverDir, documents, long, edits);
  const peer = await measureServer(process.execPath, [join(root, 'bench', 'peer-server.mjs'), '--stdio'], serverDir, documents, long, edits);
  row('edit → diagnostics, ours (5,000 lines, median of 30)', ours.medianLatency, 'ms', versus(ours.medianLatency / floor5k, 'full parse', { op: '≤', value: 0.1 }));
  row('edit → diagnostics, unified-language-server + remark-lint', peer.medianLatency, 'ms', `ours ${versus(ours.medianLatency / peer.medianLatency, 'peer', { op: '≤', value: 0.5 })}`);
  row('server peak memory, 50 open postmortems, ours', ours.peakMemoryMb, 'MiB', `target < 150, ${ours.peakMemoryMb < 150 ? 'met' : 'MISSED'}`);
  row('server peak memory, 50 open postmortems, peer', peer.peakMemoryMb, 'MiB');
  row('… then + the 5,000-line document, 30 edits, ours', ours.finalPeakMemoryMb, 'MiB');
  row('… then + the 5,000-line document, 30 edits, peer', peer.finalPeakMemoryMb, 'MiB');

  // 4. CLI throughput, whole processes, on the same files written to disk.
  const dir = join(work, 'corpus', 'postmortems');
  rmSync(join(work, 'corpus'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  files.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(4, '0')}-postmortem.md`), text));
  writeFileSync(join(work, 'corpus', '.remarkrc.json'), JSON.stringify({ plugins: ['remark-preset-lint-recommended'] }));
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const cliRepeats = quick ? 1 : 3;
  const cli = timeProcess(cliRepeats, process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', 'postmortems'], join(work, 'corpus'));
  const mdl = timeProcess(cliRepeats, bin('markdownlint-cli2'), ['postmortems/**/*.md'], join(work, 'corpus'));
  const remark = timeProcess(cliRepeats, bin('remark'), ['postmortems', '--quiet', '--no-stdout'], join(work, 'corpus'));
  const fps = (ms: number) => (files.length / ms) * 1000;
  row('CLI postmortem-lint', fps(cli.ms), 'files/s');
  row('CLI markdownlint-cli2', fps(mdl.ms), 'files/s', `ours ${versus(fps(cli.ms) / fps(mdl.ms), 'markdownlint-cli2', { op: '≥', value: 1.5 })}`);
  row('CLI remark-cli + lint-recommended', fps(remark.ms), 'files/s', `ours ${versus(fps(cli.ms) / fps(remark.ms), 'remark-cli')}`);

  // 5. The repository report (issue 15): the same files, one analysis each, figures on top.
  const report = timeProcess(cliRepeats, process.execPath, [join(root, 'dist', 'cli.js'), 'report', 'postmortems', '--format', 'json'], join(work, 'corpus'));
  row(`postmortem-lint report, ${files.length} files`, report.ms, 'ms', versus(report.ms / cli.ms, 'lint of the same files', { op: '≤', value: 1.2 }));
  row(`  postmortem-lint lint (--format json), ${files.length} files`, cli.ms, 'ms');
  // 6. The language server's workspace index of the same folder, and typing while it is read.
  const index = await measureIndex(join(root, 'dist', 'server.js'), join(work, 'corpus'), files[0]);
  row(`workspace index ready, ${index.documents} postmortems`, index.readyMs, 'ms', `target ≤ 5000, ${index.readyMs <= 5000 && index.documents === files.length ? 'met' : 'MISSED'}; ${versus(index.readyMs / analyzeCorpus, 'their analysis in process')}`);
  row(`  edit → diagnostics while indexing (median of ${index.duringEdits})`, index.duringMedianMs, 'ms', `max ${round(index.duringMaxMs)} ms; after: ${round(index.afterMedianMs)} ms`);

  mkdirSync(work, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine,
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    quick,
    rows,
    latencies: { ours: ours.latencies.map(round), peer: peer.latencies.map(round) },
  };
  writeFileSync(join(work, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to ${join('bench', 'results', 'latest.json')}`);
}
