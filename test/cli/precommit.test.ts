/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run by Debian's pre-commit with `try-repo` in a
 * throwaway repository whose project has the CLI installed from the packed tarball.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { installCli, packCli, ROOT, sh } from './pack';

const BAD = '# Outage\n\n## Summary\n\nAll users saw errors.\n\n## Timeline\n\n- 10:00 UTC: errors\n';
const CLEAN = '# Outage\n\n## Summary\n\nAll users saw errors for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC: errors start\n- 10:20 UTC: resolved\n\n## Root Cause\n\nA bad deploy.\n\n## Resolution\n\nRolled back.\n\n## Action Items\n\n- [ ] Add a canary (@alice)\n';

describe('pre-commit hook postmortem-lint', () => {
  let tarball = '';
  before(() => {
    const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(found.status, 0, `pre-commit is not installed: apt-get install -y pre-commit (.ci/run installs it). ${found.error?.message ?? found.stderr}`);
    tarball = packCli();
  });

  /** A git repository with a README, a postmortem, the CLI in node_modules, and everything staged. */
  function project(postmortem: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'pm-precommit-'));
    for (const args of [['init', '-q'], ['config', 'user.email', 'ci@example.invalid'], ['config', 'user.name', 'CI']]) assert.equal(sh('git', args, dir).code, 0);
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    installCli(tarball, dir);
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    writeFileSync(join(dir, 'README.md'), '# Tools\n\nHow to build this.\n');
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents', '2024-05-01-db.md'), postmortem);
    assert.equal(sh('git', ['add', '-A'], dir).code, 0);
    return dir;
  }

  function tryRepo(dir: string) {
    return sh('pre-commit', ['try-repo', ROOT, 'postmortem-lint', '--color', 'never'], dir, { PRE_COMMIT_HOME: join(dir, '.pre-commit-home') });
  }

  it('fails on a staged postmortem with an error and shows the finding; the README is not linted', () => {
    const dir = project(BAD);
    const { code, stdout } = tryRepo(dir);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /postmortem-lint\.+Failed/);
    assert.match(stdout, /incidents\/2024-05-01-db\.md\n\s+1:1\s+error\s+Missing section "Root Cause"/);
    assert.doesNotMatch(stdout, /README/);
  });

  it('passes a clean postmortem staged with a README', () => {
    const dir = project(CLEAN);
    const { code, stdout } = tryRepo(dir);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /postmortem-lint\.+Passed/);
  });
});
