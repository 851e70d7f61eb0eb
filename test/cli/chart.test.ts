/** `postmortem-lint chart FILE`, run from the built CLI (dist/cli.js) as a user runs it. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { runCli as run } from './run';

const DOC = [
  '# Checkout outage',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- 2024-03-09 23:45 Deploy starts',
  '- 2024-03-10 00:10 Outage begins',
  '- 2024-03-10 00:20 Alert pages the on-call',
  '- 2024-03-10 01:40 Rolled back; service restored',
  '',
].join('\n');

function workspace(text = DOC): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-chart-'));
  writeFileSync(join(dir, 'incident.md'), text);
  return dir;
}

describe('postmortem-lint chart', () => {
  it('prints the SVG on stdout', () => {
    const { code, stdout, stderr } = run(['chart', 'incident.md'], workspace());
    assert.equal(code, 0, stderr);
    assert.equal(XMLValidator.validate(stdout), true);
    assert.match(stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="pm-chart pm-theme-light" width="960"/);
    assert.equal(stdout.match(/<g class="mark /g)?.length, 4);
    assert.match(stdout, /<title>2024-03-10 00:10 UTC · impact starts · line 8\nOutage begins<\/title>/);
  });

  it('writes --output, in the dark theme and the width asked for', () => {
    const dir = workspace();
    const { code, stdout } = run(['chart', 'incident.md', '--output', 'chart.svg', '--theme', 'dark', '--width', '640'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^chart\.svg: incident chart of incident\.md, 4 entries, 640×\d+\n$/);
    const svg = readFileSync(join(dir, 'chart.svg'), 'utf8');
    assert.match(svg, /class="pm-chart pm-theme-dark" width="640"/);
    assert.match(svg, /fill="#0d1117"/);
  });

  it('says in one line why there is no chart, writes no file, and exits 0', () => {
    const dir = workspace('# Notes\n\n## Timeline\n\n- 10:00 UTC the only entry\n');
    const { code, stdout, stderr } = run(['chart', 'incident.md', '-o', 'chart.svg'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, 'incident.md: No incident chart: the timeline has one timed entry (line 5); a chart needs two.\n');
    assert.equal(existsSync(join(dir, 'chart.svg')), false);
  });

  it('exits 2 with a message for bad options, an unreadable file or an unwritable output', () => {
    const dir = workspace();
    const cases: Array<[string[], RegExp]> = [
      [['chart', 'incident.md', '--theme', 'blue'], /--theme must be light or dark, not "blue"/],
      [['chart', 'incident.md', '--width', '12'], /--width takes a whole number of pixels from 320 to 10000, not "12"/],
      [['chart', 'incident.md', '--width', '9.5e2'], /--width takes a whole number/],
      [['chart'], /chart takes exactly one file/],
      [['chart', 'incident.md', '--format', 'json'], /--format is not an option of postmortem-lint chart/],
      [['incident.md', '--theme', 'dark'], /--theme is an option of postmortem-lint chart/],
      [['chart', 'missing.md'], /missing\.md: cannot read the file \(no such file\)/],
      [['chart', 'incident.md', '--output', join(dir, 'no', 'such', 'chart.svg')], /cannot write the chart \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
    }
  });
});
