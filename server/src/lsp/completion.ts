import { DateTime } from 'luxon';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { zoneLabelAt, type PostmortemConfig, type PostmortemModel, type Timeline } from '../core';
import { frontMatterCompletions } from '../core/metadata/assist';
import { findMissing } from '../core/rules/missingSection';
import { formatDate } from '../core/timeline/dates';

/** Characters after which a client should ask for completions (`##` then a space). */
export const COMPLETION_TRIGGERS = ['#', ' '];

/** A heading being typed: `##`, `## `, `## Ti` at the start of a line. */
const HEADING_PREFIX = /^ {0,3}#{1,6}( *)([^#]*)$/;

/**
 * After `#`/`##` at the start of a line: the profile's sections the document lacks,
 * required ones first, each inserting its heading text.
 */
export function sectionCompletions(model: PostmortemModel, position: Position): CompletionItem[] {
  const line = model.index.lineAt(position.line);
  const before = line.text.slice(0, position.character);
  const match = HEADING_PREFIX.exec(before);
  // A `#` in front matter starts a YAML comment, not a heading.
  const fm = model.frontMatter;
  if (!match || (fm && line.offset >= fm.start && line.offset <= fm.end)) return [];
  const [, spaces, typed] = match;
  const wordStart = { line: position.line, character: position.character - typed.length };
  const range = { start: wordStart, end: position };
  const { profile } = model;
  const present = new Set(model.sections.flatMap((s) => s.ids));

  const required = findMissing(model).map((m) => ({ title: m.title, ids: m.missingIds, required: true }));
  const optional = profile.sections
    .filter((s) => !s.required && s.covers.some((id) => !present.has(id)))
    .map((s) => ({ title: s.title, ids: s.covers, required: false }));
  return [...required, ...optional].map(({ title, ids, required: isRequired }, i) => {
    const expects = ids.map((id) => profile.catalog.find((c) => c.id === id)?.expects).filter(Boolean).join(' ');
    return {
      label: title,
      kind: CompletionItemKind.Module,
      detail: `${isRequired ? 'Missing section' : 'Optional section'} (${profile.name} profile)`,
      documentation: expects ? { kind: MarkupKind.PlainText, value: expects } : undefined,
      sortText: String(i).padStart(3, '0'),
      filterText: title,
      // Without a space after the hashes yet, insert one: "##" + " Timeline".
      textEdit: { range, newText: spaces === '' ? ` ${title}` : title },
    };
  });
}

/** A new timeline entry being started: a list marker, a table row's first pipe, or (in paragraph timelines) an empty line. */
const NEW_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+$/;
const NEW_ROW = /^\s*\|\s*$/;

/**
 * At a new entry inside the Timeline: the current time in the timeline's zone, written
 * the way the document writes its times (12 or 24 hours, a date if entries carry one, the
 * zone if entries write it or if none is declared).
 */
export function timeCompletions(model: PostmortemModel, timeline: Timeline, position: Position, now: DateTime = DateTime.now()): CompletionItem[] {
  const line = model.index.lineAt(position.line);
  const before = line.text.slice(0, position.character);
  if (line.text.slice(position.character).trim() !== '') return [];
  const inTimeline = timeline.sections.some(({ section }) => section.contentStart <= line.offset && line.offset <= section.end);
  if (!inTimeline) return [];
  const entries = timeline.entries.filter((e) => e.time && !e.time.problem);
  const paragraphs = entries.length > 0 && entries.every((e) => e.container.kind === 'paragraph');
  if (!NEW_ITEM.test(before) && !NEW_ROW.test(before) && !(paragraphs && before.trim() === '')) return [];

  const zone = timeline.zone ?? timeline.documentZone?.zone ?? null;
  const zoned = zone ? now.setZone(zone.id) : now.toUTC();
  const twelveHour = entries.filter((e) => e.time!.meridiem !== null).length * 2 > entries.length;
  const dated = [...entries].reverse().find((e) => e.writtenDate);
  const writesZone = !zone || entries.filter((e) => e.writtenZone).length * 2 > entries.length;
  // A daylight/standard name must fit today's date (PST in winter, PDT in summer).
  const label = zone ? zoneLabelAt(zone, zoned.isInDST) : 'UTC';
  const parts = [
    dated ? formatDate({ year: zoned.year, month: zoned.month, day: zoned.day }, dated.writtenDate!.style) : '',
    zoned.toFormat(twelveHour ? 'h:mm a' : 'HH:mm'),
    writesZone ? label : '',
  ];
  const text = parts.filter(Boolean).join(' ');
  return [
    {
      label: text,
      kind: CompletionItemKind.Value,
      detail: `Current time${zone ? ` (${zone.label})` : ' (UTC: no zone declared)'}`,
      sortText: '000',
      filterText: text,
      textEdit: { range: { start: position, end: position }, newText: `${text} ` },
    },
  ];
}

/** Inside front matter: the metadata keys at a line's start, and the values of severity, status, profile, type and timezone after their key. */
export function metadataCompletions(model: PostmortemModel, config: PostmortemConfig, position: Position): CompletionItem[] {
  return frontMatterCompletions(model, config, model.index.offsetAt(position)).map((item, i) => ({
    label: item.label,
    kind: item.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    // In the configured order (SEV1 first), not alphabetical.
    sortText: String(i).padStart(4, '0'),
    filterText: item.label,
    textEdit: { range: model.index.range(item.start, item.end), newText: item.newText },
  }));
}
