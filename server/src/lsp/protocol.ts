/**
 * The parts of the protocol that the Postmortem language server adds to LSP, shared with
 * the VS Code client. This module imports nothing, so the client bundle can import it
 * without pulling in server code.
 */

/** The `workspace/configuration` section the server pulls, and the settings prefix. */
export const CONFIGURATION_SECTION = 'postmortem';

/** The code action kind of "fix everything fixable" (`editor.codeActionsOnSave` can name it). */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

/** Method of the custom request that returns the report over the workspace index (issue 15). */
export const REPORT_REQUEST = 'postmortem/report';

/** Method of the notification the server sends when the workspace index changed (a file read, edited, created or deleted). */
export const INDEX_CHANGED_NOTIFICATION = 'postmortem/indexChanged';

/** Parameters of `postmortem/indexChanged`. */
export interface IndexChangedParams {
  /** Whether every file found has been read (false while the index is being built). */
  ready: boolean;
  /** Postmortems in the index. */
  documents: number;
}

/** Parameters of `postmortem/report`. */
export interface ReportParams {
  /** `YYYY-MM-DD` overdue items are counted from; the server's local date when not given. */
  today?: string;
  /** `html`: the answer also holds the self-contained HTML report (links are the files' URIs with `#L` lines). */
  format?: 'json' | 'html';
  /** With `html`: the page's policy, the nonce its style and script carry, and the script (a webview's). */
  host?: { csp: string; nonce: string; script: string };
  /** With `html`: a folder URI the links are made relative to (where an exported page is saved); else they are the files' URIs. */
  relativeTo?: string;
}

/** The answer to `postmortem/report`: the report's figures (server/src/report/types.ts, docs/report.md). */
export interface ReportResult {
  ready: boolean;
  /** The workspace folders the index covers (those with `postmortem.workspaceIndex.enable`). */
  folders: Array<{ uri: string; name: string }>;
  /** `Report` of server/src/report: every document carries its `uri`, every open action item its `uri` and line. */
  report: import('../report/types').Report;
  /** With `format: 'html'`. */
  html?: string;
}

/** Method of the custom request that returns a document's parsed timeline. */
export const TIMELINE_REQUEST = 'postmortem/timeline';

/** Parameters of `postmortem/timeline`. */
export interface TimelineParams {
  /** The document's URI, as the client knows it (the document must be open). */
  uri: string;
}

/** A zero-based line/character position, as in LSP. */
export interface TimelinePosition {
  line: number;
  character: number;
}

/** A range in the document, as in LSP. */
export interface TimelineRange {
  start: TimelinePosition;
  end: TimelinePosition;
}

/** What an entry marks in the incident (SPEC §5, milestones). */
export type MilestoneKind = 'impact-start' | 'detected' | 'acknowledged' | 'escalated' | 'mitigated' | 'resolved' | 'other';

/** One timeline entry, in document order. */
export interface TimelineEntryInfo {
  /** Zero-based line of the entry. */
  line: number;
  /** The whole entry (for the client to reveal it). */
  range: TimelineRange;
  /** The time token, when the entry has one. */
  timeRange: TimelineRange | null;
  /** The entry's text without its time. */
  text: string;
  /** "HH:MM" (24 h) as written, in its zone; null for a day-level entry or an entry without a time. */
  time: string | null;
  /** The zone the time is read in (as written or declared), or null when none applies. */
  zone: string | null;
  /** ISO 8601 with offset, or null without a date or a zone to anchor it. */
  iso: string | null;
  /** Minutes from the first timed entry, or null when the entry cannot be placed. */
  offsetMinutes: number | null;
  /** Minutes from the impact start (the `impact-start` entry, else the first timed entry). */
  sinceImpactMinutes: number | null;
  kind: MilestoneKind;
}

/** A step between consecutive entries longer than `timeline.maxGap`. */
export interface TimelineGapInfo {
  /** Zero-based lines of the two entries. */
  fromLine: number;
  toLine: number;
  minutes: number;
}

/** Start-anchored metrics in minutes; a metric whose milestone is missing is null. */
export interface TimelineMetrics {
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
}

/** A milestone and the entry that marks it (the first entry of each kind). */
export interface TimelineMilestoneInfo {
  kind: Exclude<MilestoneKind, 'other'>;
  line: number;
}

/** The answer to `postmortem/timeline`. */
export interface TimelineResult {
  uri: string;
  /** The document version the timeline was read from. */
  version: number;
  /** Whether the server treats the document as a postmortem (false: everything below is empty). */
  isPostmortem: boolean;
  /** The profile in use. */
  profile: string;
  /** The zone most entries are read in, or null. */
  zone: string | null;
  /** Zero-based line of the Timeline heading, or null without one. */
  headingLine: number | null;
  entries: TimelineEntryInfo[];
  gaps: TimelineGapInfo[];
  milestones: TimelineMilestoneInfo[];
  metrics: TimelineMetrics;
  /** Set when the document's status capped its findings (`severityByStatus`), for the status item. */
  severityCap: SeverityCapInfo | null;
}

/** A status cap that lowered a document's findings. */
export interface SeverityCapInfo {
  /** The status, as the configuration names it ("draft"). */
  status: string;
  /** The highest severity the findings are shown at. */
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** How many findings are shown lower than their rule's severity. */
  lowered: number;
  /** "draft: errors shown as warnings". */
  note: string;
}

/** Method of the custom request that returns a document's incident chart as SVG. */
export const CHART_REQUEST = 'postmortem/chart';

/** Parameters of `postmortem/chart`. */
export interface ChartParams {
  /** The document's URI, as the client knows it (the document must be open). */
  uri: string;
  /** Width in pixels (default 960). */
  width?: number;
  /** `vscode` (default): VS Code's theme variables; `light` or `dark`: a standalone picture. */
  theme?: 'vscode' | 'light' | 'dark';
  /** Whether the SVG embeds its `<style>` (default false for `vscode`: the webview supplies it, nonce'd). */
  embedStyle?: boolean;
}

/** The answer to `postmortem/chart`: the SVG, or the one line that says why there is none. */
export interface ChartResult {
  uri: string;
  /** The document version the chart was drawn from. */
  version: number;
  svg: string | null;
  /** Set when there is no chart: not a postmortem, no Timeline, fewer than two timed entries. */
  message: string | null;
}
