import { parseArgs } from 'node:util';
import { BUILT_IN_PROFILE_NAMES } from '../core';

/** A command line that cannot be run: exit 2 with this message. */
export class UsageError extends Error {}

/** The formats of a lint run. */
export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface LintArgs {
  command: 'lint';
  patterns: string[];
  format: OutputFormat;
  /** `--output`: the format goes to this file, and stylish to the terminal. */
  output?: string;
  /** `--only-postmortems`: files named explicitly are linted only when they are postmortems, as a directory's are. */
  onlyPostmortems: boolean;
  profile?: string;
  config?: string;
  maxWarnings: number;
  fix: boolean;
  quiet: boolean;
  /** `--report-unused-disable-directives`: suppression comments that silence nothing are findings. */
  reportUnused: boolean;
  color?: boolean;
  /** Today's date for the due-date rules (`--today`), `YYYY-MM-DD`. */
  today?: string;
}

export interface TimelineArgs {
  command: 'timeline';
  file: string;
  format: 'stylish' | 'json';
  profile?: string;
  config?: string;
  color?: boolean;
}

export interface ActionsArgs {
  command: 'actions';
  file: string;
  format: 'stylish' | 'json';
  profile?: string;
  config?: string;
  color?: boolean;
  today?: string;
}

/** `postmortem-lint report`: the figures of every postmortem found. */
export interface ReportArgs {
  command: 'report';
  patterns: string[];
  format: 'markdown' | 'html' | 'json';
  /** Where to write the report; stdout when not given. */
  output?: string;
  /** Incident dates from and to, `YYYY-MM-DD`, inclusive. */
  since?: string;
  until?: string;
  today?: string;
  /** What links to files start with: a URL (a repository's blob view) or a path; default: relative to the output. */
  linkBase?: string;
  profile?: string;
  config?: string;
}

/** `postmortem-lint chart FILE`: the incident chart as SVG. */
export interface ChartArgs {
  command: 'chart';
  file: string;
  /** Where to write the SVG; stdout when not given. */
  output?: string;
  theme: 'light' | 'dark';
  width: number;
  profile?: string;
  config?: string;
}

export type CliArgs = LintArgs | TimelineArgs | ActionsArgs | ReportArgs | ChartArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage: postmortem-lint [options] <files|dirs|globs...>
       postmortem-lint timeline <file> [--format stylish|json]
       postmortem-lint actions <file> [--format stylish|json] [--today YYYY-MM-DD]
       postmortem-lint report [files|dirs|globs...] [--format markdown|html|json] [--output FILE]
                      [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--link-base URL]
       postmortem-lint chart <file> [--output chart.svg] [--theme light|dark] [--width N]

Checks incident postmortems written in Markdown: missing sections, timeline gaps,
times and timezones that don't add up.

Options:
  --format <name>       stylish (default), json, sarif, github (workflow annotations),
                        gitlab (Code Quality), junit (XML) or markdown
  -o, --output <file>   write that format to the file; stylish still goes to the terminal
  --only-postmortems    lint a named file only when it is a postmortem (pre-commit hooks)
  --profile <name>      ${BUILT_IN_PROFILE_NAMES.join(', ')}, or one from .postmortemrc.json
  --config <file>       use this config file instead of the nearest .postmortemrc.json
  --max-warnings <n>    exit 1 when there are more than n warnings (default: no limit)
  --fix                 write the automatic fixes back (headings, missing sections, a zone
                        the document states); never changes a stated time, date or zone
  --quiet               report errors only
  --report-unused-disable-directives
                        report <!-- postmortem-disable… --> comments that silence nothing
  --today <YYYY-MM-DD>  the date action-item-overdue counts from (default: today)

Report options (default: the current folder, as Markdown on stdout):
  --format <name>       markdown (default), html or json
  -o, --output <file>   write the report to a file
  --since, --until      only incidents dated from / to this day (YYYY-MM-DD, inclusive)
  --link-base <url>     what links to files start with, such as a repository's blob URL

