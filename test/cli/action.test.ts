/**
 * The composite GitHub Action (action.yml), its steps run as the runner runs them: each `run:`
 * with `bash --noprofile --norc -eo pipefail`, `${{ … }}` expressions substituted, and the
 * GITHUB_* files pointed at temporary files; then what a workflow would see.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { installCli, packCli, ROOT } from './pack';

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }> };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The action's outputs, as a later step would read them. */
  outputs: Record<string, string>;
  summary: string;
}

const BAD = '# Outage\n\n## Summary\n\nAll users saw errors.\n\n## Timeline\n\n- 10:00 UTC: errors\n\n## Action Items\n\n- Raise <alerts> & pages\n';
const WARNED =
  '# Outage\n\n**Summary**\n\nAll users saw errors for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC: errors start\n- 10:20 UTC: resolved\n\n## Root Cause\n\nA bad deploy.\n\n## Resolution\n\nRolled back.\n\n## Action Items\n\n- [ ] Add a canary (@alice)\n';

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) values[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return values;
}

/** Runs the action's steps in `workspace` with these inputs (the others take their defaults). */
function runAction(workspace: string, inputs: Record<string, string>): Run {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
  assert.equal(action.runs.using, 'composite');
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `no input ${name}`);
  const given = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
  const temp = mkdtempSync(join(tmpdir(), 'pm-runner-'));
  const files = { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', GITHUB_ENV: '', GITHUB_PATH: '' };
  for (const name of Object.keys(files) as Array<keyof typeof files>) writeFileSync((files[name] = join(temp, name)), '');
  const steps: Record<string, Record<string, string>> = {};
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return given[input[1]];
      if (expression === 'github.action_path') return ROOT;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return steps[output[1]]?.[output[2]] ?? '';
      throw new Error(`the test runner does not know the expression ${expression}`);
    });
  let last: Omit<Run, 'outputs' | 'summary'> = { code: 0, stdout: '', stderr: '' };
  for (const [i, step] of action.runs.steps.entries()) {
    assert.equal(step.uses, undefined, 'every step is a run step');
    assert.equal(step.shell, 'bash');
    const script = join(temp, `step-${i}.sh`);
    writeFileSync(script, expand(step.run ?? ''));
    writeFileSync(files.GITHUB_OUTPUT, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...env, ...files, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, NO_COLOR: '1' },
    });
    if (step.id) steps[step.id] = readOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    last = { code: result.status, stdout: last.stdout + result.stdout, stderr: last.stderr + result.stderr };
    if (result.status !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, expand(output.value)]));
  return { ...last, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('GitHub Action (action.yml)', () => {
  let tarball = '';
  before(() => {
    tarball = packCli();
  });

  /** A checked-out repository whose project installs postmortem-lint, with a README and postmortems. */
  function repository(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'pm-action-'));
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    installCli(tarball, dir);
    writeFileSync(join(dir, 'README.md'), '# Tools\n\nHow to build this.\n');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('annotates the findings, writes SARIF and the summary, sets its outputs, and fails on errors', () => {
    const dir = repository({ 'incidents/2024-05-01-db.md': BAD });
    const run = runAction(dir, {});
    assert.equal(run.code, 1, run.stderr);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error ') || line.startsWith('::notice '));
    assert.deepEqual(
      annotations.map((line) => /^::(\w+) file=([^,]+),line=(\d+),.*title=([^:]+)::/.exec(line)?.slice(1)),
      [
        ['error', 'incidents/2024-05-01-db.md', '1', 'missing-section'],
        ['error', 'incidents/2024-05-01-db.md', '1', 'missing-section'],
        ['notice', 'incidents/2024-05-01-db.md', '13', 'action-item-owner'],
      ],
    );
    // The log shows the findings for people too, folded in a group.
    assert.match(run.stdout, /::group::postmortem-lint findings\nincidents\/2024-05-01-db\.md\n\s+1:1\s+error\s+Missing section "Root Cause"[\s\S]*::endgroup::/);
    assert.deepEqual(run.outputs, { 'sarif-file': 'postmortem-lint.sarif', errors: '2', warnings: '0' });
    const sarif = JSON.parse(readFileSync(join(dir, 'postmortem-lint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]), [
      ['missing-section', 'incidents/2024-05-01-db.md'],
      ['missing-section', 'incidents/2024-05-01-db.md'],
      ['action-item-owner', 'incidents/2024-05-01-db.md'],
    ]);
    assert.match(run.summary, /^## Postmortem lint\n\n❌ 3 problems \(2 errors, 1 info\): 1 file checked\.\n/);
    assert.match(run.summary, /\| 13:3 \| 🔵 info \| The action item "Raise &lt;alerts&gt; &amp; pages" has no owner/);
    assert.doesNotMatch(run.summary + run.stdout, /README/);
  });

  it('passes warnings by default, fails them with fail-on: warning, never fails with never', () => {
    const dir = repository({ 'postmortems/db.md': WARNED });
    const lenient = runAction(dir, { 'sarif-file': 'out/lint.sarif' });
    assert.equal(lenient.code, 0, lenient.stdout + lenient.stderr);
    assert.match(lenient.stdout, /^::warning file=postmortems\/db\.md,line=3,col=1,.*title=pseudo-heading::"\*\*Summary\*\*" names a section/m);
    assert.deepEqual(lenient.outputs, { 'sarif-file': 'out/lint.sarif', errors: '0', warnings: '1' });
    assert.ok(existsSync(join(dir, 'out', 'lint.sarif')), 'the SARIF file, its folder made');
    assert.equal(runAction(dir, { 'fail-on': 'warning' }).code, 1);
    const never = runAction(repository({ 'incidents/db.md': BAD }), { 'fail-on': 'never', summary: 'false' });
    assert.equal(never.code, 0);
    assert.equal(never.summary, '');
    assert.equal(never.outputs.errors, '2');
  });

  it('takes paths, profile and config, and reports a bad fail-on or an unreadable path as errors (exit 2)', () => {
    const dir = repository({ 'docs/db-postmortem.md': BAD, 'other/db-postmortem.md': BAD, 'strict.json': '{ "rules": { "action-item-owner": "error" } }\n' });
    const run = runAction(dir, { paths: 'docs\nmissing.md', config: 'strict.json', profile: 'core' });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^::error file=docs\/db-postmortem\.md,line=13,.*title=action-item-owner::/m);
    assert.doesNotMatch(run.stdout, /other\//);
    assert.match(run.stdout, /^::error file=missing\.md,title=postmortem-lint::cannot read the file \(no such file\)$/m);
    assert.equal(run.outputs.errors, '3');
    const bad = runAction(dir, { 'fail-on': 'sometimes' });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /::error title=postmortem-lint::fail-on must be error, warning or never, not "sometimes"/);
  });
});
