/**
 * Metadata written as labelled lines at the top of a postmortem instead of front matter:
 * `**Date:** 2024-08-14 · **Severity:** SEV-2 · **Status:** Resolved`, `Incident ID: INC-7`,
 * `- **Status:** Complete` (the header block of Google's and many teams' templates). The report
 * and the Postmortems view fall back to them where the front matter says nothing.
 */
import { findDates, isoDate } from '../timeline';
import type { PostmortemModel } from '../model/types';

/** The header fields read, each as written (trimmed); `date` as an ISO date. */
export interface HeaderFields {
  id?: string;
  date?: string;
  severity?: string;
  status?: string;
}

/** Labels (lower case, single spaces) and the field each names. */
const LABELS: Record<string, keyof HeaderFields> = {
  id: 'id', 'incident id': 'id', 'incident': 'id', 'incident number': 'id', 'incident no': 'id', ticket: 'id',
  date: 'date', 'incident date': 'date', 'date of incident': 'date',
  severity: 'severity', sev: 'severity', 'severity level': 'severity', priority: 'severity',
  status: 'status', 'postmortem status': 'status', 'document status': 'status',
};

/** One `Label: value` on a line: bold or not, the value up to the next field's separator. */
const FIELD = /(?:^|[·•|;]|\s{2,})[ \t]*[-*+]?[ \t]*(\*\*|__)?([A-Za-z][A-Za-z .]{0,24}?)[ \t]*(?:\1[ \t]*:|:[ \t]*\1)[ \t]*([^·•|;\r\n]*)/g;
/** Where a value stops: a `<br>`, or the next bold label on the same line. */
const VALUE_END = /<br[ \t]{0,3}\/?>|\s(?:\*\*|__)[A-Za-z][^*_\n]{0,24}(?:\*\*|__)?:/i;
/** How far into the document a header block may reach: its first lines, before any section. */
const HEADER_LINES = 30;

/** The header fields of the preamble (the text before the first named section, within its first lines). */
export function headerFields(model: PostmortemModel): HeaderFields {
  const fields: HeaderFields = {};
  const from = model.frontMatter?.end ?? 0;
  const end = Math.min(model.preambleEnd, model.text.length);
  if (end <= from) return fields;
  for (const line of model.index.linesBetween(from, end).slice(0, HEADER_LINES)) {
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(line.text); m; m = FIELD.exec(line.text)) {
      const key = LABELS[m[2].trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ')];
      const value = valueOf(m[3]);
      if (!key || !value || fields[key]) continue;
      if (key === 'date') {
        const date = findDates(value).find((d) => d.year !== null && !d.swapped);
        if (date?.year) fields.date = isoDate({ year: date.year, month: date.month, day: date.day });
      } else fields[key] = value;
    }
  }
  return fields;
}

/** A value without what follows it on the line, emphasis or a trailing full stop. */
function valueOf(raw: string): string {
  const cut = VALUE_END.exec(raw);
  return (cut ? raw.slice(0, cut.index) : raw)
    .replace(/[*_`]+/g, '')
    .trim()
    .replace(/\.$/, '');
}
