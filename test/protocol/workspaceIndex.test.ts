/**
 * The workspace index over stdio (issue 15): duplicate incident IDs across files as
 * diagnostics on the `id` value, following files created, deleted and edited; the
 * `postmortem/report` request; multi-root folders; the setting that turns it off. A folder of
 * many postmortems is read on worker threads: the same figures as `postmortem-lint report`,
 * a failed worker costing only its file, a rescan cancelling the scan under way.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ReportResult } from '../../server/src/lsp/protocol';
import { md } from '../helpers';
import { SERVER, TestClient } from './client';

/** A postmortem with the given incident ID and title, one open action item and a stated TTR. */
function postmortem(id: string, title: string, date = '2024-02-10'): string {
  return md('---', `id: ${id}`, `date: ${date}`, 'severity: SEV2', 'status: published', '---', `# ${title}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of uploads failed.', '', '## Timeline', '', '- 10:00 UTC: deploy starts, impact starts', '- 10:05 UTC: alert fires', '- 10:20 UTC: uploads recover, incident resolved', '', '## Root Cause', '', 'A bad deploy.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', '- [ ] Add a canary @dana due 2024-03-01');
}

/** A workspace folder whose postmortems/ holds the given files. */
function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-index-'));
  mkdirSync(join(root, 'postmortems'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'postmortems', name), text);
  return root;
}

const uriOf = (root: string, name: string) => pathToFileURL(join(root, 'postmortems', name)).href;
/** The duplicate-ID diagnostics of a publish, with their messages as text. */
const duplicates = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'duplicate-incident-id').map((d) => ({ ...d, message: String(d.message) }));
const clients: TestClient[] = [];
after(() => Promise.all(clients.map((c) => c.stop())));

/** A server over the folders, once its index is read. */
async function started(roots: string[], settings?: unknown, env?: Record<string, string>): Promise<TestClient> {
  const client = await TestClient.start({ workspaceFolders: roots.map((root, i) => ({ uri: pathToFileURL(root).href, name: `folder${i + 1}` })), settings: () => settings ?? null, env });
  clients.push(client);
  await client.indexChanges.next((c) => c.ready);
  return client;
}

describe('language server: workspace index', { timeout: 60_000 }, () => {
  it('reports a duplicate ID on the id value of the open file, naming the file on disk, until the ID is changed', async () => {
    const root = folderWith({ 'a.md': postmortem('INC-042', 'Upload errors'), 'b.md': postmortem('INC-042', 'Search outage'), 'c.md': postmortem('INC-043', 'Login errors') });
    const client = await started([root]);
    const a = uriOf(root, 'a.md');
    const [found] = duplicates(await client.open(a, postmortem('INC-042', 'Upload errors')));
    assert.equal(found.severity, 1);
    assert.deepEqual(found.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assert.match(found.message, /^The incident ID "INC-042" is also the ID of "postmortems\/b\.md"/);
    assert.deepEqual(found.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[uriOf(root, 'b.md'), 1, 'The same incident ID in postmortems/b.md']]);
    // The open document's text counts, not the file: its new ID is its own.
    const version = client.change(a, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } }, text: 'INC-044' }]);
    assert.deepEqual(duplicates(await client.waitForDiagnostics(a, version)), []);
    // b.md, opened now, no longer shares its ID with anything.
    assert.deepEqual(duplicates(await client.open(uriOf(root, 'b.md'), postmortem('INC-042', 'Search outage'))), []);
  });

  it('re-checks an open file when another file with its ID is created, renamed and deleted', async () => {
    const root = folderWith({ 'c.md': postmortem('INC-043', 'Login errors') });
    const client = await started([root]);
    const c = uriOf(root, 'c.md');
    assert.deepEqual(duplicates(await client.open(c, postmortem('INC-043', 'Login errors'))), []);
    let since = client.diagnostics.all.length;
    writeFileSync(join(root, 'postmortems', 'd.md'), postmortem('INC-043', 'Login errors again'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'd.md'), type: 1 }] });
    let published = await client.diagnostics.next((p) => p.uri === c && duplicates(p).length > 0, since);
    assert.match(duplicates(published)[0].message, /"postmortems\/d\.md"/);

    since = client.diagnostics.all.length;
    renameSync(join(root, 'postmortems', 'd.md'), join(root, 'postmortems', 'e.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'd.md'), type: 3 }, { uri: uriOf(root, 'e.md'), type: 1 }] });
    published = await client.diagnostics.next((p) => p.uri === c && duplicates(p).some((d) => d.message.includes('e.md')), since);
    assert.doesNotMatch(duplicates(published)[0].message, /d\.md/);

    since = client.diagnostics.all.length;
    rmSync(join(root, 'postmortems', 'e.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'e.md'), type: 3 }] });
    published = await client.diagnostics.next((p) => p.uri === c && p.diagnostics.length === 0, since);
    assert.deepEqual(duplicates(published), []);
  });

  it('answers postmortem/report over every postmortem, duplicates counted, open items by owner, HTML escaped', async () => {
    // Front matter text reaches the HTML as written: it must stay text.
    const scripted = postmortem('INC-042', 'Upload errors', '2024-01-05').replace('status: published', 'status: published\ntitle: "Upload <script>alert(1)</script> errors"');
    const root = folderWith({ 'a.md': scripted, 'b.md': postmortem('INC-042', 'Search outage', '2024-03-02') });
    // Markdown outside the postmortem folders that is no postmortem: not a row.
    writeFileSync(join(root, 'NOTES.md'), '# Team notes\n\nNothing here.\n');
    const client = await started([root]);
    const result = await client.request<ReportResult>('postmortem/report', { today: '2024-04-01', format: 'html' });
    assert.equal(result.ready, true);
    assert.deepEqual(result.folders, [{ uri: pathToFileURL(root).href, name: 'folder1' }]);
    const { report } = result;
    assert.deepEqual(report.documents.map((d) => [d.date, d.file, d.uri, d.problems.errors]), [
      ['2024-03-02', 'postmortems/b.md', uriOf(root, 'b.md'), 1],
      ['2024-01-05', 'postmortems/a.md', uriOf(root, 'a.md'), 1],
    ]);
    assert.deepEqual(report.metrics.overall.ttr, { count: 2, notStated: 0, median: 20, p90: 20 });
    assert.deepEqual(report.actionItems.byOwner.map((o) => [o.owner, o.open, o.overdue]), [['@dana', 2, 2]]);
    assert.ok(result.html?.includes('Upload &lt;script&gt;alert(1)&lt;/script&gt; errors'));
    assert.ok(!result.html?.includes('<script>alert'));
    assert.ok(result.html?.includes(`href="${uriOf(root, 'b.md')}"`));
    // A webview's page carries its policy and nonce; an exported page links relative to where it is saved.
    const host = { csp: "default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'", nonce: 'n0nce', script: 'void 0;' };
    const hosted = await client.request<ReportResult>('postmortem/report', { format: 'html', host });
    assert.match(hosted.html ?? '', /<meta http-equiv="Content-Security-Policy" content="default-src (&#39;|')none\1; style-src \1nonce-n0nce\1; script-src \1nonce-n0nce\1">/);
    assert.ok(hosted.html?.includes('<script nonce="n0nce">void 0;</script>'));
    assert.ok(hosted.html?.includes('<style nonce="n0nce">'));
    const exported = await client.request<ReportResult>('postmortem/report', { format: 'html', relativeTo: pathToFileURL(root).href });
    assert.ok(exported.html?.includes('href="postmortems/b.md"'));
    assert.ok(exported.html?.includes('href="postmortems/a.md#L'));
    assert.ok(!exported.html?.includes('<script'));
  });

  it('labels files by folder in a multi-root workspace, and finds duplicates across the folders', async () => {
    const one = folderWith({ 'a.md': postmortem('INC-7', 'Queue backlog') });
    const two = folderWith({ 'a.md': postmortem('inc-7', 'Queue backlog, again') });
    const client = await started([one, two]);
    const { report } = await client.request<ReportResult>('postmortem/report', {});
    assert.deepEqual(report.documents.map((d) => d.file).sort(), ['folder1/postmortems/a.md', 'folder2/postmortems/a.md']);
    const [found] = duplicates(await client.open(uriOf(one, 'a.md'), postmortem('INC-7', 'Queue backlog')));
    assert.match(found.message, /"folder2\/postmortems\/a\.md"/);
  });

  it('reads nothing with postmortem.workspaceIndex.enable off: no rows, no duplicates', async () => {
    const root = folderWith({ 'a.md': postmortem('INC-1', 'A'), 'b.md': postmortem('INC-1', 'B') });
    const client = await started([root], { workspaceIndex: { enable: false } });
    const { report } = await client.request<ReportResult>('postmortem/report', {});
    assert.equal(report.documents.length, 0);
    assert.deepEqual(duplicates(await client.open(uriOf(root, 'a.md'), postmortem('INC-1', 'A'))), []);
  });
});

/** A folder of 120 postmortems (enough for worker threads), over a few months; 000.md and 119.md share INC-0. */
function manyPostmortems(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) files[`${String(i).padStart(3, '0')}.md`] = postmortem(`INC-${i % 119}`, `Outage ${i}`, `2024-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`);
  return folderWith(files);
}

describe('language server: workspace index on worker threads', { timeout: 120_000 }, () => {
  it('has the figures postmortem-lint report has of the same folder, duplicates across it included', async () => {
    const root = manyPostmortems();
    // Too large for the index (maxFileSize), like any file the CLI skips.
    writeFileSync(join(root, 'postmortems', 'large.md'), postmortem('INC-500', 'Large') + '\nfiller line\n'.repeat(200));
    const settings = { maxFileSize: 2000 };
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify(settings));
    const client = await started([root], settings);
    const { report } = await client.request<ReportResult>('postmortem/report', { today: '2024-04-01' });
    const cli = JSON.parse(execFileSync(process.execPath, [SERVER.replace(/server\.js$/, 'cli.js'), 'report', 'postmortems', '--format', 'json', '--today', '2024-04-01'], { cwd: root, encoding: 'utf8' }));
    const withoutUris = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'uri' ? undefined : v)));
    assert.equal(report.documents.length, 120);
    assert.deepEqual(withoutUris(report.documents), cli.documents);
    assert.deepEqual(withoutUris(report.actionItems), cli.actionItems);
    assert.deepEqual(report.documents.filter((d) => d.id === 'INC-0').map((d) => [d.file, d.problems.errors]), [['postmortems/119.md', 1], ['postmortems/000.md', 1]]);
    // An open file whose ID another file on disk has gets the diagnostic.
    const [found] = duplicates(await client.open(uriOf(root, '000.md'), postmortem('INC-0', 'Outage 0', '2024-01-01')));
    assert.match(found.message, /"postmortems\/119\.md"/);
  });

  it('a worker thread that fails costs the file it was reading: the rest is indexed, the server answers', async () => {
    const root = manyPostmortems();
    const client = await started([root], undefined, { POSTMORTEM_TEST_FAULT_INDEX_WORKER: '119.md' });
    const { ready, documents } = await client.indexChanges.next((c) => c.ready);
    assert.deepEqual({ ready, documents }, { ready: true, documents: 119 });
    const { report } = await client.request<ReportResult>('postmortem/report', {});
    assert.ok(!report.documents.some((d) => d.file === 'postmortems/119.md'));
    assert.ok(report.documents.some((d) => d.file === 'postmortems/118.md'));
    // 119.md was not read, so 000.md's ID is its own; the server still checks documents.
    assert.deepEqual(duplicates(await client.open(uriOf(root, '000.md'), postmortem('INC-0', 'Outage 0', '2024-01-01'))), []);
  });

  it('a long file in a small folder is read on a worker too, so its analysis never holds the server', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => `- 1${String(i % 10)}:${String(i % 60).padStart(2, '0')} UTC: step ${i} of the rollback`).join('\n');
    const long = postmortem('INC-900', 'Long').replace('- 10:00 UTC: deploy starts, impact starts', `- 10:00 UTC: deploy starts, impact starts\n${entries}`);
    assert.ok(long.length > 100_000);
    const root = folderWith({ 'long.md': long, 'short.md': postmortem('INC-901', 'Short') });
    // The injected failure hits only files read on a worker: the long one.
    const client = await started([root], undefined, { POSTMORTEM_TEST_FAULT_INDEX_WORKER: 'long.md' });
    assert.equal(client.indexChanges.all.find((c) => c.ready)?.documents, 1);
    const { report } = await client.request<ReportResult>('postmortem/report', {});
    assert.deepEqual(report.documents.map((d) => d.file), ['postmortems/short.md']);
    // Without the failure it is indexed like any other file.
    const plain = await started([root]);
    const again = await plain.request<ReportResult>('postmortem/report', {});
    assert.deepEqual(again.report.documents.map((d) => d.file).sort(), ['postmortems/long.md', 'postmortems/short.md']);
  });

  it('a rescan (settings changed) cancels the scan under way on its workers', async () => {
    const root = manyPostmortems();
    let settings: unknown = null;
    const client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'folder1' }], settings: () => settings });
    clients.push(client);
    // Before the first scan is read: the index is turned off, and the scan started under the old settings must not finish.
    await client.indexChanges.next((c) => !c.ready);
    settings = { workspaceIndex: { enable: false } };
    const since = client.indexChanges.all.length;
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const after = await client.indexChanges.next((c) => c.ready, since);
    assert.equal(after.documents, 0);
    const { report } = await client.request<ReportResult>('postmortem/report', {});
    assert.equal(report.documents.length, 0);
    // Turned on again: every file once.
    settings = null;
    const again = client.indexChanges.all.length;
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    assert.equal((await client.indexChanges.next((c) => c.ready, again)).documents, 120);
  });
});
