/** Configuration in the built server: pulled settings, `null` answers, changes, the config file, `run: onSave`. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import { FULL_CAPABILITIES, TestClient, postmortemUri, workspace } from './client';
import { NO_RESOLUTION } from './documents';
import { comparable, expectedDiagnostics, rulesOf } from './expect';

describe('language server: configuration', { timeout: 60_000 }, () => {
  let client: TestClient | undefined;
  afterEach(() => client?.stop());

  it('asks for the "postmortem" section per document, and a null answer gives the defaults', async () => {
    client = await TestClient.start({ settings: () => null });
    const uri = postmortemUri(workspace(), 'null.md');
    const { diagnostics } = await client.open(uri, NO_RESOLUTION);
    assert.deepEqual(comparable(diagnostics), comparable(expectedDiagnostics(NO_RESOLUTION, uri)));
    const request = await client.configurationRequests.next((r) => r.items.some((item) => item.scopeUri === uri));
    assert.deepEqual(request.items, [{ scopeUri: uri, section: 'postmortem' }]);
    assert.deepEqual(client.messages.all, []);
  });

  it('applies settings, and re-checks open documents when they change', async () => {
    let settings: unknown = { rules: { 'missing-section': 'warning' } };
    client = await TestClient.start({ settings: () => settings });
    const uri = postmortemUri(workspace(), 'settings.md');
    const opened = await client.open(uri, NO_RESOLUTION);
    assert.deepEqual(opened.diagnostics.map((d) => `${String(d.code)} ${d.severity}`), ['missing-section 2']);
    settings = { rules: { 'missing-section': 'off' } };
    const since = client.diagnostics.all.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const rechecked = await client.waitForDiagnostics(uri, 1, since);
    assert.deepEqual(rechecked.diagnostics, []);
  });

  it('reports suppression comments that silence nothing only with postmortem.reportUnusedSuppressions', async () => {
    let settings: unknown = {};
    client = await TestClient.start({ settings: () => settings });
    const uri = postmortemUri(workspace(), 'unused.md');
    const text = NO_RESOLUTION.replace('## Root Cause', '## Root Cause\n\nThe pool ran dry. <!-- postmortem-disable-line blameful-language -->');
    const opened = await client.open(uri, text);
    assert.deepEqual(opened.diagnostics.map((d) => String(d.code)), ['missing-section']);
    settings = { reportUnusedSuppressions: true };
    const since = client.diagnostics.all.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const rechecked = await client.waitForDiagnostics(uri, 1, since);
    assert.deepEqual(
      rechecked.diagnostics.map((d) => `${String(d.code)}: ${d.message}`),
      ['missing-section: Missing section "Resolution". Add it: a postmortem without it leaves readers guessing.', 'suppression-unused: postmortem-disable-line blameful-language silences nothing here: remove "blameful-language".'],
    );
  });

  it('shows an invalid setting once, naming its key, and uses the default for it', async () => {
    client = await TestClient.start({ settings: () => ({ timeline: { maxGap: -5 }, profile: 'core' }) });
    const root = workspace();
    const first = postmortemUri(root, 'a.md');
    const second = postmortemUri(root, 'b.md');
    await client.open(first, NO_RESOLUTION);
    await client.open(second, NO_RESOLUTION);
    const warnings = client.messages.all.filter((m) => m.type === 2);
    assert.equal(warnings.length, 1, JSON.stringify(client.messages.all));
    assert.match(warnings[0].message, /"timeline\.maxGap"/);
    assert.deepEqual(comparable(client.diagnostics.all.find((p) => p.uri === second)!.diagnostics), comparable(expectedDiagnostics(NO_RESOLUTION, second)));
  });

  it('reads .postmortemrc.json over the settings, and re-reads it when the client reports a change', async () => {
    client = await TestClient.start({ settings: () => ({ rules: { 'missing-section': 'warning' } }) });
    const root = workspace();
    const rc = join(root, '.postmortemrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'missing-section': 'off' } }));
    const uri = postmortemUri(root, 'rc.md');
    assert.deepEqual((await client.open(uri, NO_RESOLUTION)).diagnostics, []);
    writeFileSync(rc, JSON.stringify({ rules: { 'missing-section': 'info' } }));
    const since = client.diagnostics.all.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const rechecked = await client.waitForDiagnostics(uri, 1, since);
    assert.deepEqual(rechecked.diagnostics.map((d) => `${String(d.code)} ${d.severity}`), ['missing-section 3']);
  });

  it('applies the config file\'s "overrides" and "ignores" per document', async () => {
    client = await TestClient.start({ settings: () => ({}) });
    const root = workspace();
    mkdirSync(join(root, 'postmortems', 'legacy'));
    mkdirSync(join(root, 'postmortems', 'archive'));
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ ignores: ['postmortems/archive/**'], overrides: [{ files: 'postmortems/legacy/**', rules: { 'missing-section': 'hint' } }] }));
    const severities = async (name: string) => (await client!.open(postmortemUri(root, name), NO_RESOLUTION)).diagnostics.map((d) => `${String(d.code)} ${d.severity}`);
    assert.deepEqual(await severities('new.md'), ['missing-section 1']);
    assert.deepEqual(await severities('legacy/old.md'), ['missing-section 4']);
    // An ignored document is no postmortem to the server: nothing is published, features answer as for a README.
    const archived = postmortemUri(root, 'archive/2019.md');
    client.openQuietly(archived, NO_RESOLUTION);
    assert.equal((await client.request<{ isPostmortem: boolean }>('postmortem/timeline', { uri: archived })).isPostmortem, false);
    assert.deepEqual(client.diagnostics.all.filter((p) => p.uri === archived), []);
    assert.deepEqual(client.messages.all, []);
  });

  it('with run: onSave, checks on open and save but not while typing', async () => {
    const root = workspace();
    const onSave = postmortemUri(root, 'on-save.md');
    const onType = postmortemUri(root, 'on-type.md');
    client = await TestClient.start({ settings: (_, scopeUri) => ({ run: scopeUri === onSave ? 'onSave' : 'onType' }) });
    assert.deepEqual(rulesOf((await client.open(onSave, NO_RESOLUTION)).diagnostics), ['1 missing-section']);
    await client.open(onType, NO_RESOLUTION);
    const insert = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft\n\n' };
    const saveVersion = client.change(onSave, [insert]);
    const typeVersion = client.change(onType, [insert]);
    // Both edits wait the same debounce, the onSave document's first: once the other is published, it was skipped.
    const typed = await client.waitForDiagnostics(onType, typeVersion);
    assert.deepEqual(rulesOf(typed.diagnostics), ['3 missing-section']);
    assert.equal(client.diagnostics.all.filter((p) => p.uri === onSave && p.version === saveVersion).length, 0);
    client.save(onSave);
    const saved = await client.waitForDiagnostics(onSave, saveVersion);
    assert.deepEqual(rulesOf(saved.diagnostics), ['3 missing-section']);
  });

  it('takes settings from initializationOptions and pushed changes when the client cannot be asked', async () => {
    const { configuration: _, ...workspaceCaps } = FULL_CAPABILITIES.workspace!;
    client = await TestClient.start({
      capabilities: { ...FULL_CAPABILITIES, workspace: workspaceCaps },
      initializationOptions: { postmortem: { rules: { 'missing-section': 'off' } } },
    });
    const uri = postmortemUri(workspace(), 'pushed.md');
    assert.deepEqual((await client.open(uri, NO_RESOLUTION)).diagnostics, []);
    const since = client.diagnostics.all.length;
    client.notify('workspace/didChangeConfiguration', { settings: { postmortem: { rules: { 'missing-section': 'hint' } } } });
    const rechecked = await client.waitForDiagnostics(uri, 1, since);
    assert.deepEqual(rechecked.diagnostics.map((d) => `${String(d.code)} ${d.severity}`), ['missing-section 4']);
    assert.equal(client.configurationRequests.all.length, 0);
  });
});
