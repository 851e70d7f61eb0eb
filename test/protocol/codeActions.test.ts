/**
 * Code actions of the built server: quick fixes, "fix all of a rule", source.fixAll.postmortem
 * and `context.only`; and fix-all in the editor (on save, the Fix All command) writing exactly
 * what the built CLI's `--fix` writes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/core';
import { configOf } from '../helpers';
import { FULL_CAPABILITIES, TestClient, postmortemUri, serverForSuite, workspace } from './client';
import { NO_RESOLUTION, PSEUDO_HEADINGS } from './documents';
import { comparable, expectedDiagnostics, rulesOf } from './expect';

/** A fixture whose fix-all adds structure while its quick fixes would change a stated time. */
const FIXTURE = resolve(__dirname, '..', 'fixtures', 'rules', 'pseudo-heading', 'fix-all-keeps-facts.md');
const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** What the built CLI's `--fix` writes for a file, run on a copy of it. */
function cliFixed(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-fix-'));
  try {
    const copy = join(dir, 'postmortem.md');
    copyFileSync(file, copy);
    const result = spawnSync(process.execPath, [CLI, '--fix', copy], { encoding: 'utf8' });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return readFileSync(copy, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole document, as the Fix All command asks for it. */
function wholeDocument(text: string) {
  return { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
}

function actionsAt(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

describe('language server: code actions', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  serverForSuite((started, folder) => ([client, root] = [started, folder]));

  it('offers the missing section as a preferred quick fix whose edit clears the diagnostic', async () => {
    const uri = postmortemUri(root, 'quickfix.md');
    const { diagnostics } = await client.open(uri, NO_RESOLUTION);
    const actions = await actionsAt(client, uri, diagnostics, ['quickfix']);
    const insert = actions.find((a) => a.title === 'Insert section "Resolution"');
    assert.ok(insert, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(insert.kind, 'quickfix');
    assert.equal(insert.isPreferred, true);
    assert.deepEqual(insert.diagnostics, [diagnostics[0]]);
    assert.equal(insert.edit?.documentChanges?.length, 1, 'a versioned edit for a client that supports documentChanges');

    const version = client.applyEdits(uri, client.editsFor(insert.edit, uri));
    const text = client.text(uri);
    assert.ok(text.indexOf('## Root Cause') < text.indexOf('## Resolution') && text.indexOf('## Resolution') < text.indexOf('## Action Items'));
    assert.ok(text.includes('The new pooler configuration lowered'), 'the fix keeps the text around it');
    const after = await client.waitForDiagnostics(uri, version);
    // The missing section is gone; the inserted one holds only its prompt, which empty-section flags.
    assert.deepEqual(rulesOf(after.diagnostics), ['21 empty-section']);
  });

  it('offers "fix all" for a rule with several fixable problems', async () => {
    const uri = postmortemUri(root, 'fix-rule.md');
    const { diagnostics } = await client.open(uri, PSEUDO_HEADINGS);
    const pseudo = diagnostics.filter((d) => d.code === 'pseudo-heading');
    assert.equal(pseudo.length, 4);
    const actions = await actionsAt(client, uri, [pseudo[0]]);
    const convert = actions.find((a) => a.title === 'Convert to heading "## Summary"');
    assert.equal(convert?.isPreferred, true);
    const all = actions.find((a) => a.title === 'Fix all pseudo-heading problems (4)');
    assert.ok(all, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(all.kind, 'quickfix');
    const version = client.applyEdits(uri, client.editsFor(all.edit, uri));
    const after = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'pseudo-heading'),
      [],
    );
    assert.match(client.text(uri), /^## Summary$[\s\S]*^## Timeline$[\s\S]*^## Root Cause$[\s\S]*^## Resolution$/m);
  });

  it('resolves source.fixAll.postmortem to the core fixAll, as minimal edits', async () => {
    const uri = postmortemUri(root, 'fix-all.md');
    const { diagnostics } = await client.open(uri, PSEUDO_HEADINGS);
    assert.ok(diagnostics.some((d) => d.code === 'missing-section'));
    const [action, ...rest] = await actionsAt(client, uri, [], ['source.fixAll']);
    assert.equal(rest.length, 0);
    assert.equal(action.kind, 'source.fixAll.postmortem');
    assert.equal(action.edit, undefined, 'computed lazily, in codeAction/resolve');
    const resolved: CodeAction = await client.request('codeAction/resolve', action);
    const edits = client.editsFor(resolved.edit, uri);
    assert.ok(edits.length > 1, 'separate edits, not one whole-document replacement');
    const version = client.applyEdits(uri, edits);
    const expected = fixAll(PSEUDO_HEADINGS, { config: configOf(), path: fileURLToPath(uri) }).text;
    assert.equal(client.text(uri), expected);
    const after = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(comparable(after.diagnostics), comparable(expectedDiagnostics(expected, uri)));
    // The inserted Action Items holds only its prompt: empty, which no fix can write for the author.
    assert.deepEqual(rulesOf(after.diagnostics), ['21 empty-section']);
  });

  it('fixes all on save and by the Fix All command exactly as the CLI\'s --fix, leaving the AM/PM slip to the writer', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const cli = cliFixed(FIXTURE);
    assert.notEqual(cli, text, 'the fixture has something fix-all fixes');
    assert.match(cli, /^- 11:21 PM: Search error alert/m, '--fix keeps the stated time');
    // editor.codeActionsOnSave asks for source.fixAll.postmortem; the Fix All command for the same kind over the whole document.
    for (const [name, only, range] of [['on save', ['source.fixAll.postmortem'], undefined], ['Fix All', ['source.fixAll.postmortem'], wholeDocument(text)], ['source.fixAll', ['source.fixAll'], undefined]] as const) {
      const uri = postmortemUri(root, `fix-all-${name.replace(/\W+/g, '-')}.md`);
      const { diagnostics } = await client.open(uri, text);
      const slip = diagnostics.find((d) => d.code === 'timeline-order')!;
      const quick = await actionsAt(client, uri, [slip], ['quickfix']);
      assert.deepEqual(
        quick.filter((a) => !a.title.startsWith('Ignore ')).map((a) => [a.title, a.isPreferred]),
        [['Change 11:21 PM to 11:21 AM', true], ['Sort the timeline entries by time', false]],
      );
      const [action, ...rest]: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: range ?? slip.range, context: { diagnostics: [], only: [...only] } });
      assert.equal(rest.length, 0, name);
      const resolved: CodeAction = await client.request('codeAction/resolve', action);
      client.applyEdits(uri, client.editsFor(resolved.edit, uri));
      assert.equal(client.text(uri), cli, `${name}: the editor's fix-all differs from --fix`);
    }
  });

  it('offers "Ignore RULE on this line" and "in this file" last, never preferred, and the comment silences the finding', async () => {
    const uri = postmortemUri(root, 'ignore.md');
    const text = NO_RESOLUTION.replace('## Root Cause', '## Root Cause\n\nThe operator forgot to drain the pool.');
    const { diagnostics } = await client.open(uri, text);
    const blame = diagnostics.filter((d) => d.code === 'blameful-language');
    assert.equal(blame.length, 1);
    const actions = await actionsAt(client, uri, blame, ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Ignore blameful-language on this line', false],
      ['Ignore blameful-language in this file', false],
    ]);
    assert.deepEqual(actions[0].diagnostics, blame);
    const version = client.applyEdits(uri, client.editsFor(actions[0].edit, uri));
    assert.match(client.text(uri), /The operator forgot to drain the pool\. <!-- postmortem-disable-line blameful-language -->/);
    const after = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'blameful-language'), []);
    // The comment goes at the end of the line: no line moves, every other finding stays.
    assert.deepEqual(rulesOf(after.diagnostics), rulesOf(diagnostics.filter((d) => d.code !== 'blameful-language')));
  });

  it('honours context.only', async () => {
    const uri = postmortemUri(root, 'only.md');
    const { diagnostics } = await client.open(uri, PSEUDO_HEADINGS);
    const quick = await actionsAt(client, uri, diagnostics, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    const source = await actionsAt(client, uri, diagnostics, ['source']);
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.postmortem']);
    assert.deepEqual(await actionsAt(client, uri, diagnostics, ['refactor']), []);
    const unfiltered = await actionsAt(client, uri, diagnostics);
    assert.ok(unfiltered.some((a) => a.kind === 'quickfix') && unfiltered.some((a) => a.kind === 'source.fixAll.postmortem'));
  });

  it('gives no fix-all edit for a version the document has left', async () => {
    const uri = postmortemUri(root, 'stale.md');
    await client.open(uri, NO_RESOLUTION);
    const [action] = await actionsAt(client, uri, [], ['source.fixAll.postmortem']);
    assert.equal(action.kind, 'source.fixAll.postmortem');
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, version);
    const resolved: CodeAction = await client.request('codeAction/resolve', action);
    assert.equal(resolved.edit, undefined);
  });
});

