/** `postmortem/chart` from the built server: the SVG of the version analysed, and the message when there is none. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ChartResult } from '../../server/src/lsp/protocol';
import { TestClient, postmortemUri, workspace } from './client';
import { README, TIMELINE } from './documents';

describe('language server: postmortem/chart', { timeout: 60_000 }, () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = workspace();
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('draws the open version in VS Code theme colours, the style left to the webview', async () => {
    const uri = postmortemUri(root, 'chart.md');
    await client.open(uri, TIMELINE);
    const result: ChartResult = await client.request('postmortem/chart', { uri });
    assert.equal(result.version, 1);
    assert.equal(result.message, null);
    assert.match(result.svg!, /^<svg [^>]*class="pm-chart pm-theme-vscode"/);
    assert.doesNotMatch(result.svg!, /<style/);
    assert.equal(result.svg!.match(/<g class="mark /g)?.length, 6);
    const light: ChartResult = await client.request('postmortem/chart', { uri, theme: 'light', width: 500 });
    assert.match(light.svg!, /width="500"[^>]*>.*<style>/s);
  });

  it('says why there is no chart for a document that is not a postmortem', async () => {
    const uri = pathToFileURL(join(root, 'README.md')).href;
    client.openQuietly(uri, README);
    const result: ChartResult = await client.request('postmortem/chart', { uri });
    assert.deepEqual([result.svg, result.message], [null, 'No incident chart: this document is not checked as a postmortem.']);
  });
});
