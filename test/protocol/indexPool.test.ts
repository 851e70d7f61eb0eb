/**
 * The workspace index's worker threads (server/src/lsp/indexPool.ts) running the built server
 * bundle: the same outcome per file as reading it in this thread, in the scan's order; and a
 * worker that cannot start hands every file back to be read in the server's thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ConfigLoader, RULE_IDS } from '../../server/src/core';
import type { Log } from '../../server/src/lsp/guard';
import { readInWorkers } from '../../server/src/lsp/indexPool';
import { readIndexedFile, type IndexedFile, type IndexJob } from '../../server/src/lsp/indexRead';
import { md } from '../helpers';
import { SERVER } from './client';

/** 30 files: postmortems with IDs and action items, one that is no postmortem, one that is gone. */
function jobs(): IndexJob[] {
  const root = mkdtempSync(join(tmpdir(), 'pm-pool-'));
  const list: IndexJob[] = [];
  for (let i = 0; i < 30; i++) {
    const path = join(root, `${String(i).padStart(2, '0')}.md`);
    const text =
      i === 7
        ? '# Shopping list\n\n- milk\n'
        : md('---', `id: INC-${i}`, 'severity: SEV2', '---', `# Outage ${i}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of requests failed.', '', '## Timeline', '', '- 10:00 UTC: impact starts', '- 10:20 UTC: resolved', '', '## Action Items', '', `- [ ] Add an alert @owner${i % 3} due 2024-03-01`);
    if (i !== 12) writeFileSync(path, text);
    list.push({ path, uri: pathToFileURL(path).href, label: `${String(i).padStart(2, '0')}.md`, folder: 0 });
  }
  return list;
}

const settings = [{ rules: { 'missing-section': 'off' } }];
const today = '2024-04-01';
const log = (errors: string[]): Log => ({ error: (m) => errors.push(m), info: () => undefined });

describe('workspace index worker threads', { timeout: 60_000 }, () => {
  it('give each file the outcome reading it in this thread gives, handed over in the scan order', async () => {
    const list = jobs();
    const errors: string[] = [];
    const order: number[] = [];
    const results: Array<IndexedFile | undefined> = [];
    const reading = readInWorkers(list, settings, today, { file: SERVER, threads: 2 }, log(errors), (index, file) => {
      order.push(index);
      results[index] = file;
    });
    assert.deepEqual(await reading.done, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(order, list.map((_, i) => i));
    const loader = new ConfigLoader(RULE_IDS, { cacheFolders: true });
    assert.deepEqual(results, list.map((job) => readIndexedFile(job, loader, settings[0], today)));
    // Not a postmortem, and a file that is gone: no figures, nothing logged.
    assert.equal(results[7]?.figures, undefined);
    assert.deepEqual(results[12], { problems: [] });
    assert.equal(results[3]?.figures?.claim?.id, 'INC-3');
    assert.equal(results[3]?.figures?.report.openActionItems[0].owner, '@owner0');
  });

  it('that cannot start hand every file back, logged, to be read in the server thread', async () => {
    const list = jobs();
    const errors: string[] = [];
    let delivered = 0;
    const reading = readInWorkers(list, settings, today, { file: join(tmpdir(), 'no-such-server.js'), threads: 2 }, log(errors), () => delivered++);
    assert.deepEqual(await reading.done, list.map((_, i) => i));
    assert.equal(delivered, 0);
    assert.ok(errors.length > 0 && errors.every((e) => e.includes('worker thread failed')), errors.join('\n'));
  });
});
