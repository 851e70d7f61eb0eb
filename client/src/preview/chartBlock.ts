/**
 * The incident chart in a Markdown preview, as a markdown-it core rule: from the source
 * markdown-it was given (synchronously, as the preview renders), the postmortem's timeline is
 * read with the same core as the language server and its chart inserted as an HTML block right
 * after the Timeline heading. Nothing here imports VS Code: the host says where settings come
 * from, so the rule can be tested with a plain markdown-it.
 */
import { buildDocumentModel, ConfigLoader, isPostmortem, RULE_IDS, timelineOf } from '../../../server/src/core';
import { renderChart } from '../../../server/src/chart';
import { escapeXml } from '../../../server/src/chart/escape';

/** The parts of markdown-it's token the rule reads and writes. */
export interface MdToken {
  type: string;
  map: [number, number] | null;
  nesting: number;
  level: number;
  content: string;
  block: boolean;
}

/** The parts of markdown-it's core state the rule uses. */
export interface MdCoreState {
  src: string;
  tokens: MdToken[];
  env: unknown;
  Token: new (type: string, tag: string, nesting: number) => MdToken;
}

/** The parts of a markdown-it instance the plugin needs. */
export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: MdCoreState) => void): void } };
}

/** Where the rule learns which document it renders and the settings that apply to it. */
export interface PreviewHost {
  /** The document's file path (for `include` and `.postmortemrc.json`), from markdown-it's env. */
  pathOf(env: unknown): string | undefined;
  /** The `postmortem.*` settings for that document, as a plain object. */
  settingsFor(path: string | undefined): unknown;
}

/** The HTML the preview shows for a document, or null to leave the document as it is. */
export function chartHtml(src: string, path: string | undefined, settings: unknown): { html: string; line: number } | null {
  // A new loader per render: the preview re-renders as .postmortemrc.json is edited too.
  const { config } = new ConfigLoader(RULE_IDS).forFile(path, { settings });
  if (!config.preview.chart || !config.enable) return null;
  const { model } = buildDocumentModel(src, config);
  if (!isPostmortem(model, path, config)) return null;
  const timeline = timelineOf(model, config);
  const heading = timeline.sections[0]?.section.heading;
  if (!heading) return null;
  const line = model.index.positionAt(heading.start).line;
  const chart = renderChart(timeline, { theme: 'vscode', maxGap: config.timeline.maxGap });
  const body = chart.kind === 'svg' ? chart.svg : `<p class="postmortem-chart-note"><em>${escapeXml(chart.message)}</em></p>`;
  return { html: `<div class="postmortem-chart">${body}</div>\n`, line };
}

/** Adds the chart rule to a markdown-it instance; returns it, as `extendMarkdownIt` must. */
export function chartPlugin<T extends MarkdownItLike>(md: T, host: PreviewHost): T {
  md.core.ruler.push('postmortem_chart', (state) => {
    const path = host.pathOf(state.env);
    let found: ReturnType<typeof chartHtml>;
    try {
      found = chartHtml(state.src, path, host.settingsFor(path));
    } catch {
      // The preview must render whatever the document holds: without a chart, never without the page.
      return;
    }
    if (!found) return;
    const at = state.tokens.findIndex((t) => t.map !== null && t.map[0] === found.line && t.nesting >= 0);
    if (at < 0) return;
    const open = state.tokens[at];
    let end = at;
    if (open.nesting === 1) while (end < state.tokens.length - 1 && !(state.tokens[end].nesting === -1 && state.tokens[end].level === open.level)) end += 1;
    const token = new state.Token('html_block', '', 0);
    token.content = found.html;
    token.block = true;
    state.tokens.splice(end + 1, 0, token);
  });
  return md;
}
