/** The Incident Chart webview's page: a strict Content-Security-Policy, and only nonce'd style and script. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageHtml } from '../../client/src/chartPage';

describe('incident chart webview page', () => {
  const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
  const html = pageHtml(nonce);

  it('allows nothing but its nonce’d style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
    const tags = [...html.matchAll(/<(script|style|link|img|iframe)\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(tags, [`<style nonce="${nonce}">`, `<script nonce="${nonce}">`]);
    assert.doesNotMatch(html, /\son\w+=|https?:\/\//, 'no inline handlers, no remote content');
  });

  it('styles the chart with VS Code theme variables, and its script parses', () => {
    assert.match(html, /\.pm-chart \.k-impact-start \.shape\{fill:var\(--vscode-charts-red, #e5534b\)/);
    const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(html)![1];
    assert.doesNotThrow(() => new Function('acquireVsCodeApi', 'document', 'window', script));
    assert.match(script, /vscode\.postMessage\(\{ type: 'reveal', line: Number\(mark\.getAttribute\('data-line'\)\) \}\)/);
  });
});
