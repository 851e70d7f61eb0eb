import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyze, ConfigLoader, fixAll, RULE_IDS, type ConfigPatch } from '../core';
import type { LintArgs } from './args';
import { expandTargets } from './files';
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

/** Lints (and with `--fix`, fixes) every target; an unreadable file is reported and the rest go on. */
export async function lintTargets(args: LintArgs, cwd = process.cwd()): Promise<LintOutcome> {
  const { targets, problems } = await expandTargets(args.patterns);
  const notices = problems.map((p) => `postmortem-lint: ${p}`);
  let failed = problems.length > 0;
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
