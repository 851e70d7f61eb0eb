/// <reference types="mocha" />
/**
 * The extension inside a real VS Code extension host, on the e2e workspace: diagnostics from
 * the server, the quick fix, the commands and the timeline view's rows. Every wait is on an
 * editor event (diagnostics, text changes, client state), never on the clock.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { PostmortemApi } from '../../../client/src/extension';
import { codeActionsWhere, diagnosticsWhere, ruleOf, textWhere, when } from './wait';

const FIXTURE = 'postmortems/2024-03-12-checkout-outage.md';
const has = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === rule);
const hasNo = (rule: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => ruleOf(d) === rule);

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run on the e2e workspace folder');
  return vscode.Uri.joinPath(folder.uri, path);
}

async function open(path: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(path));
  return vscode.window.showTextDocument(document);
}

/** Opens an unsaved postmortem with `text`. */
async function openUntitled(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(document);
}

/** Drops the active editor's changes and closes it. */
async function discard(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('Postmortem extension', () => {
  let api: PostmortemApi;

  suiteSetup(async () => {
    await open(FIXTURE);
    const extension = vscode.extensions.getExtension<PostmortemApi>('postmortem-tools.postmortem');
    assert.ok(extension, 'the extension is installed');
    api = await extension.activate();
    await when(api.client.onDidChangeState, () => (api.client.state === State.Running ? true : undefined), 'the language server to run');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('publishes the missing sections on the title, as errors', async () => {
    const editor = await open(FIXTURE);
    const diagnostics = await diagnosticsWhere(editor.document.uri, has('missing-section'), 'missing-section');
    const missing = diagnostics.filter((d) => ruleOf(d) === 'missing-section');
    assert.deepEqual(missing.map((d) => /"(.+?)"/.exec(d.message)?.[1]), ['Root Cause', 'Action Items']);
    for (const d of missing) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.range.start.line, 4);
    }
  });

  test('its quick fix inserts the section, and the diagnostic goes', async () => {
    const editor = await open(FIXTURE);
    const uri = editor.document.uri;
    const rootCause = (ds: vscode.Diagnostic[]) => ds.find((d) => ruleOf(d) === 'missing-section' && d.message.includes('"Root Cause"'));
    const isInsert = (a: vscode.CodeAction) => a.title === 'Insert section "Root Cause"';
    const actions = await codeActionsWhere(uri, rootCause, (offered) => offered.some(isInsert), 'the quick fix inserting Root Cause');
    const insert = actions.find(isInsert);
    assert.ok(insert?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(insert.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.match(editor.document.getText(), /\n## Root Cause\n\nTODO: [^\n]+\n\n## Resolution\n/);
    // The diagnostic goes once the server has read the new text.
    await diagnosticsWhere(uri, (ds) => !rootCause(ds), 'the missing Root Cause diagnostic to go');
    await discard();
  });

  test('the timeline view lists the entries in time order, with the gap as a row', async () => {
    const editor = await open(FIXTURE);
    await api.tracker.refresh();
    assert.equal(api.tracker.current?.document, editor.document);
    assert.equal(api.tracker.current?.isPostmortem, true);
    const rows = api.timeline.rows();
    const shown = rows.map((row) => (row.type === 'entry' ? row.entry.time : row.type === 'gap' ? `gap ${row.gap.minutes}` : row.type));
    assert.deepEqual(shown, ['metrics', '14:02', '14:09', '14:15', '14:41', 'gap 77', '15:58']);
    const kinds = rows.flatMap((row) => (row.type === 'entry' ? [row.entry.kind] : []));
    assert.equal(kinds[0], 'impact-start');
    assert.equal(kinds[kinds.length - 1], 'resolved');
    const metrics = api.timeline.getChildren({ type: 'metrics' }).map((row) => (row.type === 'metric' ? `${row.label} ${row.value}` : ''));
    assert.deepEqual(metrics.slice(0, 2), ['Duration 1h 56m', 'Time to detect 7m']);
  });

  test('a click on an entry reveals its line', async () => {
    await open(FIXTURE);
    await api.tracker.refresh();
    const row = api.timeline.rows().find((r) => r.type === 'entry' && r.entry.time === '14:41')!;
    const command = api.timeline.getTreeItem(row).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 17);
  });

  test('Add Timeline Entry writes the current time after the last entry', async () => {
    const editor = await open(FIXTURE);
    await diagnosticsWhere(editor.document.uri, has('missing-section'), 'the first analysis');
    const before = editor.document.lineCount;
    await vscode.commands.executeCommand('postmortem.addTimelineEntry');
    // The fixture's entries are dated 2024-03-12: now is later, so the entry goes last.
    const text = await textWhere(editor.document, () => editor.document.lineCount > before, 'the new entry');
    const lines = text.split('\n');
    assert.match(lines[18], /^- 15:58 /);
    assert.match(lines[19], /^- \d{2}:\d{2} what happened$/);
    const now = new Date();
    const [hours, minutes] = lines[19].slice(2, 7).split(':').map(Number);
    const written = hours * 60 + minutes;
    const utcNow = now.getUTCHours() * 60 + now.getUTCMinutes();
    assert.ok(Math.abs(written - utcNow) <= 1 || Math.abs(written - utcNow) >= 1439, `${lines[19]} is now in UTC`);
    await discard();
  });

  test('Sort Timeline applies the server’s timeline-order fix', async () => {
    const editor = await openUntitled(
      ['---', 'type: postmortem', 'date: 2024-03-12', '---', '', '# Queue backlog', '', '## Timeline', '', 'All times UTC.', '', '- 10:20 Backlog cleared', '- 10:05 Alert fired for queue depth', '- 10:12 Consumers scaled out', ''].join('\n'),
    );
    await diagnosticsWhere(editor.document.uri, has('timeline-order'), 'timeline-order');
    await vscode.commands.executeCommand('postmortem.sortTimeline');
    const text = await textWhere(editor.document, (t) => t.indexOf('10:05') < t.indexOf('10:12') && t.indexOf('10:12') < t.indexOf('10:20'), 'the sorted timeline');
    assert.match(text, /- 10:05 Alert fired for queue depth\n- 10:12 Consumers scaled out\n- 10:20 Backlog cleared/);
    await diagnosticsWhere(editor.document.uri, hasNo('timeline-order'), 'timeline-order to go');
    await discard();
  });

  test('Fix All applies every automatic fix', async () => {
    const editor = await openUntitled(['---', 'type: postmortem', '---', '', '# Disk full on the build farm', '', '## Summary', '', 'Builds failed for 2 hours.', ''].join('\n'));
    await diagnosticsWhere(editor.document.uri, has('missing-section'), 'missing-section');
    await vscode.commands.executeCommand('postmortem.fixAll');
    await diagnosticsWhere(editor.document.uri, hasNo('missing-section'), 'every missing section inserted');
    for (const heading of ['## Timeline', '## Root Cause', '## Resolution', '## Action Items']) assert.ok(editor.document.getText().includes(heading), heading);
    await discard();
  });

  test('a Markdown file that is not a postmortem gets no diagnostics and no timeline', async () => {
    const editor = await open('README.md');
    await api.tracker.refresh();
    assert.equal(api.tracker.current?.document, editor.document);
    assert.equal(api.tracker.current?.isPostmortem, false);
    assert.deepEqual(api.timeline.rows(), []);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'postmortem'), []);
  });

  test('Restart Language Server brings the server back', async () => {
    const stopped = when(api.client.onDidChangeState, () => (api.client.state !== State.Running ? true : undefined), 'the server to stop');
    const restart = vscode.commands.executeCommand('postmortem.restartServer');
    await stopped;
    await restart;
    await when(api.client.onDidChangeState, () => (api.client.state === State.Running ? true : undefined), 'the server to run again');
  });
});
