/** Front matter in the built server (issue 14): completion of keys and values, hover on a key, diagnostics on a value, and the status cap. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { TimelineResult } from '../../server/src/lsp/protocol';
import { postmortemUri, serverForSuite, type TestClient } from './client';
import { NO_RESOLUTION } from './documents';

const FRONT_MATTER = ['---', 'id: INC-7', 'severity: ', 'status: draft', 'tim', '---', ''].join('\n');
const DOC = FRONT_MATTER + NO_RESOLUTION;

describe('language server: front matter', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  const settings = { metadata: { severities: ['SEV1', 'SEV2', 'SEV3'], required: ['severity'] }, severityByStatus: { draft: 'warning' } };
  serverForSuite((started, folder) => ([client, root] = [started, folder]), { settings: () => settings });

  it('completes the configured severities after "severity:", in their order', async () => {
    const uri = postmortemUri(root, 'severity.md');
    await client.open(uri, DOC);
    const items: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 10 } });
    assert.deepEqual(items.map((i) => i.label), ['SEV1', 'SEV2', 'SEV3']);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } }, newText: 'SEV1' });
    assert.ok(items.every((i, n) => n === 0 || i.sortText! > items[n - 1].sortText!), 'sorted as configured, not alphabetically');
  });

  it('completes keys at the start of a line, with what each means, and IANA zones after "timezone:"', async () => {
    const uri = postmortemUri(root, 'keys.md');
    await client.open(uri, DOC);
    const keys: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 3 } });
    const timezone = keys.find((i) => i.label === 'timezone');
    assert.ok(timezone, keys.map((i) => i.label).join(', '));
    assert.deepEqual(timezone.textEdit, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, newText: 'timezone: ' });
    assert.match((timezone.documentation as MarkupContent).value, /IANA name/);
    assert.ok(!keys.some((i) => i.label === 'status'), 'a key already written is not offered again');

    const version = client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, text: 'timezone: Asia/' }]);
    await client.waitForDiagnostics(uri, version);
    const zones: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 15 } });
    assert.ok(zones.some((i) => i.label === 'Asia/Tokyo'));
    assert.deepEqual(zones.find((i) => i.label === 'Asia/Tokyo')!.textEdit, { range: { start: { line: 4, character: 10 }, end: { line: 4, character: 15 } }, newText: 'Asia/Tokyo' });
  });

  it('explains a key on hover, with its values and whether it is required', async () => {
    const uri = postmortemUri(root, 'hover.md');
    await client.open(uri, DOC);
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
    const { kind, value } = hover.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    assert.match(value, /^\*\*severity\*\* — postmortem metadata \(required\)/);
    assert.match(value, /Values: `SEV1`, `SEV2`, `SEV3` \(`metadata\.severities`\)/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });

  it('reports a value on the value, with its one right spelling as the preferred fix, capped by the draft status', async () => {
    const uri = postmortemUri(root, 'value.md');
    const text = FRONT_MATTER.replace('severity: ', 'severity: sev2').replace('tim\n', '') + NO_RESOLUTION;
    const { diagnostics } = await client.open(uri, text);
    const finding = diagnostics.find((d) => d.code === 'front-matter') as Diagnostic;
    assert.deepEqual(finding.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } });
    assert.equal(finding.severity, 2);
    assert.ok(diagnostics.every((d) => d.severity !== 1), 'the draft shows no errors');
    const actions: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } });
    const fix = actions.find((a) => a.title === 'Write "SEV2"')!;
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(client.editsFor(fix.edit, uri), [{ range: finding.range, newText: 'SEV2' }]);
    const fixed = client.applyEdits(uri, client.editsFor(fix.edit, uri));
    assert.ok(!(await client.waitForDiagnostics(uri, fixed)).diagnostics.some((d) => d.code === 'front-matter'), 'the fix clears the finding');

    const timeline: TimelineResult = await client.request('postmortem/timeline', { uri });
    // Only missing-section (Resolution) is an error in this document: the cap lowered it.
    assert.deepEqual(timeline.severityCap, { status: 'draft', severity: 'warning', lowered: 1, note: 'draft: errors shown as warnings' });
  });
});
