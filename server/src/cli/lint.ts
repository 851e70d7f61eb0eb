import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyze, ConfigLoader, fixAll, RULE_IDS, type ConfigPatch } from '../core';
import type { LintArgs } from './args';
import { expandTargets, type Target } from './files';
import type { FileResult } from './result';

/** The outcome of a lint run: what to print and how to exit. */
export interface LintOutcome {
  results: FileResult[];
  /** Messages for stderr (unreadable files, config problems, patterns that matched nothing). */
  notices: string[];
  ioError: boolean;
}

/** Lints (and with `--fix`, fixes) every target; an unreadable file is reported and the rest go on. */
export async function lintTargets(args: LintArgs, cwd = process.cwd()): Promise<LintOutcome> {
  const { targets, problems } = await expandTargets(args.patterns);
  const notices = problems.map((p) => `postmortem-lint: ${p}`);
  let ioError = problems.length > 0;
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
      if (problem.key === '(file)' && args.config) ioError = true;
    }
    const file = display(target.path, cwd);
    const text = readTarget(target, config.maxFileSize);
    if (typeof text !== 'string') {
      if (text.error) {
        ioError = true;
        notices.push(`postmortem-lint: ${file}: ${text.error}`);
        results.push({ file, path: target.path, profile: config.profile, isPostmortem: false, findings: [], error: text.error });
      } else if (text.skipped) notices.push(`postmortem-lint: ${file}: ${text.skipped}`);
      continue;
    }
    const options = { config, path: target.path, force: target.explicit };
    let analysis = analyze(text, options);
    if (!analysis.isPostmortem && !target.explicit) continue;
    if (args.fix && analysis.findings.some((f) => f.fixes.length > 0)) {
      const fixed = fixAll(text, options);
      if (fixed.text !== text) {
        try {
          writeFileSync(target.path, fixed.text);
          analysis = analyze(fixed.text, options);
        } catch (error) {
          ioError = true;
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
  return { results, notices, ioError };
}

function readTarget(target: Target, maxFileSize: number): string | { error?: string; skipped?: string } {
  try {
    const size = statSync(target.path).size;
    if (size > maxFileSize) return { skipped: `skipped: ${size} bytes is over maxFileSize (${maxFileSize})` };
    return readFileSync(target.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    return { error: `cannot read the file (${reason})` };
  }
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}
