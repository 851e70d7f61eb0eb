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

describe('ignores and overrides', () => {
  function tree(config: unknown): string {
    const root = mkdtempSync(join(tmpdir(), 'pm-scopes-'));
    mkdirSync(join(root, 'incidents', 'legacy', 'old'), { recursive: true });
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify(config));
    return root;
  }

  it('ignores the files "ignores" matches, relative to the config file, and no file outside its folder', () => {
    const root = tree({ ignores: ['incidents/legacy/**', '*.draft.md'] });
    const loader = new ConfigLoader(RULE_IDS);
    assert.equal(loader.forFile(join(root, 'incidents', 'legacy', 'old', 'a.md')).ignored, true);
    assert.equal(loader.forFile(join(root, 'b.draft.md')).ignored, true);
    // "*" stays within one folder, as in markdownlint-cli2.
    assert.equal(loader.forFile(join(root, 'incidents', 'b.draft.md')).ignored, false);
    assert.equal(loader.forFile(join(root, 'incidents', 'a.md')).ignored, false);
    const elsewhere = mkdtempSync(join(tmpdir(), 'pm-elsewhere-'));
    assert.equal(loader.forFile(join(elsewhere, 'incidents', 'legacy', 'x.md'), { configFile: join(root, '.postmortemrc.json') }).ignored, false);
  });

  it('lays every matching "overrides" entry over "rules" in order, for that file only', () => {
    const root = tree({
      rules: { 'word-count': 'error', 'timeline-gap': 'info' },
      overrides: [
        { files: 'incidents/legacy/**', rules: { 'word-count': 'off', 'section-order': 'hint' } },
        { files: ['incidents/legacy/old/*.md', 'nowhere/**'], rules: { 'word-count': 'warning' } },
      ],
    });
    const loader = new ConfigLoader(RULE_IDS);
    assert.deepEqual(loader.forFile(join(root, 'incidents', 'a.md')).config.rules, { 'word-count': 'error', 'timeline-gap': 'info' });
    assert.deepEqual(loader.forFile(join(root, 'incidents', 'legacy', 'a.md')).config.rules, { 'word-count': 'off', 'timeline-gap': 'info', 'section-order': 'hint' });
    assert.deepEqual(loader.forFile(join(root, 'incidents', 'legacy', 'old', 'a.md')).config.rules, { 'word-count': 'warning', 'timeline-gap': 'info', 'section-order': 'hint' });
  });

  it('refuses bad entries by index and slow globs, keeping the rest', () => {
    const { patch, problems } = validateConfig(
      { ignores: ['*a*a*a*b'], overrides: [{ files: [], rules: {} }, { files: 'a/**', rules: { 'word-count': 'loud', 'timeline-gap': 'off' } }, { files: '+(a|b)/*.md' }, 'legacy/**'] },
      '.postmortemrc.json',
      RULE_IDS,
    );
    assert.deepEqual(problems.map((p) => p.key), ['ignores', 'overrides[0].files', 'overrides[1].rules.word-count', 'overrides[2].files', 'overrides[3]']);
    assert.match(problems[0].message, /"ignores" has a pattern too complex to match quickly/);
    assert.match(problems[1].message, /"overrides\[0\]\.files" must be a glob or a list of globs/);
    assert.match(problems[4].message, /"overrides\[3\]" must be an object/);
    assert.deepEqual(patch.overrides, [{ files: 'a/**', rules: { 'timeline-gap': 'off' } }]);
    assert.equal(patch.ignores, undefined);
  });

  it('takes them from the config file only: in settings they are reported and left out', () => {
    const root = tree({});
    const { config, problems } = new ConfigLoader(RULE_IDS).forFile(join(root, 'a.md'), { settings: { ignores: ['**'], overrides: [{ files: '**', rules: { 'word-count': 'off' } }] } });
    assert.deepEqual(problems.map((p) => p.message), ['"ignores" is read from .postmortemrc.json only (its globs are relative to that file)', '"overrides" is read from .postmortemrc.json only (its globs are relative to that file)']);
    assert.deepEqual(config.ignores, []);
    assert.deepEqual(config.rules, {});
  });
});
