import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { analyze, automaticFix, ConfigLoader, duplicateIdFindings, fixAll, RULE_IDS, type Analysis, type ConfigPatch } from '../core';
import { reportDocument } from '../report';
import type { LintArgs } from './args';
import { display } from './document';
import { expandTargets, type Target } from './files';
import type { FileResult } from './result';
import { readSource } from './source';

/** The outcome of a lint run: what to print and how to exit. */
export interface LintOutcome {
  results: FileResult[];
  /** Messages for stderr (unreadable files, config problems, patterns that matched nothing). */
  notices: string[];
  /** Something could not be read, written or configured: exit 2 once everything else is done. */
  failed: boolean;
}

/** What a run collects besides the findings. */
export interface LintRunOptions {
  /** Each postmortem's report figures, counted from this day (`YYYY-MM-DD`): `postmortem-lint report`. */
  reportToday?: string;
}

/**
 * The young generation of each lint worker, in MiB. micromark allocates a token, an event and
 * a point object for nearly every character, most of which live until the end of a file's
 * parse: with V8's default (16 MiB) the scavenger ran every few files and copied them all.
 * 96 MiB took the collector from 11% to 9% of the CPU profile of 1,000 files, and 0–10% off
 * their CPU time (`npm run bench` corpora, 2 shared cores: within noise in some runs). The
 * main thread's heap is made before any code runs, so only the workers get it.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_THRESHOLD = 100;

/** Lints (and with `--fix`, fixes) every target; an unreadable file is reported and the rest go on. */
export async function lintTargets(args: LintArgs, cwd = process.cwd(), run: LintRunOptions = {}): Promise<LintOutcome> {
  const { targets, problems } = await expandTargets(args.patterns);
  const threads = targets.length >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 4) : 1;
  const outcome = threads > 1 ? await lintInParallel(targets, args, cwd, threads, run) : lintFiles(targets, args, cwd, run);
  addCrossFindings(outcome.results, args.quiet);
  return {
    results: outcome.results,
    notices: [...new Set([...problems.map((p) => `postmortem-lint: ${p}`), ...outcome.notices])],
    failed: outcome.failed || problems.length > 0,
  };
}

/**
 * Lints the files on worker threads and this one, and merges their results in order. Each
 * thread takes the next file from a shared counter until none is left, so a thread that
 * starts late (a worker boots for a tenth of a second) or meets long files takes fewer.
 */
async function lintInParallel(targets: Target[], args: LintArgs, cwd: string, threads: number, run: LintRunOptions): Promise<LintOutcome> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<LintOutcome>((resolve, reject) => {
        const worker = new Worker(__filename, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }, workerData: { kind: LINT_WORKER, targets, args, cwd, run, next } satisfies LintWorkerData });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const outcomes = [lintFiles(targets, args, cwd, run, next), ...(await Promise.all(workers))];
  const byPath = new Map(outcomes.flatMap((o) => o.results.map((r) => [r.path, r] as const)));
  return {
    results: targets.map((t) => byPath.get(t.path)).filter((r) => r !== undefined),
    notices: outcomes.flatMap((o) => o.notices),
    failed: outcomes.some((o) => o.failed),
  };
}

/**
 * The checks across documents, after every file is analysed: each file whose incident ID
 * another file of the run shares gets the finding, in line order with its others.
 */
