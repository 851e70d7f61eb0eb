/** The built server over stdio: initialize, diagnostics on open, after edits, under rapid edits, on close. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { SERVER, TestClient, postmortemUri, serverForSuite } from './client';
import { NO_RESOLUTION, README } from './documents';
import { comparable, expectedDiagnostics, rulesOf } from './expect';

describe('language server: lifecycle and diagnostics', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  serverForSuite((started, folder) => ([client, root] = [started, folder]));

  it('declares its capabilities and registers for settings and config file changes', async () => {
    const { capabilities, serverInfo }: InitializeResult = client.initializeResult;
    assert.equal(serverInfo?.name, 'postmortem-language-server');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    const actions = capabilities.codeActionProvider;
    assert.ok(actions && typeof actions === 'object');
    assert.deepEqual(actions.codeActionKinds, ['quickfix', 'source.fixAll', 'source.fixAll.postmortem']);
    assert.equal(actions.resolveProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('#'));
    const settings = await client.registrations.next((r) => r.method === 'workspace/didChangeConfiguration');
    assert.deepEqual(settings.registerOptions, { section: 'postmortem' });
    const files = await client.registrations.next((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(files.registerOptions, { watchers: [{ globPattern: '**/.postmortemrc.json' }, { globPattern: '**/*.{md,markdown,mdown,mkd}' }] });
  });

  it('publishes the core analysis on open, with source and rule code', async () => {
    const uri = postmortemUri(root, 'open.md');
    const published = await client.open(uri, NO_RESOLUTION);
    assert.deepEqual(rulesOf(published.diagnostics), ['1 missing-section']);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.source, 'postmortem');
    assert.equal(diagnostic.codeDescription, undefined, 'no link to a page that is not published');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.message as string, /Resolution/);
    assert.deepEqual(comparable(published.diagnostics), comparable(expectedDiagnostics(NO_RESOLUTION, uri)));
  });

  it('re-publishes for the new version after an edit', async () => {
    const uri = postmortemUri(root, 'edit.md');
    await client.open(uri, NO_RESOLUTION);
    const line = NO_RESOLUTION.split('\n').indexOf('## Action Items');
    const version = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '## Resolution\n\nWe rolled the pooler config back.\n\n' }]);
    const published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(rulesOf(published.diagnostics), []);
    assert.deepEqual(comparable(published.diagnostics), comparable(expectedDiagnostics(client.text(uri), uri)));
  });

  it('after 100 rapid incremental edits, publishes only current versions and ends on the final text', async () => {
    const uri = postmortemUri(root, 'rapid.md');
    await client.open(uri, NO_RESOLUTION);
    const since = client.diagnostics.all.length;
    const lines = NO_RESOLUTION.split('\n');
    const target = lines.indexOf('## Root Cause');
    // Type "## Resolution" and a sentence one character at a time, with a few backspaces, above Root Cause.
    const typed = '## Resolution\n\nRolled back the pooler config.\n\n';
    let line = target;
    let character = 0;
    let version = 1;
    let edits = 0;
    for (const char of typed) {
      version = client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: char }]);
      edits++;
      if (char === '\n') [line, character] = [line + 1, 0];
      else character++;
      if (edits % 9 === 0 && char !== '\n') {
        version = client.change(uri, [{ range: { start: { line, character: character - 1 }, end: { line, character } }, text: '' }]);
        version = client.change(uri, [{ range: { start: { line, character: character - 1 }, end: { line, character: character - 1 } }, text: char }]);
        edits += 2;
      }
    }
    while (edits < 100) {
      version = client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'x' }]);
      version = client.change(uri, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: '' }]);
      edits += 2;
    }
    assert.ok(edits >= 100);
    const final = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(comparable(final.diagnostics), comparable(expectedDiagnostics(client.text(uri), uri)));
    assert.deepEqual(rulesOf(final.diagnostics), []);

    const published = client.diagnostics.all.slice(since).filter((p) => p.uri === uri);
    const versions = published.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'published versions never go backwards');
    assert.ok(published.length < edits / 4, `debounced: ${published.length} publishes for ${edits} edits`);
    for (const p of published) {
      const text = client.history.get(uri)!.get(p.version!)!;
      assert.deepEqual(comparable(p.diagnostics), comparable(expectedDiagnostics(text, uri)), `diagnostics of version ${p.version} match its text`);
    }
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = postmortemUri(root, 'close.md');
    const opened = await client.open(uri, NO_RESOLUTION);
    assert.equal(opened.diagnostics.length, 1);
    const since = client.diagnostics.all.length;
    client.close(uri);
    const cleared = await client.diagnostics.next((p) => p.uri === uri, since);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('clears diagnostics when a document stops being a postmortem', async () => {
    // Outside postmortems/: a postmortem only by its content (two sections, one of them Timeline).
    const uri = pathToFileURL(join(root, 'notes.md')).href;
    const opened = await client.open(uri, NO_RESOLUTION);
    assert.deepEqual(rulesOf(opened.diagnostics), ['1 missing-section']);
    const lineCount = NO_RESOLUTION.split('\n').length;
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } }, text: README }]);
    const cleared = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('publishes nothing for Markdown that is not a postmortem, and features answer empty', async () => {
    const readme = pathToFileURL(join(root, 'README.md')).href;
    client.openQuietly(readme, README);
    // Checks run in order: once a later postmortem is published, the README's check is done.
    await client.open(postmortemUri(root, 'after-readme.md'), NO_RESOLUTION);
    assert.equal(client.diagnostics.all.filter((p) => p.uri === readme).length, 0);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: readme } }), []);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: readme }, position: { line: 3, character: 2 } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: readme }, position: { line: 4, character: 4 } }), null);
  });
});

describe('language server: the binary', () => {
  it('prints its version and usage, and refuses to start without a transport', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', input: '' });
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const bare = run();
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /no transport given[\s\S]*Usage: postmortem-language-server --stdio/);
  });
});