Chart options (the incident chart as SVG, on stdout unless --output):
  -o, --output <file>   write the SVG to a file
  --theme <name>        light (default) or dark
  --width <n>           width in pixels, 320 to 10000 (default 960)
  --color / --no-color  force colours on or off (default: on for a terminal)
  -h, --help            show this help
  -v, --version         show the version

Files named explicitly are linted whatever their extension (unless --only-postmortems);
directories and globs are filtered to postmortems (see the README).
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
        'only-postmortems': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        today: { type: 'string' },
        output: { type: 'string', short: 'o' },
        since: { type: 'string' },
        until: { type: 'string' },
        'link-base': { type: 'string' },
        theme: { type: 'string' },
        width: { type: 'string' },
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
  const today = values.today === undefined ? undefined : readDate('--today', values.today);
  const reportOnly = (['since', 'until', 'link-base'] as const).find((key) => values[key] !== undefined);
  if (reportOnly && positionals[0] !== 'report') throw new UsageError(`--${reportOnly} is an option of postmortem-lint report`);
  const chartOnly = (['theme', 'width'] as const).find((key) => values[key] !== undefined);
  if (chartOnly && positionals[0] !== 'chart') throw new UsageError(`--${chartOnly} is an option of postmortem-lint chart`);

  if (positionals[0] === 'chart') {
    if (positionals.length !== 2) throw new UsageError('chart takes exactly one file: postmortem-lint chart <file> --output chart.svg');
    if (values.format !== undefined) throw new UsageError('--format is not an option of postmortem-lint chart (it writes SVG)');
    if (values.output === '') throw new UsageError('--output takes a file name');
    const theme = values.theme ?? 'light';
    if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, not "${theme}"`);
    const width = values.width === undefined ? 960 : Number(values.width);
    if (values.width !== undefined && (!/^\d+$/.test(values.width) || width < 320 || width > 10_000)) throw new UsageError(`--width takes a whole number of pixels from 320 to 10000, not "${values.width}"`);
    return { command: 'chart', file: positionals[1], output: values.output, theme, width, profile: values.profile, config: values.config };
  }

  if (positionals[0] === 'timeline' || positionals[0] === 'actions') {
    const command = positionals[0];
    if (values.output !== undefined) throw new UsageError(`--output is not an option of postmortem-lint ${command}`);
    if (positionals.length !== 2) throw new UsageError(`${command} takes exactly one file: postmortem-lint ${command} <file> --format json`);
    const format = values.format ?? 'stylish';
    if (format !== 'stylish' && format !== 'json') throw new UsageError(`--format for ${command} must be stylish or json, not "${format}"`);
    if (command === 'actions') return { command, file: positionals[1], format, ...common, today };
    return { command, file: positionals[1], format, ...common };
  }

  if (positionals[0] === 'report') {
    const format = values.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'html' && format !== 'json') throw new UsageError(`--format for report must be markdown, html or json, not "${format}"`);
    const since = values.since === undefined ? undefined : readDate('--since', values.since);
    const until = values.until === undefined ? undefined : readDate('--until', values.until);
    if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
    const patterns = positionals.slice(1);
    return { command: 'report', patterns: patterns.length ? patterns : ['.'], format, output: values.output, since, until, today, linkBase: values['link-base'], profile: values.profile, config: values.config };
  }

  if (positionals.length === 0) throw new UsageError('no files given: name files, directories or globs to lint');
  const format = values.format ?? 'stylish';
  if (!isOutputFormat(format)) throw new UsageError(`--format must be ${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)}, not "${format}"`);
  if (values.output === '') throw new UsageError('--output takes a file name');
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not "${values['max-warnings']}"`);
  }
  return { command: 'lint', patterns: positionals, format, output: values.output, onlyPostmortems: values['only-postmortems'] ?? false, maxWarnings, fix: values.fix ?? false, quiet: values.quiet ?? false, reportUnused: values['report-unused-disable-directives'] ?? false, ...common, today };
}

function isOutputFormat(name: string): name is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(name);
}

/** `--today`, `--since`, `--until`: a real calendar date written `YYYY-MM-DD`. */
function readDate(flag: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`${flag} takes a date written YYYY-MM-DD, such as 2024-04-01, not "${value}"`);
  return value;
}
