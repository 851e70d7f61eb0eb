/** The incident chart in the Markdown preview: a markdown-it plugin that draws it right after the Timeline heading. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { XMLValidator } from 'fast-xml-parser';
import { chartPlugin, type MarkdownItLike } from '../../client/src/preview/chartBlock';
import { md } from '../helpers';

const SHORT = readFileSync(join(__dirname, '..', 'fixtures', 'chart', 'short.md'), 'utf8');

function preview(text: string, settings: unknown = {}, path = '/work/postmortems/search.md'): string {
  const engine = new MarkdownIt({ html: true });
  chartPlugin(engine as unknown as MarkdownItLike, { pathOf: () => path, settingsFor: () => settings });
  return engine.render(text);
}

describe('incident chart in the Markdown preview', () => {
  it('draws the chart at the top of the Timeline section, in VS Code theme colours', () => {
    const html = preview(SHORT);
    const heading = html.indexOf('<h2>Timeline</h2>');
    const chart = html.indexOf('<div class="postmortem-chart"><svg');
    assert.ok(heading >= 0 && chart > heading, 'the chart follows the Timeline heading');
    assert.ok(chart < html.indexOf('<ul>', heading), 'and comes before the entries');
    const svg = /<div class="postmortem-chart">(<svg[\s\S]*?<\/svg>)/.exec(html)![1];
    assert.equal(XMLValidator.validate(svg), true);
    assert.equal(svg.match(/<g class="mark /g)?.length, 8);
    assert.match(svg, /class="pm-chart pm-theme-vscode"[\s\S]*<style>[^<]*var\(--vscode-charts-red/);
    assert.equal(html.match(/postmortem-chart"/g)?.length, 1);
  });

  it('says in one line why there is no chart when the timeline has nothing to draw', () => {
    const html = preview(md('# Outage', '', '## Summary', '', 'It broke.', '', '## Timeline', '', '- 10:00 UTC it broke', '', '## Root cause', '', 'A bug.'));
    assert.match(html, /<h2>Timeline<\/h2>\n<div class="postmortem-chart"><p class="postmortem-chart-note"><em>No incident chart: the timeline has one timed entry \(line 9\); a chart needs two\.<\/em><\/p><\/div>/);
  });

  it('leaves other Markdown alone, and follows postmortem.preview.chart', () => {
    const readme = md('# Widget', '', '## Timeline', '', '- 10:00 UTC release', '- 11:00 UTC another release');
    assert.doesNotMatch(preview(readme, {}, '/work/docs/README.md'), /postmortem-chart/);
    assert.doesNotMatch(preview(SHORT, { preview: { chart: false } }), /postmortem-chart/);
    assert.match(preview(SHORT, { preview: { chart: true } }), /postmortem-chart/);
  });

  it('keeps entry text as text', () => {
    const html = preview(md('# Outage', '', '## Timeline', '', 'All times UTC.', '', '- 2024-05-01 10:00 <img src=x onerror=alert(1)> & deploy', '- 2024-05-01 10:30 resolved'));
    const chart = /<div class="postmortem-chart">([\s\S]*?)<\/div>/.exec(html)![1];
    assert.doesNotMatch(chart, /<img/);
    assert.match(chart, /&lt;img src=x onerror=alert\(1\)&gt; &amp; deploy/);
  });
});
