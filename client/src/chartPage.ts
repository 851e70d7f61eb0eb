/**
 * The Incident Chart webview's page, apart from the panel so it can be tested without VS Code.
 */
import { chartCss } from '../../server/src/chart/theme';

/**
 * The page: a strict CSP (nothing but the nonce'd style and script), the chart's CSS in VS
 * Code's theme variables, and a script that puts the SVG (already escaped by the renderer)
 * in place, and turns a click or Enter on a mark into a `reveal` message.
 */
export function pageHtml(nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const script = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('chart');
const note = document.getElementById('note');
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'chart') return;
  vscode.setState({ uri: data.uri });
  document.body.dataset.version = String(data.version);
  if (data.svg) {
    root.innerHTML = data.svg;
    note.textContent = '';
  } else {
    root.textContent = '';
    note.textContent = data.message || '';
  }
});
function reveal(target) {
  const mark = target instanceof Element ? target.closest('[data-line]') : null;
  if (mark) vscode.postMessage({ type: 'reveal', line: Number(mark.getAttribute('data-line')) });
}
root.addEventListener('click', (event) => reveal(event.target));
root.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') reveal(event.target);
});
// The chart is drawn at the panel's width, so its text stays at the editor's size: report it, and again on resize.
let reported = 0;
function reportWidth() {
  const width = Math.floor(document.body.clientWidth - 24);
  if (Math.abs(width - reported) < 16) return;
  reported = width;
  vscode.postMessage({ type: 'size', width });
}
let pending = false;
window.addEventListener('resize', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    reportWidth();
  });
});
reportWidth();
vscode.postMessage({ type: 'ready' });
`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Incident Chart</title>
<style nonce="${nonce}">
body { padding: 8px 12px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); }
#chart svg { max-width: 100%; height: auto; }
#note { font-family: var(--vscode-font-family); color: var(--vscode-descriptionForeground); }
.pm-chart .mark:focus { outline: 1px solid var(--vscode-focusBorder); }
${chartCss('vscode')}
</style>
</head>
<body>
<div id="chart" aria-live="polite"></div>
<p id="note"></p>
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}
