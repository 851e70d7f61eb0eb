/**
 * `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3, VS Code 1.100.3)
 * driven through Chromium as a user would. Installs what it needs once into .vscode-test/,
 * packages the .vsix, and walks through: diagnostics and the Problems panel, a quick fix,
 * New Postmortem from Template, and the Incident Timeline view. Screenshots go to
 * docs/screenshots/. Exits non-zero on the first step that fails, after stopping the server.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { extensionHostLog, startCodeServer, stopCodeServer, type CodeServer } from './codeServer';
import { CHROMIUM, ensureCodeServer, ensureSystemPackages } from './install';
import { scenario } from './scenario';
import { Workbench } from './workbench';

const root = join(import.meta.dirname, '..', '..');
/** The whole run, install included, must stay well inside this. */
const RUN_LIMIT_MS = 15 * 60_000;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function packageVsix(): string {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(root, `${name}-${version}.vsix`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const watchdog = setTimeout(() => {
    log(`e2e: still running after ${RUN_LIMIT_MS / 60_000} minutes: giving up`);
    process.exit(1);
  }, RUN_LIMIT_MS);
  watchdog.unref();

  ensureSystemPackages();
  const bin = ensureCodeServer(root);
  log(`e2e: code-server ready (${elapsed()})`);
  const vsix = packageVsix();
  log(`e2e: packaged ${vsix} (${elapsed()})`);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(bin, vsix, join(root, 'test', 'e2e', 'workspace'));
    log(`e2e: code-server on ${server.url} (${elapsed()})`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    const workbench = new Workbench(page, join(root, 'docs', 'screenshots'));
    await workbench.open(server.url, server.workspace);
    for (const step of scenario) {
      const stepStarted = Date.now();
      try {
        await step.run(workbench, server);
      } catch (error) {
        await workbench.screenshot(`failed-${step.name.replace(/\W+/g, '-')}`).catch(() => undefined);
        throw new Error(`step "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      log(`e2e: ✔ ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
    }
    log(`e2e: all ${scenario.length} steps passed in ${elapsed()}`);
  } catch (error) {
    if (server) log(`e2e: extension host log:\n${extensionHostLog(server.userData)}`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await stopCodeServer(server);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`e2e: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
