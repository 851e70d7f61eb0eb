/** The report page's stylesheet: light and dark (`prefers-color-scheme`), and print. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --stripe: #f6f8fa; --accent: #0969da; --bar: #0969da; --p90: #bc4c00; --late: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --stripe: #151b23; --accent: #4493f8; --bar: #4493f8; --p90: #f0883e; --late: #ff7b72; }
}
body.vscode-light { --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff); }
body.vscode-dark, body.vscode-high-contrast { --fg: var(--vscode-foreground, #e6edf3); --bg: var(--vscode-editor-background, #0d1117); --muted: #9198a1; --line: #3d444d; --stripe: rgba(127,127,127,.08); --accent: #4493f8; --bar: #4493f8; --p90: #f0883e; --late: #ff7b72; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
p.lead, p.note, .definition { color: var(--muted); }
.definition { font-size: .85em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.num { white-space: nowrap; }
.missing { color: var(--muted); font-style: italic; }
.overdue { color: var(--late); font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
figure { margin: 0; max-width: 100%; overflow-x: auto; }
figcaption { color: var(--muted); font-size: .85em; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; stroke-dasharray: 3 3; }
svg .tick { fill: var(--muted); font-size: 10px; }
svg .bar { fill: var(--bar); }
svg .line { fill: none; stroke-width: 2; }
svg .line.median { stroke: var(--bar); }
svg .line.p90 { stroke: var(--p90); stroke-dasharray: 5 3; }
svg .dot.median, svg .legend.median { fill: var(--bar); }
svg .dot.p90, svg .legend.p90 { fill: var(--p90); }
svg .legend { font-size: 11px; }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --line: #bbb; --stripe: #f3f3f3; --accent: #000; --bar: #555; --p90: #000; --late: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  a { text-decoration: none; }
}
`;
