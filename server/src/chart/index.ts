/**
 * The incident chart (a plain module: no DOM, no editor API). `renderChart(timeline)` draws
 * the timeline as a standalone SVG string; the CLI (`postmortem-lint chart`), the language
 * server (`postmortem/chart`) and the Markdown preview all call it.
 */
export { renderChart, DEFAULT_CHART_WIDTH, MAX_CHART_WIDTH, MIN_CHART_WIDTH, type ChartOptions, type ChartResult } from './render';
export { chartCss, CHART_THEMES, type ChartTheme } from './theme';
