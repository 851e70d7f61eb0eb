/**
 * The built server under abuse (issue 8): 200 rapid edits across 20 documents; malformed and
 * out-of-range requests and notifications; a rule that throws (injected with the test-only
 * POSTMORTEM_TEST_FAULT_RULE, see server/src/lsp/testFaults.ts); documents over
 * postmortem.maxFileSize; configuration that is invalid, partly missing or null. The server
 * answers or refuses, never crashes, and its diagnostics always match the text they are for.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TestClient, postmortemUri, serverForSuite, workspace } from './client';
import { NO_RESOLUTION, PSEUDO_HEADINGS, TIMELINE } from './documents';
import { comparable, expectedDiagnostics, rulesOf } from './expect';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const SNIPPETS = ['## Resolution\n\nRolled back.\n', '- 10:0', '5 UTC: alert\n', '**Impact**\n', '\r\n', 'é', '😀', '\t', '| 10:00 | x |\n', '', 'PST', '## ', '\n\n', '12:00 PM '];

/** Handler failures the server logged (guard() logs each as an error). */
const failures = (client: TestClient, since = 0) => client.logs.all.slice(since).filter((log) => log.type === 1).map((log) => log.message);

describe('language server under abuse', { timeout: 120_000 }, () => {
  let client: TestClient;
  let root: string;
  serverForSuite((started, folder) => ([client, root] = [started, folder]));

  it('200 rapid edits across 20 documents end with diagnostics that match each final text', async () => {
    const bases = [NO_RESOLUTION, PSEUDO_HEADINGS, TIMELINE];
    const uris = Array.from({ length: 20 }, (_, i) => postmortemUri(root, `rapid-${i}.md`));
    await Promise.all(uris.map((uri, i) => client.open(uri, bases[i % bases.length])));
    const since = client.diagnostics.all.length;
    const logsSince = client.logs.all.length;
    const next = random(8);
    const finalVersions = new Map<string, number>();
    for (let edit = 0; edit < 200; edit++) {
      const uri = uris[next(uris.length)];
      const lines = client.text(uri).split('\n').length;
      // Positions may point past a line's end or the last line: client and server clamp them alike.
      const at = () => ({ line: next(lines + 2), character: next(40) });
      const change = (): TextDocumentContentChangeEvent => {
        const [a, b] = [at(), at()];
        const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
        return next(3) === 0 ? { range: { start, end }, text: '' } : { range: { start, end: next(2) ? start : end }, text: SNIPPETS[next(SNIPPETS.length)] };
      };
      const kind = next(20);
      const changes = kind === 0 ? [{ text: bases[next(bases.length)] }] : kind === 1 ? [change(), change()] : [change()];
      finalVersions.set(uri, client.change(uri, changes));
    }
    for (const [uri, version] of finalVersions) {
      const published = await client.waitForDiagnostics(uri, version, since);
      assert.deepEqual(comparable(published.diagnostics), comparable(expectedDiagnostics(client.text(uri), uri)), `final diagnostics of ${uri}`);
    }
    for (const p of client.diagnostics.all.slice(since)) {
      const text = client.history.get(p.uri)?.get(p.version!);
      assert.ok(text !== undefined, `published for a version never sent: ${p.uri} v${p.version}`);
      assert.deepEqual(comparable(p.diagnostics), comparable(expectedDiagnostics(text, p.uri)), `diagnostics of ${p.uri} v${p.version} match that version's text`);
    }
    assert.deepEqual(failures(client, logsSince), []);
  });

  it('refuses or answers malformed and out-of-range requests, and keeps working', async () => {
    const uri = postmortemUri(root, 'target.md');
    await client.open(uri, NO_RESOLUTION);
    const logsSince = client.logs.all.length;
    const past = { line: 10_000, character: 10_000 };
    const wellFormed: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: past }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10_000 } }],
      ['textDocument/completion', { textDocument: { uri }, position: past }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: past, end: past }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: past, end: { line: 0, character: 0 } } }],
      ['textDocument/documentSymbol', { textDocument: { uri: postmortemUri(root, 'never-opened.md') } }],
      ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } }],
      ['textDocument/codeLens', { textDocument: { uri: 'file:///%E0%A4%A' } }],
      ['postmortem/timeline', { uri: 'file:///nowhere/postmortems/x.md' }],
      ['codeAction/resolve', { title: 'Fix all', kind: 'source.fixAll.postmortem', data: { uri, version: 999 } }],
    ];
    // Well-formed requests about places or documents that do not exist get a plain empty answer.
    for (const [method, params] of wellFormed) {
      await assert.doesNotReject(client.request(method, params), `${method} ${JSON.stringify(params)}`);
    }
    assert.deepEqual(failures(client, logsSince), [], 'no handler failed on a well-formed request');

    const garbage: Array<[string, unknown]> = [
      ['textDocument/hover', null],
      ['textDocument/hover', { textDocument: null, position: 'here' }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: { line: -1, character: Number.MAX_SAFE_INTEGER } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/documentSymbol', []],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 'a', character: {} }, end: null } }],
      ['postmortem/timeline', { uri: { not: 'a string' } }],
      ['codeAction/resolve', { data: 'garbage' }],
      ['postmortem/nonexistent', {}],
    ];
    for (const [method, params] of garbage) {
      // An answer (empty) or an error response: either way the request settles.
      const settled = await client.request(method, params).then(
        () => 'answered',
        (error: { code?: unknown }) => (typeof error.code === 'number' ? 'refused' : `failed: ${String(error)}`),
      );
      assert.ok(settled === 'answered' || settled === 'refused', `${method}: ${settled}`);
    }
    // Notifications that make no sense: ignored or logged, never fatal.
    client.notify('textDocument/didChange', { textDocument: { uri: postmortemUri(root, 'unknown.md'), version: 2 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didChange', { textDocument: null, contentChanges: null });
    client.notify('textDocument/didClose', { textDocument: { uri: postmortemUri(root, 'unknown.md') } });
    client.notify('textDocument/didOpen', { textDocument: { uri: 7 } });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }] });
    client.notify('$/unknownNotification', { anything: true });

    // Still alive, and still right.
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft\n\n' }]);
    const published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(comparable(published.diagnostics), comparable(expectedDiagnostics(client.text(uri), uri)));
    assert.ok((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
    assert.equal(client.process.exitCode, null);
  });
});

