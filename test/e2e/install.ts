/**
 * Installs what the end-to-end run needs, once, into the ignored `.vscode-test/` folder:
 * Debian's Chromium (and the libraries code-server's native modules build against) and
 * code-server, which serves a real VS Code to that browser. Repeated runs reuse the install.
 *
 * The steps follow shared/notes/vscode-in-this-environment.md: code-server's own postinstall
 * refuses to run as root under npm 11, so its dependencies are installed with
 * `--ignore-scripts` and the native modules rebuilt explicitly.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** code-server 4.100.3 (VS Code 1.100.3) is the newest that runs on node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

/** Where the cached install lives, and the code-server entry point inside it. */
export function codeServerPaths(root: string): { dir: string; bin: string; stamp: string } {
  const dir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
  return { dir, bin: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), stamp: join(dir, '.installed') };
}

/** Runs one install step quietly; its output is shown only when it fails. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  log(`  ${command} ${args.slice(0, 4).join(' ')}… ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Installs Chromium, the Kerberos headers and ripgrep from Debian when any is missing. */
export function ensureSystemPackages(): void {
  const missing = [CHROMIUM, '/usr/include/gssapi/gssapi.h', '/usr/bin/rg'].filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.join(', ')}: run as root, or apt-get install chromium libkrb5-dev ripgrep`);
  log('e2e: installing chromium, libkrb5-dev and ripgrep from Debian…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'libkrb5-dev', 'ripgrep'], { env });
}

/** Installs code-server into the cache unless a finished install is already there. */
export function ensureCodeServer(root: string): string {
  const { dir, bin, stamp } = codeServerPaths(root);
  if (existsSync(stamp) && existsSync(bin)) return bin;
  log(`e2e: installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; later runs reuse it)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own keeps npm from installing into the project above.
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const npm = { cwd: dir, env: { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' } };
  run('npm', ['install', '--no-save', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], npm);
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const inVscode = { ...npm, cwd: vscodeDir };
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], inVscode);
  run('npm', ['rebuild', '@vscode/spdlog', 'node-pty', 'kerberos', '@parcel/watcher', 'native-watchdog', '@vscode/deviceid'], inVscode);
  // @vscode/ripgrep's postinstall downloads rg from GitHub; Debian's serves instead.
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  if (!existsSync(join(vscodeDir, 'node_modules.asar'))) symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { ...npm, cwd: join(vscodeDir, 'extensions') });
  run('npm', ['rebuild', 'argon2'], npm);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return bin;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  ensureSystemPackages();
  ensureCodeServer(process.cwd());
  log(`e2e: install ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
