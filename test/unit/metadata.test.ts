/** Issue 14: the metadata contract's configuration, the status cap, and action items read for tracking. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, RULE_IDS, trackedActionItems, validateConfig } from '../../server/src/core';
import { idPatternProblem } from '../../server/src/core/config/metadata';
import { frontMatterCompletions, frontMatterHover } from '../../server/src/core/metadata/assist';
import { trackingIn } from '../../server/src/core/actions/track';
import { frontMatterId, nextIncidentId } from '../../server/src/core/metadata/nextId';
import { configOf, lint, md } from '../helpers';

describe('metadata configuration', () => {
  it('takes the metadata keys nested or dotted, and severityByStatus by status', () => {
    const nested = validateConfig({ metadata: { severities: ['P1', 'P2'], required: ['id'] }, severityByStatus: { draft: 'warning' } }, 'x', RULE_IDS);
    const dotted = validateConfig({ 'metadata.severities': ['P1', 'P2'], 'metadata.required': ['id'], severityByStatus: { draft: 'warning' } }, 'x', RULE_IDS);
    assert.deepEqual(nested.problems, []);
    assert.deepEqual(nested.patch, dotted.patch);
    const config = configOf({ metadata: { severities: ['P1', 'P2'] } });
    assert.deepEqual(config.metadata.statuses, ['draft', 'in-review', 'published', 'closed'], 'the keys not set keep their default');
  });

  it('names each refused metadata value with one message', () => {
    const { patch, problems } = validateConfig(
      { metadata: { severities: [], statuses: 'draft', idPattern: '^[A-Z+$', required: [1] }, severityByStatus: { draft: 'quiet', published: 'error' } },
      '.postmortemrc.json',
      RULE_IDS,
    );
    assert.deepEqual(problems.map((p) => p.key).sort(), ['metadata.idPattern', 'metadata.required', 'metadata.severities', 'metadata.statuses', 'severityByStatus.draft']);
    assert.match(problems.find((p) => p.key === 'metadata.idPattern')!.message, /"metadata.idPattern" is not a valid regular expression/);
    assert.deepEqual(patch.severityByStatus, { published: 'error' }, 'the valid caps are kept');
    assert.match(validateConfig({ severityByStatus: ['draft'] }, 'x', RULE_IDS).problems[0].message, /must be an object mapping a status to a severity/);
  });

  it('refuses id patterns that could backtrack for long, and accepts the usual ones', () => {
    for (const ok of [String.raw`^[A-Z]+-\d+$`, String.raw`^(INC|SEV)-\d{3,}$`, String.raw`^[A-Z]{2,5}-\d{1,6}(-[a-z]+)?$`, String.raw`^INC-\d{4}$`]) assert.equal(idPatternProblem(ok), undefined, ok);
    assert.match(idPatternProblem('^(a+)+$')!, /repeats a group that holds a repetition/);
    assert.match(idPatternProblem('^(a|ab)*$')!, /repeats a group that holds a repetition or alternatives/);
    assert.match(idPatternProblem('^((x)*)+$')!, /repeats a group/);
    assert.match(idPatternProblem(String.raw`^(\w)\1$`)!, /backreference/);
    assert.match(idPatternProblem('^a*b*c*d*e*f*$')!, /6 quantifiers/);
    assert.match(idPatternProblem('x'.repeat(201))!, /longer than 200/);
    assert.equal(idPatternProblem(String.raw`^[(+*]\(\)+$`), undefined, 'brackets and escaped parentheses are not groups');
  });
});

const PUBLISHED = md('# Disk full', '', '## Summary', '', 'Search was stale for 15% of queries.');

describe('severity that follows the status', () => {
  const withStatus = (status: string) => `---\nstatus: ${status}\n---\n${PUBLISHED}`;
  const caps = { severityByStatus: { draft: 'warning', 'in-review': 'info' } };

  it('caps the findings of a draft and says so, and leaves other statuses at full severity', () => {
    const draft = lint(withStatus('draft'), caps);
    assert.ok(draft.findings.length > 0);
    assert.ok(draft.findings.every((f) => f.severity !== 'error'));
    const errors = lint(withStatus('published'), caps).findings.filter((f) => f.severity === 'error').length;
    assert.equal(draft.severityCap?.lowered, errors, 'every error of the published version is lowered in the draft');
    assert.equal(draft.severityCap?.note, 'draft: errors shown as warnings');
    assert.equal(lint(withStatus('published'), caps).severityCap, undefined);
    assert.equal(lint(withStatus('In Review'), caps).severityCap?.note, 'in-review: errors and warnings shown as info', 'the status is matched as the front-matter rule reads it');
  });

  it('never raises a severity, and says nothing when it lowered nothing', () => {
    const raised = lint(withStatus('draft'), { severityByStatus: { draft: 'error' } });
    const plain = lint(withStatus('draft'));
    assert.deepEqual(raised.findings.map((f) => f.severity), plain.findings.map((f) => f.severity));
    assert.equal(raised.severityCap, undefined);
  });
});

describe('action items read for tracking', () => {
  const doc = md(
    '---',
    'id: OPS-7',
    'date: 2024-03-02',
    '---',
    '# Disk full',
    '',
    '## Action Items',
    '',
    '- [ ] Prune snapshots — @dana, due 2024-03-20, OPS-12',
    '- [x] Delete stale snapshots (@kim, Due: Mar 5) #41',
    '- Alert on disk use, Status: in progress, see https://github.com/acme/search/issues/77',
    '',
    '| Action | Owner | Due | Status |',
    '|---|---|---|---|',
    '| Cap the pool | @lee | Apr 1 | Done |',
    '| Page on lag | | TBD | Open |',
  );

  it('reads owner, due date, state and tracking reference from lists, task lists and tables', () => {
    const config = configOf();
    const { model } = analyze(doc, { config, force: true });
    const rows = trackedActionItems(model, config).map((t) => [t.line + 1, t.owner, t.due?.written, t.due?.date ? `${t.due.date.year}-${t.due.date.month}-${t.due.date.day}` : null, t.state, t.tracking]);
    assert.deepEqual(rows, [
      [9, '@dana', '2024-03-20', '2024-3-20', 'open', 'OPS-12'],
      [10, '@kim', 'Mar 5', '2024-3-5', 'done', '#41'],
      [11, undefined, undefined, null, 'in-progress', 'https://github.com/acme/search/issues/77'],
      [15, '@lee', 'Apr 1', '2024-4-1', 'done', undefined],
      [16, '', 'TBD', null, 'open', undefined],
    ]);
  });

  it('tells tracking references from standards and the postmortem’s own ID', () => {
    assert.equal(trackingIn('Move to UTF-8 and SHA-256, then ISO-8601 dates'), undefined);
    assert.equal(trackingIn('Follow-up to OPS-7 in SRCH-88', 'OPS-7'), 'SRCH-88');
    assert.equal(trackingIn('Escape &#123; in the page, then #12'), '#12');
    assert.equal(trackingIn('See https://example.com/blog/post and https://gitlab.com/acme/api/-/issues/9.'), 'https://gitlab.com/acme/api/-/issues/9');
  });
});

describe('editor help in front matter', () => {
  const text = md('---', 'severity: S', 'status:', 'tim', '---', '# Disk full');
  const config = configOf({ metadata: { required: ['severity'] } });
  const { model } = analyze(text, { config, force: true });
  const offsetOf = (line: number, character: number) => model.index.offsetAt({ line, character });

  it('completes values in their configured order, replacing what is typed', () => {
    const items = frontMatterCompletions(model, config, offsetOf(1, 11));
    assert.deepEqual(items.map((i) => i.label), ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.deepEqual([items[0].start, items[0].end, items[0].newText], [offsetOf(1, 10), offsetOf(1, 11), 'SEV1']);
    const statuses = frontMatterCompletions(model, config, offsetOf(2, 7));
    assert.deepEqual(statuses.map((i) => i.newText), [' draft', ' in-review', ' published', ' closed'], 'a space after a bare colon');
  });

  it('completes keys at the start of a line, leaving out those already written', () => {
    const keys = frontMatterCompletions(model, config, offsetOf(3, 3)).map((i) => i.label);
    assert.ok(keys.includes('timezone') && keys.includes('id'));
    assert.ok(!keys.includes('severity'), 'written already');
    assert.deepEqual(frontMatterCompletions(model, config, offsetOf(5, 3)), [], 'nothing below the front matter');
  });

  it('completes IANA zones after timezone:', () => {
    const { model: zoned } = analyze(md('---', 'timezone: Eur', '---', '# Disk full'), { config, force: true });
    const zones = frontMatterCompletions(zoned, config, zoned.index.offsetAt({ line: 1, character: 13 })).map((i) => i.label);
    assert.equal(zones[0], 'UTC');
    assert.ok(zones.includes('Europe/Berlin') && zones.includes('America/New_York'));
  });

  it('says what a key means, its values and whether it is required', () => {
    const hover = frontMatterHover(model, config, offsetOf(1, 3))!;
    assert.equal(hover.field.key, 'severity');
    assert.deepEqual(hover.values, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.equal(hover.required, true);
    assert.equal(frontMatterHover(model, config, offsetOf(1, 11)), undefined, 'not on the value');
  });
});

describe('the next free incident ID', () => {
  it('follows the highest ID of the prefix used most, keeping its width', () => {
    assert.equal(nextIncidentId(['INC-039', 'INC-041', 'INC-040', 'OPS-7'], String.raw`^[A-Z]+-\d+$`), 'INC-042');
    assert.equal(nextIncidentId(['INC-9'], String.raw`^[A-Z]+-\d+$`), 'INC-10');
    assert.equal(nextIncidentId([], String.raw`^[A-Z]+-\d+$`), 'INC-001');
    assert.equal(nextIncidentId(['SRE-12', 'SRE-3'], String.raw`^SRE-\d{3}$`), undefined, 'SRE-13 does not match the pattern: left for the writer');
  });

  it('reads the id of a front matter block only', () => {
    assert.equal(frontMatterId('---\ntitle: Disk full\nid: "INC-041" # from the tracker\n---\n# Disk full\n'), 'INC-041');
    assert.equal(frontMatterId('# Disk full\n\nid: INC-041\n'), undefined);
    assert.equal(frontMatterId('---\r\nid: OPS-7\r\n---\r\n'), 'OPS-7');
  });
});