describe('language server: a rule that throws (POSTMORTEM_TEST_FAULT_RULE)', { timeout: 60_000 }, () => {
  let client: TestClient | undefined;
  afterEach(() => client?.stop());

  it('logs the failing rule once and still publishes every other rule', async () => {
    client = await TestClient.start({ env: { POSTMORTEM_TEST_FAULT_RULE: 'missing-section' } });
    const uri = postmortemUri(workspace(), 'faulty.md');
    const { diagnostics } = await client.open(uri, PSEUDO_HEADINGS);
    const others = expectedDiagnostics(PSEUDO_HEADINGS, uri).filter((d: Diagnostic) => d.code !== 'missing-section');
    assert.ok(expectedDiagnostics(PSEUDO_HEADINGS, uri).some((d) => d.code === 'missing-section'), 'the document has a missing section to lose');
    assert.ok(others.length >= 4);
    assert.deepEqual(comparable(diagnostics), comparable(others));
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, version);
    const logged = failures(client).filter((message) => message.includes('rule missing-section failed'));
    assert.equal(logged.length, 1, failures(client).join('\n'));
    assert.match(logged[0], /injected failure of missing-section/);
    assert.equal(client.process.exitCode, null);
  });
});

describe('language server: postmortem.maxFileSize', { timeout: 60_000 }, () => {
  let client: TestClient | undefined;
  afterEach(() => client?.stop());

  const oversized = (bytes: number) => `${NO_RESOLUTION}\n${'Filler line for a long appendix.\n'.repeat(Math.ceil(bytes / 33))}`;

  it('does not check a document over the default 1 MB, and says so once', async () => {
    client = await TestClient.start();
    const root = workspace();
    const big = postmortemUri(root, 'big.md');
    client.openQuietly(big, oversized(1_100_000));
    // Checks run in order: once a later document is published, the big one's check is done.
    await client.open(postmortemUri(root, 'small.md'), NO_RESOLUTION);
    assert.equal(client.diagnostics.all.filter((p) => p.uri === big).length, 0);
    const notes = client.messages.all.filter((m) => m.message.includes('maxFileSize'));
    assert.equal(notes.length, 1, JSON.stringify(client.messages.all));
    assert.equal(notes[0].type, 3, 'an informational message');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: big } }), []);
  });

  it('with a smaller limit: one message however many edits, no analysis, and checked again once under it', async () => {
    client = await TestClient.start({ settings: () => ({ maxFileSize: 3000 }) });
    const uri = postmortemUri(workspace(), 'limited.md');
    const text = oversized(4000);
    client.openQuietly(uri, text);
    await client.messages.next((m) => m.message.includes('maxFileSize'));
    let version = 1;
    for (let i = 0; i < 5; i++) {
      version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      // A request reads the current version: each edited version is looked at, and not analysed.
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    }
    // Cut it back under the limit: it is checked, for that version.
    const lines = client.text(uri).split('\n').length;
    version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, text: NO_RESOLUTION }]);
    const published = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(rulesOf(published.diagnostics), ['1 missing-section']);
    assert.deepEqual(client.diagnostics.all.filter((p) => p.uri === uri && p.version !== version), [], 'nothing published while over the limit');
    const notes = client.messages.all.filter((m) => m.message.includes('maxFileSize'));
    assert.equal(notes.length, 1, JSON.stringify(client.messages.all));
    assert.match(notes[0].message, /limited\.md is larger than postmortem\.maxFileSize \(3000 bytes\): it is not checked/);
  });
});

describe('language server: configuration invalid, partly missing or null', { timeout: 60_000 }, () => {
  let client: TestClient | undefined;
  afterEach(() => client?.stop());

  const cases: Array<[string, unknown, RegExp | null]> = [
    ['null', null, null],
    ['partly missing', { timeline: {}, rules: {} }, null],
    ['not an object', 'loud please', /settings: the configuration must be an object \(defaults apply\)/],
    ['invalid in several keys', { timeline: { maxGap: 'an hour', tolerance: -1 }, rules: { 'missing-section': 'loud', 'no-such-rule': 'error' }, detect: 'sometimes', profile: 42 }, /"timeline\.maxGap".*"timeline\.tolerance".*missing-section.*no-such-rule.*"detect".*"profile"/],
  ];
  for (const [name, settings, message] of cases) {
    it(`${name}: the defaults apply${message ? ', with one message naming every bad key' : ', silently'}`, async () => {
      client = await TestClient.start({ settings: () => settings });
      const root = workspace();
      const first = postmortemUri(root, 'a.md');
      const second = postmortemUri(root, 'b.md');
      const published = await client.open(first, NO_RESOLUTION);
      await client.open(second, NO_RESOLUTION);
      assert.deepEqual(comparable(published.diagnostics), comparable(expectedDiagnostics(NO_RESOLUTION, first)));
      const warnings = client.messages.all.filter((m) => m.type === 2);
      if (!message) return assert.deepEqual(warnings, []);
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0].message, message);
    });
  }
});
