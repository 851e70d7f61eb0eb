/**
 * The chart's colours. `light` and `dark` are fixed palettes for a standalone SVG (a file
 * embedded in a README, GitHub's light or dark page); `vscode` reads VS Code's theme
 * variables (with fallbacks), for the webview and the Markdown preview.
 */
import type { MilestoneKind } from '../core';

/** The themes the chart is drawn in. */
export type ChartTheme = 'light' | 'dark' | 'vscode';

/** The names of the themes, for option checks. */
export const CHART_THEMES: readonly ChartTheme[] = ['light', 'dark', 'vscode'];

interface Palette {
  background: string | null;
  text: string;
  muted: string;
  axis: string;
  grid: string;
  impact: string;
  gap: string;
  kinds: Record<MilestoneKind, string>;
}

const LIGHT: Palette = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  axis: '#818b98',
  grid: '#d1d9e0',
  impact: 'rgba(207, 34, 46, 0.10)',
  gap: '#9a6700',
  kinds: { 'impact-start': '#cf222e', detected: '#bc4c00', acknowledged: '#9a6700', escalated: '#8250df', mitigated: '#0969da', resolved: '#1a7f37', other: '#59636e' },
};

const DARK: Palette = {
  background: '#0d1117',
  text: '#e6edf3',
  muted: '#9198a1',
  axis: '#656c76',
  grid: '#3d444d',
  impact: 'rgba(248, 81, 73, 0.16)',
  gap: '#d29922',
  kinds: { 'impact-start': '#f85149', detected: '#db6d28', acknowledged: '#d29922', escalated: '#ab7df8', mitigated: '#4493f8', resolved: '#3fb950', other: '#9198a1' },
};

const v = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;

const VSCODE: Palette = {
  background: null,
  text: v('editor-foreground', 'currentColor'),
  muted: v('descriptionForeground', 'currentColor'),
  axis: v('editorLineNumber-foreground', 'currentColor'),
  grid: v('editorIndentGuide-background1', 'rgba(128, 128, 128, 0.35)'),
  impact: 'rgba(229, 83, 75, 0.14)',
  gap: v('charts-yellow', '#b89500'),
  kinds: {
    'impact-start': v('charts-red', '#e5534b'),
    detected: v('charts-orange', '#d18616'),
    acknowledged: v('charts-yellow', '#b89500'),
    escalated: v('charts-purple', '#b180d7'),
    mitigated: v('charts-blue', '#3794ff'),
    resolved: v('charts-green', '#89d185'),
    other: v('descriptionForeground', 'currentColor'),
  },
};

const PALETTES: Record<ChartTheme, Palette> = { light: LIGHT, dark: DARK, vscode: VSCODE };

/** The background colour a theme paints under the chart, or null for a transparent chart. */
export function themeBackground(theme: ChartTheme): string | null {
  return PALETTES[theme].background;
}

/** The CSS of the chart in a theme, every rule scoped to the chart's root class so it cannot restyle a page it sits in. */
export function chartCss(theme: ChartTheme, root = '.pm-chart'): string {
  const p = PALETTES[theme];
  const rules = [
    // A chart inlined in a page narrower than it (the Markdown preview) scales down instead of overflowing.
    `${root}{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:11px;max-width:100%;height:auto}`,
    `${root} text{fill:${p.text}}`,
    `${root} .muted,${root} .tick text,${root} .break text,${root} .legend text{fill:${p.muted}}`,
    `${root} .heading{font-size:13px;font-weight:600}`,
    `${root} .axis{stroke:${p.axis};stroke-width:1}`,
    `${root} .tick line{stroke:${p.grid}}`,
    `${root} .tick.day line{stroke:${p.axis}}`,
    `${root} .tick.day text{font-weight:600;fill:${p.text}}`,
    `${root} .break path{stroke:${p.axis};fill:none;stroke-width:1.5}`,
    `${root} .impact rect,${root} rect.impact{fill:${p.impact}}`,
    `${root} .impact text{fill:${p.kinds['impact-start']};font-weight:600}`,
    `${root} .gap rect,${root} rect.gap{fill:url(#pm-hatch);stroke:${p.gap};stroke-width:0.5}`,
    `${root} .gap text{fill:${p.gap}}`,
    `${root} #pm-hatch path{stroke:${p.gap};stroke-width:1}`,
    `${root} .leader{stroke:${p.axis};stroke-opacity:0.5;stroke-width:1}`,
    `${root} .mark{cursor:pointer}`,
    `${root} .mark:hover text,${root} .mark:focus text{text-decoration:underline}`,
    `${root} .bracket path{fill:none;stroke:${p.muted};stroke-width:1.2}`,
    `${root} .bracket text{font-weight:600;fill:${p.text}}`,
  ];
  for (const [kind, colour] of Object.entries(p.kinds)) rules.push(`${root} .k-${kind} .shape{fill:${colour};stroke:${colour}}`);
  // Acknowledged is drawn as a ring: its shape differs from detected's for readers who do not tell the colours apart.
  rules.push(`${root} .k-acknowledged .shape{fill:none;stroke-width:2}`);
  return rules.join('\n');
}
