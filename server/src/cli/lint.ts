import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { relative, sep } from 'node:path';
import { analyze, ConfigLoader, fixAll, RULE_IDS, type ConfigPatch } from '../core';
import type { LintArgs } from './args';
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

/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_THRESHOLD = 100;

/** Lints (and with `--fix`, fixes) every target; an unreadable file is reported and the rest go on. */
export async function lintTargets(args: LintArgs, cwd = process.cwd()): Promise<LintOutcome> {
  const { targets, problems } = await expandTargets(args.patterns);
  const threads = targets.length >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 4) : 1;
  const outcome = threads > 1 ? await lintInParallel(targets, args, cwd, threads) : lintFiles(targets, args, cwd);
  return {
    results: outcome.results,
    notices: [...new Set([...problems.map((p) => `postmortem-lint: ${p}`), ...outcome.notices])],
    failed: outcome.failed || problems.length > 0,
  };
}

/** Splits the files over worker threads (this one included) and merges their results in order. */
async function lintInParallel(targets: Target[], args: LintArgs, cwd: string, threads: number): Promise<LintOutcome> {
  const chunks = Array.from({ length: threads }, (_, t) => targets.filter((_, i) => i % threads === t));
  const workers = chunks.slice(1).map(
    (chunk) =>
      new Promise<LintOutcome>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { kind: LINT_WORKER, targets: chunk, args, cwd } satisfies LintWorkerData });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  const outcomes = [lintFiles(chunks[0], args, cwd), ...(await Promise.all(workers))];
  const byPath = new Map(outcomes.flatMap((o) => o.results.map((r) => [r.path, r] as const)));
  return {
    results: targets.map((t) => byPath.get(t.path)).filter((r) => r !== undefined),
    notices: outcomes.flatMap((o) => o.notices),
    failed: outcomes.some((o) => o.failed),
  };
}

export const LINT_WORKER = 'postmortem-lint-worker';

/** What a lint worker thread is given. */
export interface LintWorkerData {
  kind: typeof LINT_WORKER;
  targets: Target[];
  args: LintArgs;
  cwd: string;
}

/** The body of a lint worker thread: lint its share and post the outcome back. */
export function runLintWorker(data: LintWorkerData): void {
  parentPort?.postMessage(lintFiles(data.targets, data.args, data.cwd));
}

/** Lints files one after another in this thread. */
function lintFiles(targets: Target[], args: LintArgs, cwd: string): LintOutcome {
  const notices: string[] = [];
  let failed = false;
  const loader = new ConfigLoader(RULE_IDS);
  const overrides: ConfigPatch = args.profile ? { profile: args.profile } : {};
  const reported = new Set<string>();
  const results: FileResult[] = [];
  for (const target of targets) {
    const { config, problems: configProblems } = loader.forFile(target.path, { configFile: args.config, overrides });
    for (const problem of configProblems) {
      const line = `postmortem-lint: ${problem.source}: ${problem.message}`;
      if (!reported.has(line)) notices.push(line);
      reported.add(line);
      // A broken config must fail CI, not quietly fall back to the defaults.
      failed = true;
    }
    const file = display(target.path, cwd);
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
    const options = { config, path: target.path, force: target.explicit };
    let analysis = analyze(text, options);
    if (!analysis.isPostmortem && !target.explicit) continue;
    if (source.lossy) notices.push(`postmortem-lint: ${file}: not valid UTF-8: linted with replacement characters${args.fix ? ', not fixed' : ''}`);
    if (args.fix && !source.lossy && analysis.problems.length === 0 && analysis.findings.some((f) => f.fixes.length > 0)) {
      const fixed = fixAll(text, options);
      if (fixed.text !== text) {
        try {
          writeFileSync(target.path, (source.bom ? '\uFEFF' : '') + fixed.text);
          analysis = analyze(fixed.text, options);
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
    results.push({ file, path: target.path, profile: analysis.model.profile.name, isPostmortem: analysis.isPostmortem, findings });
  }
  return { results, notices, failed };
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}
