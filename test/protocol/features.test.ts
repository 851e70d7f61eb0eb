/** Document symbols, hover and completion of the built server. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { CATALOG } from '../../server/src/core/profiles/catalog';
import { FULL_CAPABILITIES, TestClient, postmortemUri, serverForSuite, workspace } from './client';
import { NO_RESOLUTION, PSEUDO_HEADINGS } from './documents';

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);
const expects = (id: string) => CATALOG.find((c) => c.id === id)!.expects;

describe('language server: symbols, hover, completion', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  serverForSuite((started, folder) => ([client, root] = [started, folder]));

  it('outlines the sections under the title', async () => {
    const uri = postmortemUri(root, 'symbols.md');
    await client.open(uri, NO_RESOLUTION);
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Database outage on 2024-03-02'],
    );
    const sections = symbols[0].children!;
    assert.deepEqual(
      sections.map((s) => s.name),
      ['Summary', 'Timeline', 'Root Cause', 'Action Items'],
    );
    const timeline = sections[1];
    assert.equal(timeline.selectionRange.start.line, lineOf(NO_RESOLUTION, '## Timeline'));
    assert.equal(timeline.range.end.line, lineOf(NO_RESOLUTION, '- 15:10 error rate back to normal, incident resolved'), 'the range ends at its last text');
    assert.ok(symbols[0].range.end.line >= sections[3].range.end.line, 'a parent contains its children');
  });

  it('outlines pseudo-headings as their sections, marked as not headings', async () => {
    const uri = postmortemUri(root, 'pseudo-symbols.md');
    await client.open(uri, PSEUDO_HEADINGS);
    const [title]: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const names = title.children!.map((s) => `${s.name}: ${s.detail}`);
    assert.deepEqual(names, ['Summary: not a heading', 'Timeline: not a heading', 'Root Cause: not a heading', 'Resolution: not a heading']);
  });

  it('explains a section on hover over its heading', async () => {
    const uri = postmortemUri(root, 'hover.md');
    await client.open(uri, NO_RESOLUTION);
    const line = lineOf(NO_RESOLUTION, '## Timeline');
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 5 } });
    const { kind, value } = hover.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    assert.match(value, /\*\*Timeline\*\* — required in the `core` profile/);
    assert.ok(value.includes(expects('timeline')));
    assert.deepEqual(hover.range, { start: { line, character: 0 }, end: { line, character: 11 } });
    const prose = lineOf(NO_RESOLUTION, 'All times UTC.');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: prose, character: 3 } }), null);
  });

  it('completes a heading with the sections the document lacks', async () => {
    const uri = postmortemUri(root, 'complete.md');
    await client.open(uri, NO_RESOLUTION);
    const end = NO_RESOLUTION.split('\n').length - 1;
    const version = client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\n## Res' }]);
    await client.waitForDiagnostics(uri, version);
    const items: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: end + 1, character: 6 } });
    assert.equal(items[0].label, 'Resolution', 'the required missing section comes first');
    assert.deepEqual(items[0].textEdit, { range: { start: { line: end + 1, character: 3 }, end: { line: end + 1, character: 6 } }, newText: 'Resolution' });
    assert.deepEqual(
      items.slice(1).map((i) => i.label),
      ['Impact', 'Lessons Learned'],
      'then the optional sections of the profile',
    );
    assert.ok(!items.some((i) => i.label === 'Timeline'), 'sections present are not offered');
  });

  it('adds the space after bare hashes, and offers nothing elsewhere', async () => {
    const uri = postmortemUri(root, 'complete-hashes.md');
    await client.open(uri, NO_RESOLUTION);
    const end = NO_RESOLUTION.split('\n').length - 1;
    const version = client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\n##' }]);
    await client.waitForDiagnostics(uri, version);
    const items: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: end + 1, character: 2 } });
    assert.equal((items[0].textEdit as { newText: string }).newText, ' Resolution');
    const prose = lineOf(NO_RESOLUTION, 'All times UTC.');
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: prose, character: 3 } }), []);
  });

  it('answers every feature with an empty result on documents it cannot use, and keeps running', async () => {
    const uri = postmortemUri(root, 'odd.md');
    const odd = `# \u0000\ud800 ${'x'.repeat(20_000)}\r\n## Timeline\r\n- 99:99 PM ???\r\n##\r\n|`;
    await client.open(uri, odd);
    const positions = [{ line: 0, character: 0 }, { line: 2, character: 4 }, { line: 500, character: 3 }, { line: 3, character: 999 }];
    for (const position of positions) {
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    }
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const unopened = postmortemUri(root, 'never-opened.md');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: unopened } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unopened }, position: { line: 0, character: 0 } }), null);
    // Still alive and still checking.
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, version);
    assert.equal(client.process.exitCode, null);
    assert.deepEqual(
      client.logs.all.filter((log) => log.type === 1).map((log) => log.message),
      [],
      'no handler failed',
    );
  });
});

describe('language server: symbols for a client without hierarchical symbols', { timeout: 60_000 }, () => {
  let client: TestClient;
  before(async () => {
    const textDocument = { ...FULL_CAPABILITIES.textDocument, documentSymbol: {}, hover: { contentFormat: ['plaintext' as const] } };
    client = await TestClient.start({ capabilities: { ...FULL_CAPABILITIES, textDocument } });
  });
  after(() => client.stop());

  it('sends a flat list with container names, and plain-text hovers', async () => {
    const uri = postmortemUri(workspace(), 'flat.md');
    await client.open(uri, NO_RESOLUTION);
    const symbols: SymbolInformation[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => `${s.name} < ${s.containerName ?? ''}`),
      [
        'Database outage on 2024-03-02 < ',
        'Summary < Database outage on 2024-03-02',
        'Timeline < Database outage on 2024-03-02',
        '14:00 deploy of the connection pooler config < Timeline',
        '14:05 alert fired for the API error rate < Timeline',
        '14:20 on-call engineer paged the database team < Timeline',
        '14:50 rolled back the pooler config < Timeline',
        '15:10 error rate back to normal, incident resolved < Timeline',
        'Root Cause < Database outage on 2024-03-02',
        'Action Items < Database outage on 2024-03-02',
      ],
    );
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(NO_RESOLUTION, '## Summary'), character: 4 } });
    assert.equal((hover.contents as MarkupContent).kind, 'plaintext');
    assert.ok((hover.contents as MarkupContent).value.startsWith('Summary (required in the core profile)'));
  });
});
