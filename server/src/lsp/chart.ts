import { renderChart } from '../chart';
import { timelineOfState, type DocumentState } from './documents';
import type { ChartParams, ChartResult } from './protocol';

/** The answer to `postmortem/chart` for one analysed document version. */
export function chartResult(state: DocumentState, params: ChartParams): ChartResult | null {
  if (!state.analysis) return null;
  const base = { uri: state.uri, version: state.version };
  if (!state.active) return { ...base, svg: null, message: 'No incident chart: this document is not checked as a postmortem.' };
  const theme = params.theme ?? 'vscode';
  const chart = renderChart(timelineOfState({ ...state, analysis: state.analysis }), {
    theme,
    width: params.width,
    maxGap: state.config.timeline.maxGap,
    embedStyle: params.embedStyle ?? theme !== 'vscode',
  });
  return chart.kind === 'svg' ? { ...base, svg: chart.svg, message: null } : { ...base, svg: null, message: chart.message };
}
