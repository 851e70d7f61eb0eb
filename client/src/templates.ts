/**
 * The postmortem templates, written as VS Code snippet text. This file is the one source of
 * the template text: the New Postmortem command inserts what it returns, and
 * `scripts/snippets.mjs` writes `snippets/postmortem.code-snippets` from it at build time.
 * Section names and prompts come from the analysis core's profiles and catalog, so a template
 * always satisfies the profile the linter checks it against.
 *
 * Nothing here imports `vscode`: the snippet generator and the tests run it under plain node.
 */
import { defaultMetadata } from '../../server/src/core/config/metadata';
import { CATALOG, type CanonicalSection } from '../../server/src/core/profiles/catalog';
import { BUILT_IN_PROFILES, type Profile } from '../../server/src/core/profiles/profiles';

/** Values the user already gave; each one missing becomes a tab stop with a default. */
export interface TemplateFields {
  title?: string;
  /** The incident date, `YYYY-MM-DD`. */
  date?: string;
  timezone?: string;
  /** The incident ID (the New Postmortem command gives the next free one). */
  id?: string;
  severity?: string;
}

/** The milestone markers the templates and the `pm-milestone` snippet write. */
export const MILESTONE_MARKERS = ['OUTAGE BEGINS', 'DETECTED', 'ACKNOWLEDGED', 'ESCALATED', 'MITIGATED', 'RESOLVED'] as const;

/** VS Code's snippet variables for today's date, the default incident date of a snippet. */
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

/** Escapes text so a snippet inserts it as written (`$`, `}` and `\` are snippet syntax). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Numbers tab stops in the order they are written. */
class TabStops {
  private next = 1;
  /** A tab stop whose default is literal text. */
  text(defaultText: string): string {
    return `\${${this.next++}:${escapeSnippet(defaultText)}}`;
  }
  /** A tab stop whose default is snippet syntax (variables), written as is. */
  raw(defaultSnippet: string): string {
    return `\${${this.next++}:${defaultSnippet}}`;
  }
  /** A tab stop that offers a choice of values, the first one by default. */
  choice(values: readonly string[]): string {
    return `\${${this.next++}|${values.map((v) => v.replace(/[\\$}|,]/g, (c) => `\\${c}`)).join(',')}|}`;
  }
  /** A given value as literal text, or a tab stop when the value is missing. */
  field(value: string | undefined, fallback: () => string): string {
    return value === undefined || value.trim() === '' ? fallback() : escapeSnippet(value.trim());
  }
}

/** The body of one section: its prompt as a tab stop, or the structure a section needs. */
function sectionBody(section: CanonicalSection, stops: TabStops, zone: string | undefined, level: number): string[] {
  switch (section.id) {
    case 'timeline':
      // Placeholder times (XX:XX) and {…} are what `empty-section` recognises as unfilled. A
      // whole template declares its zone in the front matter; a lone section declares it here.
      return [
        ...(zone === undefined ? [] : [`All times ${zone}.`, '']),
        `- ${stops.text('XX:XX')} **OUTAGE BEGINS**: ${stops.text('{what users first saw}')}`,
        `- ${stops.text('XX:XX')} Alert fired: ${stops.text('{which alert, and who was paged}')}`,
        `- ${stops.text('XX:XX')} Mitigated: ${stops.text('{what stopped the impact}')}`,
        `- ${stops.text('XX:XX')} **RESOLVED**: ${stops.text('{service back to normal}')}`,
      ];
    case 'action-items':
      return [
        `- [ ] ${stops.text('{task}')} — Owner: @${stops.text('owner')}, due ${stops.raw(TODAY)}`,
        `- [ ] ${stops.text('{task}')} — Owner: @${stops.text('owner')}, due ${stops.raw(TODAY)}`,
      ];
    case 'lessons-learned':
      // Sub-headings one level down: they belong to the section and are not matched again.
      return (section.parts ?? []).flatMap((part) => [`${'#'.repeat(level + 1)} ${part}`, '', `- ${stops.text('TODO')}`, '']).slice(0, -1);
    default:
      return [stops.text(section.prompt)];
  }
}

