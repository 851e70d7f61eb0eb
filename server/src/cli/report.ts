/**
 * `postmortem-lint report [paths…]`: the figures of every postmortem found, from the same
 * file detection and the same one analysis per file as linting, as Markdown, HTML or JSON.
 */
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigLoader, localToday, RULE_IDS } from '../core';
import { buildReport, relativeLinks, renderHtml, renderMarkdown, type Report } from '../report';
import type { ReportArgs } from './args';
import { lintTargets } from './lint';

/** The report of a run, and what went wrong on the way (unreadable files, broken configuration). */
export async function buildCliReport(args: ReportArgs, cwd = process.cwd()): Promise<{ report: Report; notices: string[]; failed: boolean }> {
  const today = args.today ?? localToday();
  const lintArgs = { command: 'lint', patterns: args.patterns, format: 'json', onlyPostmortems: false, profile: args.profile, config: args.config, maxWarnings: Infinity, fix: false, quiet: false, reportUnused: false, today } as const;
  const { results, notices, failed } = await lintTargets(lintArgs, cwd, { reportToday: today });
  // The working folder's configuration orders the severities; each file was read under its own.
  const { config } = new ConfigLoader(RULE_IDS).forFile(resolve(cwd, 'report.md'), { configFile: args.config });
  const documents = results.flatMap((r) => (r.report ? [r.report] : []));
  const report = buildReport(documents, { today, since: args.since, until: args.until, severities: config.metadata.severities });
  return { report, notices, failed };
}

/** Runs the command: the report to `--output` or stdout, problems to stderr; exit 2 when a file or the configuration could not be read. */
export async function runReport(args: ReportArgs, cwd = process.cwd()): Promise<number> {
  const { report, notices, failed } = await buildCliReport(args, cwd);
  // Links go from where the report is read to the files, shown relative to the working folder.
  const fromOutput = args.output ? relative(dirname(resolve(cwd, args.output)), cwd).split(sep).join('/') : '';
  const link = relativeLinks(args.linkBase ?? fromOutput);
  const text = args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : args.format === 'html' ? renderHtml(report, { link }) : renderMarkdown(report, link);
  let code = failed ? 2 : 0;
  if (args.output) {
    try {
      writeFileSync(resolve(cwd, args.output), text);
    } catch (error) {
      notices.push(`postmortem-lint: ${args.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      code = 2;
    }
  } else process.stdout.write(text);
  for (const notice of notices) process.stderr.write(`${notice}\n`);
  return code;
}
