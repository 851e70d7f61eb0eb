import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The built CLI. */
export const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** Runs the built CLI in a folder, without colours, as a user runs it. */
export function runCli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
