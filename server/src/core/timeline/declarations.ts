/**
 * Where zones and dates are declared for a run of times (SPEC §4): on a section's heading
 * or the line right under it, in front matter (`timezone:`, `date:`), on a preamble line
 * before the first section, in the title, or in `timeline.defaultTimezone`.
 */
import type { PostmortemConfig } from '../config/schema';
import { frontMatterString } from '../model/frontMatter';
import type { PostmortemModel, Section } from '../model/types';
import { findDates, type DateToken } from './dates';
import { StampReader } from './stamps';
import type { ZoneDeclaration } from './types';
import { findZones, parseZone, type ZoneToken } from './zones';

const DECLARING_WORDS = /\b(?:times?|timezones?|zones?|tz|clock)\b/i;

/**
 * The zone a line declares ("All times UTC", "_Times are in Pacific Time_", "(UTC)"): it
 * names a zone, does not open with a time, and says it is about times or is only the zone.
 */
export function declarationIn(text: string): ZoneToken | undefined {
  if (text.length > 200) return undefined;
  const reader = new StampReader(text);
  if (reader.readAt(reader.leadPosition())?.time) return undefined;
  const zones = findZones(text);
  if (zones.length === 0) return undefined;
  let rest = text;
  for (const z of [...zones].reverse()) rest = rest.slice(0, z.start) + rest.slice(z.end);
  if (DECLARING_WORDS.test(rest) || !/[\p{L}\p{N}]/u.test(rest)) return zones[0];
  return undefined;
}

/** Whether a line is a zone declaration rather than an entry. */
export function isDeclaration(text: string): boolean {
  return declarationIn(text) !== undefined;
}

/** The zone a section's heading names, else the one the first line of its content declares. */
export function sectionDeclaration(model: PostmortemModel, section: Section): ZoneDeclaration | null {
  const { heading } = section;
  const inHeading = findZones(model.text.slice(heading.start, heading.end))[0];
  if (inHeading) return { zone: inHeading.zone, start: heading.start + inHeading.start, end: heading.start + inHeading.end, source: 'heading' };
  for (const line of sectionLinesFrom(model, section)) {
    if (!line.text.trim() || BARE_TAG_LINE.test(line.text)) continue;
    // `<details><summary>Timeline (UTC)</summary>`: the summary titles what it folds, as a heading does.
    const summary = SUMMARY_TAG.exec(line.text);
    const inSummary = summary ? findZones(summary[1])[0] : undefined;
    if (summary && inSummary) {
      const start = line.offset + summary.index + summary[0].indexOf(summary[1]) + inSummary.start;
      return { zone: inSummary.zone, start, end: start + inSummary.end - inSummary.start, source: 'line' };
    }
    if (/^\s*(?:[-*+]|\d+[.)]|\|)\s/.test(line.text)) return null;
    const found = declarationIn(line.text);
    return found ? { zone: found.zone, start: line.offset + found.start, end: line.offset + found.end, source: 'line' } : null;
  }
  return null;
}

/** A line of nothing but HTML tags (`<details>`, `<div align="center">`): it declares nothing and hides nothing under it. */
const BARE_TAG_LINE = /^\s*(?:<\/?[A-Za-z][^<>]{0,200}>\s*)+$/;
/** The text of a `<summary>` tag on a line. */
const SUMMARY_TAG = /<summary\b[^<>]{0,200}>([^<>]{1,200})<\/summary>/i;

function sectionLinesFrom(model: PostmortemModel, section: Section) {
  if (section.contentStart >= section.end) return [];
  // Only the first few lines can be "right under" the heading.
  const last = Math.min(section.end, model.index.lineStart(model.index.positionAt(section.contentStart).line + 4));
  return model.index.linesBetween(section.contentStart, Math.max(last, section.contentStart + 1));
}

const FRONT_MATTER_ZONE_KEYS = ['timezone', 'time_zone', 'timeZone', 'tz'];
const FRONT_MATTER_DATE_KEYS = ['date', 'incident_date', 'incidentDate', 'started', 'start'];

/** The zone declared for the whole document: front matter, then a preamble line, then the configuration. */
export function documentDeclaration(model: PostmortemModel, config: PostmortemConfig): ZoneDeclaration | null {
  for (const key of FRONT_MATTER_ZONE_KEYS) {
    const value = frontMatterString(model.frontMatter, key);
    const zone = value ? parseZone(value) : undefined;
    if (zone && model.frontMatter) {
      const at = model.text.slice(model.frontMatter.start, model.frontMatter.end).indexOf(value!);
      const start = model.frontMatter.start + Math.max(0, at);
      return { zone, start, end: start + value!.length, source: 'front-matter' };
    }
  }
  const from = model.frontMatter?.end ?? 0;
  if (model.preambleEnd > from) {
    for (const line of model.index.linesBetween(from, model.preambleEnd)) {
      if (line.offset < from) continue;
      const found = declarationIn(line.text);
      if (found) return { zone: found.zone, start: line.offset + found.start, end: line.offset + found.end, source: 'preamble' };
    }
  }
  const configured = config.timeline.defaultTimezone ? parseZone(config.timeline.defaultTimezone) : undefined;
  return configured ? { zone: configured, start: -1, end: -1, source: 'config' } : null;
}

/** The date undated times fall on: front matter `date:`, else the title's date, else the first date in the Summary. */
export function documentDate(model: PostmortemModel, summary: Section | undefined): { token: DateToken; source: 'front-matter' | 'title' | 'summary' } | null {
  for (const key of FRONT_MATTER_DATE_KEYS) {
    const value = frontMatterString(model.frontMatter, key);
    const token = value ? findDates(value).find((d) => d.year !== null) : undefined;
    if (token) return { token, source: 'front-matter' };
  }
  if (model.title) {
    const token = findDates(model.text.slice(model.title.start, model.title.end)).find((d) => d.year !== null);
    if (token) return { token, source: 'title' };
  }
  if (summary) {
    for (const line of model.index.linesBetween(summary.contentStart, summary.end)) {
      if (line.offset >= summary.end) break;
      const token = findDates(line.text).find((d) => d.year !== null);
      if (token) return { token: { ...token, start: line.offset + token.start, end: line.offset + token.end }, source: 'summary' };
    }
  }
  return null;
}
