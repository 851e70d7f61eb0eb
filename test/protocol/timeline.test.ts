/** The timeline features of the built server: postmortem/timeline, outline entries, time hover, inlay hints, code lens, time completion. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, DocumentSymbol, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import type { TimelineResult } from '../../server/src/lsp/protocol';
import { TestClient, postmortemUri, workspace } from './client';
import { PSEUDO_HEADINGS, README, TIMELINE } from './documents';

const lines = TIMELINE.split('\n');
const lineOf = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));

describe('language server: timeline features', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  let uri: string;
  before(async () => {
    root = workspace();
    client = await TestClient.start();
    uri = postmortemUri(root, 'timeline.md');
    await client.open(uri, TIMELINE);
  });
  after(() => client.stop());

  it('answers postmortem/timeline with entries, gaps, milestones and metrics', async () => {
    const result: TimelineResult = await client.request('postmortem/timeline', { uri });
    assert.equal(result.isPostmortem, true);
    assert.equal(result.version, 1);
    assert.equal(result.zone, 'UTC');
    assert.equal(result.headingLine, lineOf('## Timeline'));
    assert.deepEqual(
      result.entries.map((e) => `${e.line} ${e.time} ${e.iso} ${e.offsetMinutes} ${e.sinceImpactMinutes} ${e.kind}`),
      [
        `${lineOf('- 13:55')} 13:55 2024-07-09T13:55:00+00:00 0 -7 other`,
        `${lineOf('- 14:02')} 14:02 2024-07-09T14:02:00+00:00 7 0 impact-start`,
        `${lineOf('- 14:09')} 14:09 2024-07-09T14:09:00+00:00 14 7 detected`,
        `${lineOf('- 14:15')} 14:15 2024-07-09T14:15:00+00:00 20 13 acknowledged`,
        `${lineOf('- 14:40')} 14:40 2024-07-09T14:40:00+00:00 45 38 mitigated`,
        `${lineOf('- 15:45')} 15:45 2024-07-09T15:45:00+00:00 110 103 resolved`,
      ],
    );
    assert.equal(result.entries[2].text, 'alert fired for checkout errors');
    assert.deepEqual(result.entries[2].timeRange, { start: { line: lineOf('- 14:09'), character: 2 }, end: { line: lineOf('- 14:09'), character: 7 } });
    assert.deepEqual(result.gaps, [{ fromLine: lineOf('- 14:40'), toLine: lineOf('- 15:45'), minutes: 65 }]);
    assert.deepEqual(
      result.milestones.map((m) => `${m.kind} ${m.line}`),
      [
        `impact-start ${lineOf('- 14:02')}`,
        `detected ${lineOf('- 14:09')}`,
        `acknowledged ${lineOf('- 14:15')}`,
        `mitigated ${lineOf('- 14:40')}`,
        `resolved ${lineOf('- 15:45')}`,
      ],
    );
    assert.deepEqual(result.metrics, { durationMinutes: 110, ttdMinutes: 7, ttaMinutes: 13, ttmMinutes: 38, ttrMinutes: 103 });
  });

  it('follows edits: the timeline is read from the current version', async () => {
    const edited = postmortemUri(root, 'timeline-edit.md');
    await client.open(edited, TIMELINE);
    const line = lineOf('- 15:45');
    const version = client.change(edited, [{ range: { start: { line, character: 2 }, end: { line, character: 7 } }, text: '15:10' }]);
    const result: TimelineResult = await client.request('postmortem/timeline', { uri: edited });
    assert.equal(result.version, version);
    assert.deepEqual(result.gaps, []);
    assert.equal(result.metrics.ttrMinutes, 68);
  });

  it('lists the entries under the Timeline in the outline', async () => {
    const [title]: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const timeline = title.children!.find((s) => s.name === 'Timeline')!;
    const entries = timeline.children!.map((s) => `${s.name} [${s.detail ?? ''}]`);
    assert.match(entries[1], /^14:02 .*OUTAGE BEGINS.* \[impact-start\]$/);
    assert.deepEqual(
      [entries[0], ...entries.slice(2)],
      [
        '13:55 deploy 4812 of the payments service starts []',
        '14:09 alert fired for checkout errors [detected]',
        '14:15 on-call engineer acknowledged the page [acknowledged]',
        '14:40 rolled back deploy 4812 [mitigated]',
        '15:45 error rate back to normal, incident resolved [resolved]',
      ],
    );
    assert.deepEqual(timeline.children![2].selectionRange, { start: { line: lineOf('- 14:09'), character: 2 }, end: { line: lineOf('- 14:09'), character: 7 } });
  });

  it('explains a time on hover: instant in its zone and in UTC, offsets, milestone', async () => {
    const line = lineOf('- 14:09');
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    const { value } = hover.contents as MarkupContent;
    assert.match(value, /\*\*Tuesday, July 9, 2024, 14:09 UTC\*\* \(UTC\+00:00\)/);
    assert.match(value, /\*\*Tuesday, July 9, 2024, 14:09 UTC\*\*\s*$/m);
    assert.match(value, /\+0:07 \(7 min\) from impact start \(line 12\)/);
    assert.match(value, /\+0:14 \(14 min\) from the first entry/);
    assert.match(value, /\+0:07 \(7 min\) from the previous entry/);
    assert.match(value, /Milestone: detected \(by keyword\)/);
    assert.deepEqual(hover.range, { start: { line, character: 2 }, end: { line, character: 7 } });
    const start: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('- 14:02'), character: 3 } });
    assert.match((start.contents as MarkupContent).value, /Impact start \(metrics count from here\)\.[\s\S]*Milestone: impact-start \(by marker\)/);
  });

  it('shows the time since impact start beside each entry as inlay hints', async () => {
    const hints: InlayHint[] = await client.request('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
      [
        `${lineOf('- 13:55')}:7 −0:07`,
        `${lineOf('- 14:02')}:7 impact start`,
        `${lineOf('- 14:09')}:7 +0:07`,
        `${lineOf('- 14:15')}:7 +0:13`,
        `${lineOf('- 14:40')}:7 +0:38`,
        `${lineOf('- 15:45')}:7 +1:43`,
      ],
    );
    const some: InlayHint[] = await client.request('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: lineOf('- 14:09'), character: 0 }, end: { line: lineOf('- 14:15'), character: 0 } },
    });
    assert.equal(some.length, 2, 'only the requested lines');
  });

  it('puts the duration and metrics above the Timeline heading as code lenses', async () => {
    const lenses: CodeLens[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['Duration 1 h 50 min', 'TTD 7 min', 'TTA 13 min', 'TTM 38 min', 'TTR 1 h 43 min'],
    );
    assert.ok(lenses.every((l) => l.range.start.line === lineOf('## Timeline')));
  });

  it('completes the current time at a new timeline entry, as the document writes times', async () => {
    const completeAt = async (doc: string, text: string, after: string): Promise<CompletionItem[]> => {
      const docUri = postmortemUri(root, `now-${doc}.md`);
      await client.open(docUri, text);
      const line = text.split('\n').findIndex((l) => l.startsWith(after));
      const version = client.change(docUri, [{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '- \n' }]);
      await client.waitForDiagnostics(docUri, version);
      return client.request('textDocument/completion', { textDocument: { uri: docUri }, position: { line: line + 1, character: 2 } });
    };
    const clock = (date: Date) => date.toISOString().slice(11, 16);
    const before = clock(new Date());
    const declared = await completeAt('declared', TIMELINE, '- 15:45');
    const later = clock(new Date());
    assert.equal(declared.length, 1);
    assert.ok([before, later].includes(declared[0].label), `${declared[0].label} is the current UTC time`);
    assert.deepEqual((declared[0].textEdit as { newText: string }).newText, `${declared[0].label} `);
    // Entries that write their zone get it written too.
    const written = await completeAt('written', PSEUDO_HEADINGS, '- 09:40 UTC');
    assert.match(written[0].label, /^\d{2}:\d{2} UTC$/);
    // Outside the Timeline, a list item gets no time.
    const actionLine = lineOf('- [ ] Add a timeout');
    const none: CompletionItem[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: actionLine, character: 2 } });
    assert.deepEqual(none, []);
  });

  it('answers postmortem/timeline for Markdown that is not a postmortem, and null for an unopened document', async () => {
    const readme = pathToFileURL(join(root, 'README.md')).href;
    client.openQuietly(readme, README);
    const result: TimelineResult = await client.request('postmortem/timeline', { uri: readme });
    assert.equal(result.isPostmortem, false);
    assert.deepEqual(result.entries, []);
    assert.equal(await client.request('postmortem/timeline', { uri: postmortemUri(root, 'nowhere.md') }), null);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: readme } }), []);
  });
});
