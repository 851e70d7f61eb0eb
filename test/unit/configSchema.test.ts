import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { BUILT_IN_PROFILE_NAMES, RULE_IDS, RULES, validateConfig } from '../../server/src/core';
import { publishedConfigSchema, SCHEMA_FILE, schemaFileText } from '../../server/src/core/config/published';

const root = join(import.meta.dirname, '..', '..');
const committed = readFileSync(join(root, SCHEMA_FILE), 'utf8');
const schema = JSON.parse(committed);
// VS Code's own keywords are annotations for ajv; strict mode still catches any other typo.
const ajv = new Ajv({ strict: true, allErrors: true });
ajv.addVocabulary(['errorMessage', 'doNotSuggest', 'enumDescriptions', 'markdownDescription']);
const ajvValid = ajv.compile(schema);

/** Configurations valid or not for structural reasons JSON Schema states (no slow globs or patterns). */
const CASES: unknown[] = [
  {},
  { $schema: './node_modules/postmortem-lint/schemas/postmortemrc.schema.json', profile: 'alx' },
  { profile: 'team', profiles: { team: { extends: 'core', sections: ['Summary', { title: 'Comms', synonyms: ['Status page'], required: false }] } } },
  { profiles: { team: { extends: 'nasa' } } },
  { profiles: { team: { sections: [{ synonyms: ['x'] }] } } },
  { profiles: { team: { sections: ['Summary'], wordCount: { min: 10 } } } },
  { profile: '' },
  { profile: 42 },
  { enable: 'yes' },
  { detect: 'sometimes' },
  { include: ['docs/**/*.md'] },
  { include: 'docs/**/*.md' },
  { rules: { 'word-count': 'off', 'timeline-gap': 'error' } },
  { rules: { 'word-count': 'loud' } },
  { rules: { 'no-such-rule': 'error' } },
  { rules: ['word-count'] },
  { timeline: { maxGap: 30, tolerance: 0, defaultTimezone: 'UTC' } },
  { timeline: { defaultTimezone: null } },
  { timeline: { maxGap: 0 } },
  { timeline: { tolerance: -1 } },
  { timeline: { defaultTimezone: '  ' } },
  { timeline: { gap: 30 } },
  { 'timeline.maxGap': 30, 'metadata.required': ['id'] },
  { 'timeline.maxGap': 'an hour' },
  { metadata: { severities: ['P1', 'P2'], statuses: ['draft', 'done'], idPattern: '^INC-\\d+$', required: ['id', 'owner'] } },
  { metadata: { severities: [] } },
  { metadata: { required: [''] } },
  { severityByStatus: { draft: 'warning' } },
  { severityByStatus: { draft: 'off' } },
  { severityByStatus: ['draft'] },
  { maxFileSize: 1000, run: 'onSave', trace: { server: 'verbose' }, reportUnusedSuppressions: true },
  { run: 'sometimes' },
  { trace: { server: 'loud' } },
  { ignores: ['incidents/archive/**'], overrides: [{ files: 'incidents/legacy/**', rules: { 'section-order': 'off' } }, { files: ['a/*.md', 'b/**'] }] },
  { ignores: 'incidents/archive/**' },
  { overrides: [{ rules: { 'section-order': 'off' } }] },
  { overrides: [{ files: [] }] },
  { overrides: [{ files: 'a/**', rules: { 'no-such-rule': 'off' } }] },
  { overrides: [{ files: 'a/**', profile: 'alx' }] },
  { overrides: { files: 'a/**' } },
  { colour: 'red' },
  [],
  'loud please',
];

describe('configuration schema', () => {
  it('is committed as npm run schema writes it', () => {
    assert.equal(committed, schemaFileText(), `${SCHEMA_FILE} is stale: run npm run schema`);
  });

  it('agrees with the validation the CLI and the server do, on valid and invalid configurations', () => {
    for (const config of CASES) {
      const { problems } = validateConfig(config, 'x', RULE_IDS);
      assert.equal(ajvValid(config), problems.length === 0, `${JSON.stringify(config)}: ajv ${JSON.stringify(ajvValid.errors)}, ours ${JSON.stringify(problems)}`);
    }
  });

  it('offers every rule id with its description and every built-in profile name', () => {
    const published = publishedConfigSchema();
    const rules = published.properties!.rules;
    assert.deepEqual(Object.keys(rules.properties!), RULES.map((rule) => rule.id));
    for (const rule of RULES) assert.ok(rules.properties![rule.id].description!.startsWith(rule.description), rule.id);
    assert.deepEqual(rules.propertyNames!.enum, RULE_IDS);
    assert.deepEqual(published.properties!.profile.anyOf![0].enum, BUILT_IN_PROFILE_NAMES);
    assert.deepEqual((published.properties!.profiles.additionalProperties as { properties: Record<string, { enum: unknown }> }).properties.extends.enum, BUILT_IN_PROFILE_NAMES);
    for (const [key, value] of Object.entries(published.properties!)) {
      if (key !== '$schema' && !value.doNotSuggest) assert.ok(value.description, `${key} has a description`);
    }
  });

  it('gives the editor the message the CLI gives for a refused value', () => {
    const detect = schema.properties.detect;
    const ours = validateConfig({ detect: 'sometimes' }, 'x', RULE_IDS).problems[0].message;
    assert.equal(ours, '"detect" must be one of "auto", "globs", "always"');
    assert.equal(validateConfig({ rules: { 'word-count': 'loud' } }, 'x', RULE_IDS).problems[0].message, `"rules.word-count" ${schema.properties.rules.properties['word-count'].errorMessage}`);
    assert.deepEqual(detect.enum, ['auto', 'globs', 'always']);
  });

  it('accepts every config file in the repository', () => {
    for (const file of ['test/fixtures/report/.postmortemrc.json', 'test/e2e/workspace/.postmortemrc.json']) {
      const config = JSON.parse(readFileSync(join(root, file), 'utf8'));
      assert.ok(ajvValid(config), `${file}: ${JSON.stringify(ajvValid.errors)}`);
    }
  });

  it('is what VS Code validates .postmortemrc.json with', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.postmortemrc.json', url: `./${SCHEMA_FILE}` }]);
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), new RegExp(`^!${SCHEMA_FILE}$`, 'm'));
  });
});
