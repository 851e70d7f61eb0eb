/** The examples that ship with the project, as the README shows them: its first command and the report over the folder. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Report } from '../../server/src/report';
import { runCli } from './run';

const root = resolve(__dirname, '..', '..');

describe('examples/postmortems', () => {
  it('the README’s first command lints the checkout postmortem: warnings, no errors, exit 0', () => {
    const { code, stdout } = runCli(['examples/postmortems/2024-03-12-checkout-latency.md'], root);
    assert.equal(code, 0);
    assert.match(stdout, /⚠ 3 problems \(2 warnings, 1 info\)/);
  });

  it('the report over the folder is what the README prints', () => {
    const { code, stdout } = runCli(['report', 'examples/postmortems', '--format', 'markdown', '--today', '2024-07-01'], root);
    assert.equal(code, 0);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const shown = /<summary>What it prints \(rendered\)<\/summary>\n\n([\s\S]*?)\n\n<\/details>/.exec(readme)?.[1];
    // The README's copy sits under its own section: its headings are two levels down.
    const demoted = stdout.trimEnd().replace(/^(#+) /gm, (_, hashes: string) => `${hashes}## `);
    assert.equal(shown, demoted, 'run the command in the README and paste its output');
  });

  it('spans January to June 2024, every severity, and a metric one timeline does not state', () => {
    const report = JSON.parse(runCli(['report', 'examples/postmortems', '--format', 'json', '--today', '2024-07-01'], root).stdout) as Report;
    assert.equal(report.totals.incidents, 7);
    assert.deepEqual(report.totals.byMonth.map((m) => m.month), ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    assert.deepEqual(report.totals.bySeverity.map((s) => s.severity), ['SEV1', 'SEV2', 'SEV3', 'SEV4', null]);
    assert.equal(report.metrics.overall.ttd.notStated, 1);
    assert.ok(report.actionItems.byOwner.some((o) => o.owner !== null && o.overdue > 0));
  });
});
