import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, matchesInclude } from '../../server/src/core';
import { DEFAULT_INCLUDE } from '../../server/src/core/config/schema';
import { configOf, md } from '../helpers';

const readme = md('# My library', '', '## Install', '', 'npm i lib', '', '## Timeline', '', 'Version 2 ships in May.');
const incident = md('# Outage', '', '## Summary', '', 'It broke.', '', '## Root Cause', '', 'Disk.');

describe('which documents are postmortems', () => {
  it('matches the default include globs', () => {
    for (const path of ['/repo/docs/2024-05-01-postmortem.md', '/repo/post-mortem-db.md', '/repo/postmortems/2024/db.md', 'C:\\repo\\incidents\\x.md']) {
      assert.ok(matchesInclude(path, DEFAULT_INCLUDE), path);
    }
    assert.ok(!matchesInclude('/repo/README.md', DEFAULT_INCLUDE));
  });

  it('leaves a README alone and recognises a postmortem by its sections', () => {
    const config = configOf();
    assert.equal(analyze(readme, { config, path: '/repo/README.md' }).isPostmortem, false);
    assert.deepEqual(analyze(readme, { config, path: '/repo/README.md' }).findings, []);
    assert.equal(analyze(incident, { config, path: '/repo/notes.md' }).isPostmortem, true);
  });

  it('honours front matter and the detect setting', () => {
    const declared = md('---', 'type: postmortem', '---', '# Hello');
    assert.equal(analyze(declared, { config: configOf(), path: '/repo/x.md' }).isPostmortem, true);
    assert.equal(analyze(incident, { config: configOf({ detect: 'globs' }), path: '/repo/notes.md' }).isPostmortem, false);
    assert.equal(analyze(readme, { config: configOf({ detect: 'always' }), path: '/repo/README.md' }).isPostmortem, true);
    assert.equal(analyze(incident, { config: configOf({ enable: false }), path: '/repo/postmortems/x.md' }).isPostmortem, false);
  });
});
