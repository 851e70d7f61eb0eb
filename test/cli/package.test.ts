/**
 * The npm package `postmortem-lint` (npm run pack:cli): what the tarball holds, and that it
 * installs into an empty folder with no network and runs there with npx.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { postmortemUri, TestClient, workspace } from '../protocol/client';
import { installCli, packCli, ROOT, sh } from './pack';

/** The version the package takes from the root manifest. */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('npm package postmortem-lint', () => {
  let tarball = '';
  let installedServer = '';
  before(() => {
    tarball = packCli();
  });

  it('holds only the bundles, README, LICENSE and the config schema, under 1 MiB, with no install scripts or dependencies', () => {
    assert.equal(tarball.endsWith(`postmortem-lint-${VERSION}.tgz`), true, tarball);
    const files = sh('tar', ['tzf', tarball], ROOT).stdout.split('\n').filter(Boolean).sort();
    assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/dist/server.js', 'package/package.json', 'package/schemas/postmortemrc.schema.json'].sort());
    assert.ok(statSync(tarball).size <= 1024 * 1024, `${statSync(tarball).size} bytes`);
    const manifest = JSON.parse(sh('tar', ['xzOf', tarball, 'package/package.json'], ROOT).stdout) as Record<string, unknown>;
    assert.equal(manifest.name, 'postmortem-lint');
    assert.deepEqual(manifest.bin, { 'postmortem-lint': 'dist/cli.js', 'postmortem-language-server': 'dist/server.js' });
    assert.equal(manifest.scripts, undefined);
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.version, VERSION);
  });

  it('installs into an empty folder offline, and npx postmortem-lint lints a file there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-install-'));
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    installCli(tarball, dir);
    assert.deepEqual(readdirSync(join(dir, 'node_modules')).filter((f) => !f.startsWith('.')), ['postmortem-lint']);
    writeFileSync(join(dir, 'db-postmortem.md'), '# Outage\n\n## Summary\n\nAll users saw errors.\n\n## Timeline\n\n- 10:00 UTC: errors\n');
    const linted = sh('npx', ['--offline', 'postmortem-lint', 'db-postmortem.md'], dir);
    assert.equal(linted.code, 1, linted.stderr);
    assert.match(linted.stdout, /^db-postmortem\.md$/m);
    assert.match(linted.stdout, /1:1\s+error\s+Missing section "Root Cause"/);
    assert.match(linted.stdout, /✖ \d+ problems \(3 errors/);
    assert.equal(sh('npx', ['--offline', 'postmortem-lint', '--version'], dir).stdout.trim(), VERSION);
    installedServer = join(dir, 'node_modules', '.bin', 'postmortem-language-server');
  });

  it("runs the package's language server: it publishes a finding for a postmortem opened", async () => {
    assert.ok(installedServer, 'the install test runs first');
    const client = await TestClient.start({ server: installedServer });
    try {
      const root = workspace();
      const published = await client.open(postmortemUri(root, 'db-postmortem.md'), '# Outage\n\n## Summary\n\nAll users saw errors.\n');
      assert.ok(published.diagnostics.some((d) => d.code === 'missing-section'), JSON.stringify(published.diagnostics));
    } finally {
      await client.stop();
    }
  });
});
