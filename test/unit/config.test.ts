import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigLoader, defaultConfig, mergeConfig, RULE_IDS, validateConfig } from '../../server/src/core';
import { resolveProfile } from '../../server/src/core/profiles/resolve';

describe('configuration', () => {
  it('accepts nested and dotted keys', () => {
    const nested = validateConfig({ timeline: { maxGap: 30 }, rules: { 'word-count': 'off' } }, 'x', RULE_IDS);
    const dotted = validateConfig({ 'timeline.maxGap': 30, rules: { 'word-count': 'off' } }, 'x', RULE_IDS);
    assert.deepEqual(nested.problems, []);
    assert.deepEqual(nested.patch, dotted.patch);
  });

  it('reads postmortem.workspaceIndex.enable as VS Code sends it (an object) and dotted', () => {
    const nested = validateConfig({ workspaceIndex: { enable: false } }, 'x', RULE_IDS);
    assert.deepEqual(nested.problems, []);
    assert.deepEqual(nested.patch, validateConfig({ 'workspaceIndex.enable': false }, 'x', RULE_IDS).patch);
    assert.equal(mergeConfig(nested.patch).workspaceIndex.enable, false);
    assert.equal(defaultConfig().workspaceIndex.enable, true);
  });

  it('names the key of each invalid value and keeps the valid ones', () => {
    const { patch, problems } = validateConfig(
      { profile: 'alx', detect: 'sometimes', timeline: { maxGap: -5 }, rules: { 'no-such-rule': 'error', 'word-count': 'loud' }, colour: 'red' },
      '.postmortemrc.json',
      RULE_IDS,
    );
    assert.equal(patch.profile, 'alx');
    assert.deepEqual(problems.map((p) => p.key).sort(), ['colour', 'detect', 'rules.no-such-rule', 'rules.word-count', 'timeline.maxGap']);
    assert.match(problems.find((p) => p.key === 'detect')!.message, /"detect" must be one of "auto", "globs", "always"/);
  });

  it('treats a null configuration (as Neovim answers) as no settings', () => {
    assert.deepEqual(validateConfig(null, 'settings', RULE_IDS), { patch: {}, problems: [] });
  });

  it('finds the nearest .postmortemrc.json upward and lets it win over settings', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-config-'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ profile: 'alx', timeline: { maxGap: 45 } }));
    const loader = new ConfigLoader(RULE_IDS);
    const { config, problems, file } = loader.forFile(join(root, 'a', 'b', 'x.md'), { settings: { profile: 'google-sre', 'timeline.tolerance': 5 } });
    assert.equal(file, join(root, '.postmortemrc.json'));
    assert.deepEqual(problems, []);
    assert.equal(config.profile, 'alx');
    assert.equal(config.timeline.maxGap, 45);
    assert.equal(config.timeline.tolerance, 5);
  });

  it('reports a config file that is not JSON, naming the file, and uses the defaults', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-config-'));
    writeFileSync(join(root, '.postmortemrc.json'), '{ profile: alx');
    const { config, problems } = new ConfigLoader(RULE_IDS).forFile(join(root, 'x.md'));
    assert.equal(config.profile, 'core');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /postmortemrc\.json is not valid JSON/);
  });
});

describe('profiles', () => {
  it('takes the front matter profile over the configured one', () => {
    assert.equal(resolveProfile('alx', { ...defaultConfig(), profile: 'google-sre' }).profile.name, 'alx');
    assert.equal(resolveProfile(undefined, { ...defaultConfig(), profile: 'google-sre' }).profile.name, 'google-sre');
  });

  it('falls back to core with a clear problem for an unknown profile', () => {
    const { profile, problem } = resolveProfile('nasa', defaultConfig());
    assert.equal(profile.name, 'core');
    assert.match(problem!, /no profile "nasa"/);
  });

  it('builds a custom profile with catalog sections, new sections and synonyms', () => {
    const config = {
      ...defaultConfig(),
      profiles: { team: { sections: ['Summary', { title: 'Customer Comms', synonyms: ['Status page'] }, { title: 'Timeline', synonyms: ['Log'] }], order: true } },
    };
    const { profile, problem } = resolveProfile('team', config);
    assert.equal(problem, undefined);
    assert.deepEqual(profile.sections.map((s) => s.covers.join('+')), ['summary', 'customer-comms', 'timeline']);
    assert.ok(profile.catalog.find((c) => c.id === 'timeline')!.synonyms.includes('Log'));
    assert.ok(!defaultConfig().profiles.team);
  });
});
