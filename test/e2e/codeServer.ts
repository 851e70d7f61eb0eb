/**
 * Starts and stops one code-server for an end-to-end run: a fresh user-data-dir and
 * extensions dir, the .vsix installed into it, a free loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running code-server and the folders it uses. */
export interface CodeServer {
  url: string;
  /** The temporary folder holding the three below; removed after a run that passed. */
  base: string;
  workspace: string;
  userData: string;
  process: ChildProcess;
  /** Everything it printed, for the report when a step fails. */
  output: string[];
}

/** Settings of the test profile: no walkthrough, no tips, no AI panel taking focus, a fixed theme for screenshots. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts code-server on a copy of `fixture`, with the .vsix installed (or, without one, with
 * no extension of ours: the extension-host suite loads it from the source tree instead).
 */
export async function startCodeServer(bin: string, vsix: string | undefined, fixture: string, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const base = mkdtempSync(join(tmpdir(), 'postmortem-e2e-'));
  const userData = join(base, 'data');
  const extensions = join(base, 'extensions');
  // Named like a team's repository: the name shows in the screenshots' title bar and Explorer.
  const workspace = join(base, 'incident-reviews');
  cpSync(fixture, workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];
  if (vsix) {
    const install = spawnSync(process.execPath, [bin, ...dirs, '--install-extension', vsix], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  const args = [bin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...dirs, workspace];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, output);
  return { url, base, workspace, userData, process: child, output };
}

/** Polls `/healthz` until code-server answers (it prints nothing reliable to wait on). */
async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within 60 s:\n${output.join('')}`);
}

/** Stops the code-server this run started (its whole process group), by pid. */
export async function stopCodeServer(server: CodeServer): Promise<void> {
  const pid = server.process.pid;
  if (pid === undefined || server.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    server.process.kill('SIGTERM');
  }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The extension host's log, where activation errors land. */
export function extensionHostLog(userData: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost\.log$/.test(name) || name === 'Postmortem.log' || /Postmortem/.test(name)) found.push(`--- ${path}\n${readFileSync(path, 'utf8')}`);
    }
  };
  try {
    walk(join(userData, 'logs'));
  } catch {
    return '(no logs)';
  }
  return found.join('\n');
}
