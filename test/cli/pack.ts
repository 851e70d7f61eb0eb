/** The npm package of the CLI, packed by `npm run pack:cli` and installed as a user installs it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

/** Runs a command, without colours, and returns what it printed. */
export function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Packs the package into a new temporary folder and returns the tarball's path. */
export function packCli(): string {
  const out = mkdtempSync(join(tmpdir(), 'pm-pack-'));
  const packed = sh(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--out', out], ROOT);
  assert.equal(packed.code, 0, packed.stderr);
  const tarballs = readdirSync(out).filter((f) => f.endsWith('.tgz'));
  assert.equal(tarballs.length, 1, packed.stdout);
  return join(out, tarballs[0]);
}

/** `npm install --offline TARBALL` in a folder (it has no dependencies, so nothing is fetched). */
export function installCli(tarball: string, dir: string): void {
  const installed = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], dir);
  assert.equal(installed.code, 0, installed.stderr);
}