function addCrossFindings(results: FileResult[], quiet: boolean): void {
  const across = duplicateIdFindings(results.map((r) => ({ key: r.path, label: r.file, incidentId: r.incidentId })));
  for (const result of results) {
    const found = (across.get(result.path) ?? []).map((c) => c.finding).filter((f) => !quiet || f.severity === 'error');
    if (found.length === 0) continue;
    result.findings = [...result.findings, ...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (result.report) {
      result.report.problems.errors += found.filter((f) => f.severity === 'error').length;
      result.report.problems.warnings += found.filter((f) => f.severity === 'warning').length;
    }
  }
}

export const LINT_WORKER = 'postmortem-lint-worker';

/** What a lint worker thread is given. */
export interface LintWorkerData {
  kind: typeof LINT_WORKER;
  targets: Target[];
  args: LintArgs;
  cwd: string;
  run: LintRunOptions;
  /** The index of the next file to take, shared by every thread. */
  next: Int32Array;
}

/** The body of a lint worker thread: lint its share and post the outcome back. */
export function runLintWorker(data: LintWorkerData): void {
  parentPort?.postMessage(lintFiles(data.targets, data.args, data.cwd, data.run, data.next));
}

/** Lints files one after another in this thread: all of them, or with `next`, each one no other thread took. */
function lintFiles(targets: Target[], args: LintArgs, cwd: string, run: LintRunOptions, next?: Int32Array): LintOutcome {
  const notices: string[] = [];
  let failed = false;
  const loader = new ConfigLoader(RULE_IDS, { cacheFolders: true });
  const overrides: ConfigPatch = { ...(args.profile ? { profile: args.profile } : {}), ...(args.reportUnused ? { reportUnusedSuppressions: true } : {}) };
  const reported = new Set<string>();
  const results: FileResult[] = [];
  for (let i = take(next, 0); i < targets.length; i = take(next, i + 1)) {
    const target = targets[i];
    const { config, problems: configProblems, file: configFile, ignored } = loader.forFile(target.path, { configFile: args.config, overrides });
    for (const problem of configProblems) {
      const line = `postmortem-lint: ${problem.source}: ${problem.message}`;
      if (!reported.has(line)) notices.push(line);
      reported.add(line);
      // A broken config must fail CI, not quietly fall back to the defaults.
      failed = true;
    }
    const file = display(target.path, cwd);
    if (ignored) {
      // Left out as the config asks; a file named on the command line says so, or it would look linted.
      if (target.explicit) notices.push(`postmortem-lint: ${file}: not linted: "ignores" in ${display(configFile!, cwd)} matches it`);
      continue;
    }
    const source = readSource(target.path, config.maxFileSize);
    if ('skipped' in source) {
      notices.push(`postmortem-lint: ${file}: ${source.skipped}`);
      continue;
    }
    if ('error' in source) {
      failed = true;
      notices.push(`postmortem-lint: ${file}: ${source.error}`);
      results.push({ file, path: target.path, profile: config.profile, isPostmortem: false, findings: [], error: source.error });
      continue;
    }
    const { text } = source;
    // A named file is linted as a postmortem whatever it is, unless --only-postmortems asks for detection.
    const forced = target.explicit && !args.onlyPostmortems;
    const options = { config, path: target.path, force: forced, today: args.today ?? run.reportToday };
    let analysis: Analysis;
    try {
      analysis = analyze(text, options);
    } catch (error) {
      // A document that breaks the analysis is reported (and never fixed); the other files go on.
      const reason = `cannot be analysed (${error instanceof Error ? error.message : String(error)})`;
      failed = true;
      notices.push(`postmortem-lint: ${file}: ${reason}`);
      results.push({ file, path: target.path, profile: config.profile, isPostmortem: false, findings: [], error: reason });
      continue;
    }
    if (!analysis.isPostmortem && !forced) continue;
    if (source.lossy) notices.push(`postmortem-lint: ${file}: not valid UTF-8: linted with replacement characters${args.fix ? ', not fixed' : ''}`);
    const fixable = analysis.findings.some((f) => automaticFix(f) !== undefined);
    // Fixes are written only for a file analysed in full, under the configuration it asked for.
    const incomplete = analysis.problems.length > 0 ? 'its analysis was incomplete' : configProblems.length > 0 ? 'the configuration has errors' : undefined;
    if (args.fix && fixable && !source.lossy && incomplete) notices.push(`postmortem-lint: ${file}: not fixed: ${incomplete}`);
    if (args.fix && fixable && !source.lossy && !incomplete) {
      let fixed: string | undefined;
      try {
        fixed = fixAll(text, options).text;
      } catch (error) {
        failed = true;
        notices.push(`postmortem-lint: ${file}: not fixed: fixing failed (${error instanceof Error ? error.message : String(error)})`);
      }
      if (fixed !== undefined && fixed !== text) {
        try {
          writeFileSync(target.path, (source.bom ? '\uFEFF' : '') + fixed);
          analysis = analyze(fixed, options);
        } catch (error) {
          failed = true;
          notices.push(`postmortem-lint: ${file}: cannot write the fixes: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
      }
    }
    for (const problem of analysis.problems) {
      if (!reported.has(problem)) notices.push(`postmortem-lint: ${file}: ${problem}`);
      reported.add(problem);
    }
    const findings = args.quiet ? analysis.findings.filter((f) => f.severity === 'error') : analysis.findings;
    results.push({
      file,
      path: target.path,
      profile: analysis.model.profile.name,
      isPostmortem: analysis.isPostmortem,
      findings,
      ...(analysis.severityCap ? { severityCap: analysis.severityCap } : {}),
      ...(analysis.incidentId ? { incidentId: analysis.incidentId } : {}),
      // The report's figures come from this same analysis: one per file.
      ...(run.reportToday ? { report: reportDocument(analysis, config, { file }, run.reportToday) } : {}),
    });
  }
  return { results, notices, failed };
}

/** The index of the next file to lint: from the shared counter, or `after` when this thread lints them all. */
function take(next: Int32Array | undefined, after: number): number {
  return next ? Atomics.add(next, 0, 1) : after;
}
