/**
 * Runs the extension-host suite of `npm run test:electron` inside code-server's extension
 * host, where no VS Code can be downloaded: the workbench is opened with the extension under
 * development and the tests as its payload, and the suite writes its results to a file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleSuite } from '../electron/bundle';
import type { SuiteReport } from '../electron/suite/index';
import { extensionHostLog, startCodeServer, stopCodeServer } from './codeServer';

/** The whole suite must report within this. */
const SUITE_LIMIT_MS = 5 * 60_000;

export async function runHostSuite(bin: string, root: string, browser: Browser): Promise<SuiteReport> {
  const testsPath = await bundleSuite();
  const scratch = mkdtempSync(join(tmpdir(), 'postmortem-host-suite-'));
  const reportFile = join(scratch, 'report.json');
  const server = await startCodeServer(bin, undefined, join(root, 'test', 'e2e', 'workspace'), { POSTMORTEM_TEST_REPORT: reportFile });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let passed = false;
  try {
    const authority = new URL(server.url).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + SUITE_LIMIT_MS;
    // The suite writes the file when mocha finishes: poll for it.
    while (!existsSync(reportFile)) {
      if (Date.now() > deadline) throw new Error(`the extension-host suite did not finish within ${SUITE_LIMIT_MS / 60_000} minutes:\n${extensionHostLog(server.userData)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as SuiteReport;
    passed = report.failed.length === 0;
    return report;
  } finally {
    await page.close().catch(() => undefined);
    await stopCodeServer(server);
    rmSync(scratch, { recursive: true, force: true });
    if (passed) rmSync(server.base, { recursive: true, force: true });
  }
}
