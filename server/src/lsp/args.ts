/**
 * The command line of `postmortem-language-server`: a transport (`--stdio`, and the other
 * transports vscode-languageserver reads itself), or `--version` / `--help`.
 */

export const USAGE = `Usage: postmortem-language-server --stdio

The Postmortem language server: lints incident postmortems written in Markdown.
Start it from an editor's LSP client. Transports: --stdio, --node-ipc, --socket=PORT, --pipe=NAME.
  --version   print the version
  --help      print this help`;

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/**
 * What to do with the arguments: run, or print something and exit (without a transport,
 * vscode-languageserver would throw a stack trace at a person who just typed the command).
 */
export function readServerArgs(argv: readonly string[], version: string): { run: true } | { run: false; output: string; exitCode: number } {
  if (argv.includes('--version') || argv.includes('-v')) return { run: false, output: `${version}\n`, exitCode: 0 };
  if (argv.includes('--help') || argv.includes('-h')) return { run: false, output: `${USAGE}\n`, exitCode: 0 };
  if (argv.some((arg) => TRANSPORTS.includes(arg.split('=')[0]))) return { run: true };
  return { run: false, output: `postmortem-language-server: no transport given\n\n${USAGE}\n`, exitCode: 2 };
}
