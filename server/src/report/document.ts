/**
 * One postmortem's figures for the report, from the analysis linting made of it: nothing is
 * read twice, and a figure the document does not state is null, never guessed.
 */
import { basename } from 'node:path';
import { headerFields, isoDate, isOverdue, timelineOf, trackedActionItems, type Analysis, type HeaderFields, type PostmortemConfig, type Timeline } from '../core';
import { frontMatterString } from '../core/model/frontMatter';
import type { PostmortemModel } from '../core/model/types';
import type { DateSource, ReportActionItem, ReportDocument } from './types';

/** Where a document is, as the report names and links it. */
export interface DocumentPlace {
  /** As shown: relative to the folder the report covers. */
  file: string;
  uri?: string;
}

/** The figures of one analysed postmortem; `today` (`YYYY-MM-DD`) decides which items are overdue. */
export function reportDocument(analysis: Analysis, config: PostmortemConfig, place: DocumentPlace, today: string): ReportDocument {
  const { model } = analysis;
  const timeline = timelineOf(model, config);
  // Front matter first; a header block's labelled lines (`**Severity:** SEV-2`) where it says nothing.
  const header = headerFields(model);
  const { date, dateSource } = incidentDate(timeline, header);
  const id = metadataText(model, 'id') ?? header.id ?? null;
  const title = metadataText(model, 'title') ?? model.title?.text.trim() ?? basename(place.file).replace(/\.[^.]+$/, '');
  const tracked = trackedActionItems(model, config);
  const open = tracked.filter((t) => t.state !== 'done');
  const openActionItems = open.map(
    (t): ReportActionItem => ({
      file: place.file,
      ...(place.uri ? { uri: place.uri } : {}),
      line: t.line + 1,
      text: t.title,
      owner: t.owner || null,
      due: t.due?.date ? isoDate(t.due.date) : null,
      state: t.state === 'open' || t.state === 'in-progress' ? t.state : null,
      tracking: t.tracking ?? null,
      overdue: isOverdue(t, today),
      incident: { id, title, date },
    }),
  );
  return {
    file: place.file,
    ...(place.uri ? { uri: place.uri } : {}),
    date,
    dateSource,
    id,
    title,
    severity: metadataText(model, 'severity') ?? header.severity ?? null,
    status: metadataText(model, 'status') ?? header.status ?? null,
    metrics: { ...timeline.metrics },
    problems: {
      errors: analysis.findings.filter((f) => f.severity === 'error').length,
      warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    },
    actionItems: { total: tracked.length, open: open.length, overdue: openActionItems.filter((i) => i.overdue).length },
    openActionItems,
  };
}

/** A front matter value as text, trimmed; null when absent or empty. */
function metadataText(model: PostmortemModel, key: string): string | null {
  const value = frontMatterString(model.frontMatter, key)?.trim();
  return value ? value : null;
}

/**
 * The day the incident began: front matter `date:`, else a header block's `Date:`, else the
 * date the timeline is anchored to (the title, the Summary), else the first date written on a
 * timeline entry.
 */
function incidentDate(timeline: Timeline, header: HeaderFields): { date: string | null; dateSource: DateSource | null } {
  if (timeline.anchor?.source === 'front-matter') return { date: isoDate(timeline.anchor.date), dateSource: 'front-matter' };
  if (header.date) return { date: header.date, dateSource: 'document' };
  if (timeline.anchor) return { date: isoDate(timeline.anchor.date), dateSource: 'document' };
  const dated = timeline.entries.find((e) => e.dateSource === 'entry' && e.date);
  return dated?.date ? { date: isoDate(dated.date), dateSource: 'document' } : { date: null, dateSource: null };
}
