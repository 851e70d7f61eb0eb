/**
 * The entry point VS Code's extension host loads (`--extensionTestsPath`): runs the mocha
 * suite bundled next to it and reports failures by rejecting. When POSTMORTEM_TEST_REPORT
 * names a file (the code-server run of `npm run test:e2e`, where the host's console is out of
 * reach), the results are also written there as JSON.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the report file holds. */
export interface SuiteReport {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  mocha.addFile(join(__dirname, 'extension.test.js'));
  const report: SuiteReport = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.POSTMORTEM_TEST_REPORT;
      if (file) writeFileSync(file, JSON.stringify(report, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => report.passed.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) => report.failed.push({ title: test.fullTitle(), error: error.stack ?? error.message }));
  });
}