function catalogSection(profile: Profile, id: string): CanonicalSection {
  return profile.catalog.find((c) => c.id === id) ?? CATALOG.find((c) => c.id === id) ?? { id, title: id, synonyms: [], prompt: 'TODO', expects: '' };
}

/**
 * A whole postmortem for `profile` as snippet text: front matter (so the document is
 * recognised wherever it is saved, with its date anchoring the timeline, and the metadata the
 * `front-matter` rule checks), the title, and every section of the profile at level 2, in the
 * profile's order. `severities`: the choices of the severity tab stop.
 */
export function templateSnippet(profile: Profile, fields: TemplateFields = {}, severities: readonly string[] = defaultMetadata().severities): string {
  const stops = new TabStops();
  const title = stops.field(fields.title, () => stops.text('Incident title'));
  const date = stops.field(fields.date, () => stops.raw(TODAY));
  const zone = stops.field(fields.timezone, () => stops.text('UTC'));
  const id = stops.field(fields.id, () => stops.text('INC-001'));
  const severity = stops.field(fields.severity, () => stops.choice(severities));
  const lines = ['---', 'type: postmortem', `id: ${id}`, `severity: ${severity}`, 'status: draft', `date: ${date}`, `timezone: ${zone}`, `profile: ${escapeSnippet(profile.name)}`, '---', '', `# ${title}`];
  for (const section of profile.sections) {
    lines.push('', `## ${escapeSnippet(section.title)}`, '');
    section.covers.forEach((id, i) => {
      if (i > 0) lines.push('');
      lines.push(...sectionBody(catalogSection(profile, id), stops, undefined, 2));
    });
  }
  lines.push('', '$0');
  return lines.join('\n');
}

/** A section snippet: the heading and its body. */
export function sectionSnippet(section: CanonicalSection, level = 2): string {
  const stops = new TabStops();
  const zone = section.id === 'timeline' ? stops.text('UTC') : undefined;
  return [`${'#'.repeat(level)} ${escapeSnippet(section.title)}`, '', ...sectionBody(section, stops, zone, level), '$0'].join('\n');
}

/** One snippet in the `.code-snippets` JSON format. */
export interface SnippetDefinition {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * Every snippet the extension ships, by name: a whole template per built-in profile, a
 * timeline entry, a milestone marker, an action item, and each section of the catalog.
 */
export function allSnippets(): Record<string, SnippetDefinition> {
  const result: Record<string, SnippetDefinition> = {};
  const add = (name: string, prefix: string, description: string, body: string) => {
    result[name] = { prefix, description, body: body.split('\n') };
  };
  for (const profile of Object.values(BUILT_IN_PROFILES)) {
    add(`Postmortem template (${profile.name})`, `pm-${profile.name}`, `A whole postmortem for the ${profile.name} profile. ${profile.description}`, templateSnippet(profile));
  }
  add('Timeline entry', 'pm-entry', "A timeline entry at this machine's current time.", '- $CURRENT_HOUR:$CURRENT_MINUTE ${1:what happened}$0');
  add('Timeline entry with date', 'pm-entry-dated', "A timeline entry with today's date and this machine's current time.", `- ${TODAY} $CURRENT_HOUR:$CURRENT_MINUTE \${1:what happened}$0`);
  add('Milestone marker', 'pm-milestone', 'A milestone marker for a timeline entry (impact start, detection, mitigation, resolution…).', `**\${1|${MILESTONE_MARKERS.join(',')}|}**$0`);
  add('Action item', 'pm-action', 'An action item with an owner and a due date.', `- [ ] \${1:task} — Owner: @\${2:owner}, due \${3:${TODAY}}$0`);
  for (const section of CATALOG) {
    add(`Section: ${section.title}`, `pm-${section.id}`, `The ${section.title} section. ${section.expects}`, sectionSnippet(section));
  }
  return result;
}

/** A file name for a postmortem: `YYYY-MM-DD-words-of-the-title.md`. */
export function postmortemFileName(date: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${date}-${slug || 'incident'}.md`;
}

/** Today's date as `YYYY-MM-DD` on this machine's calendar. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