describe('language server: code actions for a minimal client', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = workspace();
    const { workspace: _, ...rest } = FULL_CAPABILITIES;
    const textDocument = { ...rest.textDocument, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } };
    client = await TestClient.start({ capabilities: { textDocument } });
  });
  after(() => client.stop());

  it('sends a fix-all edit that writes exactly what the CLI\'s --fix writes', async () => {
    const uri = postmortemUri(root, 'eager-cli.md');
    const text = readFileSync(FIXTURE, 'utf8');
    await client.open(uri, text);
    const [action] = await actionsAt(client, uri, [], ['source.fixAll.postmortem']);
    client.applyEdits(uri, client.editsFor(action.edit, uri));
    assert.equal(client.text(uri), cliFixed(FIXTURE));
  });

  it('sends the fix-all edit with the action, as plain `changes`', async () => {
    const uri = postmortemUri(root, 'eager.md');
    const { diagnostics } = await client.open(uri, PSEUDO_HEADINGS);
    assert.deepEqual(comparable(diagnostics), comparable(expectedDiagnostics(PSEUDO_HEADINGS, uri)));
    const [action] = await actionsAt(client, uri, [], ['source.fixAll.postmortem']);
    assert.ok(action.edit?.changes?.[uri]);
    const version = client.applyEdits(uri, client.editsFor(action.edit, uri));
    const after = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(rulesOf(after.diagnostics), ['21 empty-section']);
  });
});
