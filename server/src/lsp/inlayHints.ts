import type { InlayHint, Range } from 'vscode-languageserver';
import { formatElapsed, type PostmortemModel, type Timeline } from '../core';
import { isTimed, sinceImpact, startEntry } from './timeline';

/**
 * Beside each timed entry's time, the time elapsed since the impact start (`+1:05`);
 * the start entry itself reads "impact start" (or "start" when it is just the first entry).
 */
export function elapsedHints(model: PostmortemModel, timeline: Timeline, range: Range): InlayHint[] {
  const start = startEntry(timeline);
  if (!start) return [];
  const from = timeline.milestones.startIsImpact ? 'impact start' : 'the first entry';
  const hints: InlayHint[] = [];
  for (const entry of timeline.entries) {
    if (!entry.token || !isTimed(entry) || entry.line < range.start.line || entry.line > range.end.line) continue;
    const minutes = sinceImpact(timeline, entry);
    if (minutes === null) continue;
    const label = entry === start ? (timeline.milestones.startIsImpact ? 'impact start' : 'start') : formatElapsed(minutes);
    hints.push({
      position: model.index.positionAt(entry.token.end),
      label,
      paddingLeft: true,
      tooltip: entry === start ? 'Metrics count from this entry.' : `${Math.abs(minutes)} minutes ${minutes >= 0 ? 'after' : 'before'} ${from} (line ${start.line + 1})`,
    });
  }
  return hints;
}
