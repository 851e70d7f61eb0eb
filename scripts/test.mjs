// Runs the test suites with node's test runner: every *.test.ts under the folders named
// (default: unit, grammar, cli, protocol), after the bundles are built by `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'grammar', 'cli', 'protocol'];
const files = suites.flatMap((suite) => {
  const dir = join('test', suite);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(dir, f)) : [];
});
if (files.length === 0) {
  console.error(`no test files under ${suites.map((s) => `test/${s}`).join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
