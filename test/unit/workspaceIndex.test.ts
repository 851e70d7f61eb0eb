/** The language server's workspace index in process: reading in slices that let other work run, and a rescan cancelling the one before. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from '../../server/src/core';
import type { ConfigService } from '../../server/src/lsp/config';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { md } from '../helpers';

/** A folder whose postmortems/ holds `count` postmortems with IDs INC-0 … and a README that is none. */
function folder(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-index-unit-'));
  mkdirSync(join(root, 'postmortems'));
  mkdirSync(join(root, 'node_modules', 'pkg', 'postmortems'), { recursive: true });
  const text = (i: number) => md('---', `id: INC-${i}`, '---', `# Outage ${i}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of requests failed.', '', '## Timeline', '', '- 10:00 UTC: impact starts', '- 10:20 UTC: resolved');
  for (let i = 0; i < count; i++) writeFileSync(join(root, 'postmortems', `${String(i).padStart(3, '0')}.md`), text(i));
  writeFileSync(join(root, 'node_modules', 'pkg', 'postmortems', 'vendored.md'), text(999));
  writeFileSync(join(root, 'README.md'), '# Notes\n\nNot a postmortem.\n');
  return root;
}

/** An index with default settings and nothing open. */
function newIndex(): WorkspaceIndex {
  const configs = { forIndexedFile: async () => defaultConfig() } as unknown as ConfigService;
  return new WorkspaceIndex(configs, { error: (m) => assert.fail(m), info: () => undefined }, () => false);
}

describe('workspace index', () => {
  it('reads every postmortem of the folder, not node_modules or other Markdown, and lets other work run meanwhile', async () => {
    const root = folder(120);
    const index = newIndex();
    let turns = 0;
    let scanning = true;
    // Work queued on the event loop while the index is read: it must get its turns before the index is done.
    const tick = () => {
      turns++;
      if (scanning) setImmediate(tick);
    };
    setImmediate(tick);
    await index.setFolders([{ uri: pathToFileURL(root).href, name: 'root', path: root }]);
    scanning = false;
    assert.equal(index.ready, true);
    assert.equal(index.all().length, 120);
    assert.ok(index.all().every((e) => e.label.startsWith('postmortems/')));
    assert.ok(turns > 1, `the event loop turned ${turns} times while 120 files were read`);
    assert.equal(index.get(join(root, 'postmortems', '007.md'))?.claim?.id, 'INC-7');
  });

  it('a rescan cancels the scan under way: the index ends with one entry per file, read once', async () => {
    const root = folder(60);
    const index = newIndex();
    const folders = [{ uri: pathToFileURL(root).href, name: 'root', path: root }];
    const first = index.setFolders(folders);
    const second = index.rescan();
    await Promise.all([first, second]);
    assert.equal(index.ready, true);
    assert.equal(index.all().length, 60);
    // A file deleted from disk, reported by the client, leaves the index.
    await index.fileChanged(pathToFileURL(join(root, 'postmortems', '000.md')).href, true);
    assert.equal(index.all().length, 59);
  });
});
