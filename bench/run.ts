/**
 * `npm run bench`: the parse floor against the full analysis, the CLI against its peers,
 * and (when the server is built) edit-to-diagnostics latency and memory. Prints a table of
 * medians and ratios and writes bench/results/latest.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze, defaultConfig } from '../server/src/core';
import { parseMarkdown } from '../server/src/core/parse';
import { corpus, longPostmortem } from './corpus';
import { timeMedian, timeProcess } from './measure';

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
const row = (name: string, value: number, unit: string, ratio?: string) => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, ratio });
  console.log(`${name.padEnd(58)} ${String(Math.round(value * 100) / 100).padStart(10)} ${unit.padEnd(8)} ${ratio ?? ''}`);
};

const config = defaultConfig();
const files = corpus(quick ? 200 : 1000);
const long5k = longPostmortem(5000);
const long20k = longPostmortem(20000);
console.log(`corpus: ${files.length} postmortems (${(files.reduce((s, f) => s + f.length, 0) / 1e6).toFixed(2)} MB), 5,000 and 20,000-line documents`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`);

const parseCorpus = timeMedian(repeats, () => files.forEach((f) => parseMarkdown(f)));
const analyzeCorpus = timeMedian(repeats, () => files.forEach((f) => analyze(f, { config, force: true })));
row(`parse floor, ${files.length} files`, parseCorpus, 'ms');
row(`full analysis, ${files.length} files`, analyzeCorpus, 'ms', `${(analyzeCorpus / parseCorpus).toFixed(2)}× floor (target ≤ 1.5)`);
for (const [label, text] of [['5,000-line', long5k], ['20,000-line', long20k]] as const) {
  const parse = timeMedian(repeats, () => parseMarkdown(text));
  const full = timeMedian(repeats, () => analyze(text, { config, force: true }));
  row(`parse floor, ${label} document`, parse, 'ms');
  row(`full analysis, ${label} document`, full, 'ms', `${(full / parse).toFixed(2)}× floor${label.startsWith('5') ? ' (target ≤ 1.5)' : ''}`);
}

// CLI throughput, whole processes, on the same files written to disk.
const dir = join(work, 'corpus', 'postmortems');
rmSync(join(work, 'corpus'), { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
files.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(4, '0')}-postmortem.md`), text));
writeFileSync(join(work, 'corpus', '.remarkrc.json'), JSON.stringify({ plugins: ['remark-preset-lint-recommended'] }));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const cliRepeats = quick ? 1 : 3;
const ours = timeProcess(cliRepeats, process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', 'postmortems'], join(work, 'corpus'));
const mdl = timeProcess(cliRepeats, bin('markdownlint-cli2'), ['postmortems/**/*.md'], join(work, 'corpus'));
const remark = timeProcess(cliRepeats, bin('remark'), ['postmortems', '--quiet', '--no-stdout'], join(work, 'corpus'));
const fps = (ms: number) => (files.length / ms) * 1000;
row('CLI postmortem-lint', fps(ours.ms), 'files/s');
row('CLI markdownlint-cli2', fps(mdl.ms), 'files/s', `ours ${(fps(ours.ms) / fps(mdl.ms)).toFixed(2)}× (target ≥ 1.5)`);
row('CLI remark-cli + lint-recommended', fps(remark.ms), 'files/s', `ours ${(fps(ours.ms) / fps(remark.ms)).toFixed(2)}×`);

mkdirSync(work, { recursive: true });
writeFileSync(
  join(work, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rows }, null, 2)}\n`,
);
console.log(`\nwritten to ${join('bench', 'results', 'latest.json')}`);
