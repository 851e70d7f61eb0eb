import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILT_IN_PROFILE_NAMES, defaultConfig, RULES } from '../../server/src/core';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const settings: Record<string, Record<string, unknown>> = contributes.configuration.properties;

/** Every setting key of SPEC §6, of the metadata contract (issue 14) and of suppressions (issue 17), dotted, with the core's default value. */
function specKeys(): Record<string, unknown> {
  const config = defaultConfig();
  return {
    enable: config.enable,
    profile: config.profile,
    profiles: config.profiles,
    include: config.include,
    detect: config.detect,
    rules: config.rules,
    'timeline.maxGap': config.timeline.maxGap,
    'timeline.tolerance': config.timeline.tolerance,
    'timeline.defaultTimezone': config.timeline.defaultTimezone,
    'metadata.severities': config.metadata.severities,
    'metadata.statuses': config.metadata.statuses,
    'metadata.idPattern': config.metadata.idPattern,
    'metadata.required': config.metadata.required,
    severityByStatus: config.severityByStatus,
    maxFileSize: config.maxFileSize,
    run: config.run,
    'trace.server': config.trace.server,
    // Beyond SPEC §6: suppression comments (issue 17).
    reportUnusedSuppressions: config.reportUnusedSuppressions,
    // Beyond SPEC §6: the workspace index (issue 15).
    'workspaceIndex.enable': config.workspaceIndex.enable,
    // Beyond SPEC §6: the incident chart in the Markdown preview (issue 16).
    'preview.chart': config.preview.chart,
  };
}

describe('extension manifest', () => {
  it('contributes every setting of SPEC §6 with the core default and a description', () => {
    const expected = specKeys();
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(expected).map((k) => `postmortem.${k}`).sort());
    for (const [key, value] of Object.entries(expected)) {
      const setting = settings[`postmortem.${key}`];
      assert.deepEqual(setting.default, value, key);
      assert.ok(String(setting.markdownDescription ?? setting.description ?? '').length > 20, `${key} has a description`);
      assert.ok(setting.scope === 'resource' || key === 'trace.server', `${key} is resource-scoped`);
    }
  });

  it('offers the built-in profiles by name and still accepts a custom one', () => {
    const profile = settings['postmortem.profile'] as { anyOf: Array<{ enum?: string[]; type?: string }> };
    assert.deepEqual(profile.anyOf[0].enum, BUILT_IN_PROFILE_NAMES);
    assert.equal(profile.anyOf[1].type, 'string');
  });

  it('lets every rule of the core be set to off or a severity, and names no other', () => {
    const rules = settings['postmortem.rules'] as { properties: Record<string, { enum: string[]; markdownDescription: string }> };
    assert.deepEqual(Object.keys(rules.properties).sort(), RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      assert.deepEqual(rules.properties[rule.id].enum, ['off', 'hint', 'info', 'warning', 'error']);
      assert.match(rules.properties[rule.id].markdownDescription, new RegExp(`Default: \`${rule.defaultSeverity}\``), rule.id);
    }
  });

  it('declares each command with the Postmortem category, and the view with its welcome and title actions', () => {
    const ids = contributes.commands.map((c: { command: string; category: string }) => (assert.equal(c.category, 'Postmortem'), c.command));
    for (const id of ['newPostmortem', 'insertSection', 'addTimelineEntry', 'sortTimeline', 'fixAll', 'restartServer']) assert.ok(ids.includes(`postmortem.${id}`), id);
    const extension = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
    for (const id of ids) assert.ok(extension.includes(`'${id}'`) || id === 'postmortem.revealLine', `${id} is registered`);
    assert.deepEqual(contributes.views.explorer.map((v: { id: string; name: string }) => [v.id, v.name]), [['postmortem.timeline', 'Incident Timeline'], ['postmortem.postmortems', 'Postmortems']]);
    assert.match(contributes.viewsWelcome[0].contents, /\(command:postmortem\.newPostmortem\)/);
    const titleActions = contributes.menus['view/title'].filter((m: { group: string }) => m.group.startsWith('navigation')).map((m: { command: string }) => m.command);
    assert.deepEqual(titleActions.slice(0, 2), ['postmortem.addTimelineEntry', 'postmortem.sortTimeline']);
    // The Postmortems view: the report and a refresh in its title, a welcome when the workspace has none.
    const postmortemsActions = contributes.menus['view/title'].filter((m: { when: string }) => m.when === 'view == postmortem.postmortems').map((m: { command: string }) => m.command);
    assert.deepEqual(postmortemsActions, ['postmortem.showReport', 'postmortem.refreshPostmortems', 'postmortem.exportReport', 'postmortem.newPostmortem']);
    assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === 'postmortem.postmortems'));
  });

  it('points at files that exist, and supports untrusted workspaces', () => {
    for (const path of [manifest.icon, ...contributes.grammars.map((g: { path: string }) => g.path), ...contributes.snippets.map((s: { path: string }) => s.path)]) {
      assert.ok(existsSync(join(root, path)), path);
    }
    assert.deepEqual(contributes.grammars[0].injectTo, ['text.html.markdown']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  });

  it('names the commands in the README as the command palette shows them', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const titles = new Set(contributes.commands.map((c: { title: string }) => c.title));
    const bold = [...readme.matchAll(/\*\*([^*`]+)\*\*/g)].map((m) => m[1].replace(/\s+/g, ' '));
    // A bold phrase with the category prefix or an ellipsis is a command's name: it must be one.
    for (const phrase of bold.filter((p) => p.startsWith('Postmortem: ') || p.endsWith('…'))) {
      assert.ok(titles.has(phrase.replace(/^Postmortem: /, '')), `README's **${phrase}** is no command title`);
    }
    for (const id of ['newPostmortem', 'insertSection', 'addTimelineEntry', 'sortTimeline', 'fixAll', 'restartServer']) {
      const { title } = contributes.commands.find((c: { command: string }) => c.command === `postmortem.${id}`);
      assert.ok(bold.includes(title) || bold.includes(`Postmortem: ${title}`), `README names ${title}`);
    }
  });

  it('packages without a repository URL only by saying so, since vsce would stop to ask', () => {
    const script: string = manifest.scripts.package;
    if (!manifest.repository) {
      assert.match(script, /--allow-missing-repository/);
      assert.match(script, /--no-rewrite-relative-links/);
    }
  });
});
