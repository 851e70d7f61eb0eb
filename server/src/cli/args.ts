import { parseArgs } from 'node:util';
import { BUILT_IN_PROFILE_NAMES } from '../core';

/** A command line that cannot be run: exit 2 with this message. */
export class UsageError extends Error {}

export type OutputFormat = 'stylish' | 'json' | 'sarif';

export interface LintArgs {
  command: 'lint';
  patterns: string[];
  format: OutputFormat;
  profile?: string;
  config?: string;
  maxWarnings: number;
  fix: boolean;
  quiet: boolean;
  /** `--report-unused-disable-directives`: suppression comments that silence nothing are findings. */
  reportUnused: boolean;
  color?: boolean;
}

export interface TimelineArgs {
  command: 'timeline';
  file: string;
  format: 'stylish' | 'json';
  profile?: string;
  config?: string;
  color?: boolean;
}

export type CliArgs = LintArgs | TimelineArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage: postmortem-lint [options] <files|dirs|globs...>
       postmortem-lint timeline <file> [--format stylish|json]

Checks incident postmortems written in Markdown: missing sections, timeline gaps,
times and timezones that don't add up.

Options:
  --format <name>       stylish (default), json or sarif
  --profile <name>      ${BUILT_IN_PROFILE_NAMES.join(', ')}, or one from .postmortemrc.json
  --config <file>       use this config file instead of the nearest .postmortemrc.json
  --max-warnings <n>    exit 1 when there are more than n warnings (default: no limit)
  --fix                 write the fixes back to the files
  --quiet               report errors only
  --report-unused-disable-directives
                        report <!-- postmortem-disable… --> comments that silence nothing
  --color / --no-color  force colours on or off (default: on for a terminal)
  -h, --help            show this help
  -v, --version         show the version

Files named explicitly are linted whatever their extension; directories and globs are
filtered to postmortems (see the README).
Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage or I/O error.`;

/** Reads the command line. */
export function readArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        profile: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'report-unused-disable-directives': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const color = values['no-color'] ? false : values.color;
  const common = { profile: values.profile, config: values.config, color };

  if (positionals[0] === 'timeline') {
    if (positionals.length !== 2) throw new UsageError('timeline takes exactly one file: postmortem-lint timeline <file> --format json');
    const format = values.format ?? 'stylish';
    if (format !== 'stylish' && format !== 'json') throw new UsageError(`--format for timeline must be stylish or json, not "${format}"`);
    return { command: 'timeline', file: positionals[1], format, ...common };
  }

  if (positionals.length === 0) throw new UsageError('no files given: name files, directories or globs to lint');
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be stylish, json or sarif, not "${format}"`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not "${values['max-warnings']}"`);
  }
  return { command: 'lint', patterns: positionals, format, maxWarnings, fix: values.fix ?? false, quiet: values.quiet ?? false, reportUnused: values['report-unused-disable-directives'] ?? false, ...common };
}
