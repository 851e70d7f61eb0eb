import { CATALOG, type CanonicalSection } from './catalog';

/** One section a profile asks for. */
export interface ProfileSection {
  /** Stable key within the profile (the catalog id, or ids joined with `+` for a combination). */
  key: string;
  /** The heading text the profile uses, written by fixes and templates. */
  title: string;
  /** Catalog ids this section stands for: one, or several for a combined section. */
  covers: string[];
  required: boolean;
}

/** An ordered list of sections, with the checks that depend on it. */
export interface Profile {
  name: string;
  description: string;
  sections: ProfileSection[];
  /** Whether `section-order` applies. */
  checkOrder: boolean;
  /** The range `word-count` enforces, when the profile has one. */
  wordCount?: { min: number; max: number };
  /** What `summary-incomplete` requires the Summary to state; absent or empty: the rule is silent. */
  summaryMustState?: readonly SummaryPart[];
  /** Catalog used to recognise headings: the built-in one plus the profile's own additions. */
  catalog: readonly CanonicalSection[];
}

/** A part of the incident the Summary can be asked to state (the ALX task asks for all three). */
export type SummaryPart = 'times' | 'impact' | 'root-cause';

type SectionSpec = string | [title: string, covers: string | string[], required?: boolean];

function sections(specs: SectionSpec[]): ProfileSection[] {
  return specs.map((spec) => {
    const [title, coversSpec, required = true] = typeof spec === 'string' ? [spec, undefined, true] : spec;
    const covers = coversSpec === undefined ? [idOf(title)] : Array.isArray(coversSpec) ? coversSpec : [coversSpec];
    return { key: covers.join('+'), title, covers, required };
  });
}

function idOf(title: string): string {
  const found = CATALOG.find((section) => section.title === title);
  if (!found) throw new Error(`profile section "${title}" is not in the catalog`);
  return found.id;
}

/** The profiles that ship with the tool, by name. */
export const BUILT_IN_PROFILES: Readonly<Record<string, Profile>> = {
  core: {
    name: 'core',
    description: 'Summary, Timeline, Root Cause, Resolution and Action Items; Impact may live in the Summary.',
    sections: sections([
      'Summary',
      ['Impact', 'impact', false],
      'Timeline',
      'Root Cause',
      'Resolution',
      'Action Items',
      ['Lessons Learned', 'lessons-learned', false],
    ]),
    checkOrder: false,
    catalog: CATALOG,
  },
  alx: {
    name: 'alx',
    description: 'The ALX/Holberton postmortem task: Issue Summary, Timeline, Root cause and resolution, Corrective and preventative measures; 400–600 words.',
    sections: sections([
      ['Issue Summary', 'summary'],
      ['Timeline', 'timeline'],
      ['Root Cause and Resolution', ['root-cause', 'resolution']],
      ['Corrective and Preventative Measures', 'action-items'],
    ]),
    checkOrder: true,
    wordCount: { min: 400, max: 600 },
    summaryMustState: ['times', 'impact', 'root-cause'],
    catalog: CATALOG,
  },
  'google-sre': {
    name: 'google-sre',
    description: 'The Google SRE book template.',
    sections: sections([
      'Summary',
      'Impact',
      ['Root Causes', 'root-cause'],
      'Trigger',
      'Resolution',
      'Detection',
      'Action Items',
      'Lessons Learned',
      'Timeline',
      ['Supporting Information', 'supporting-information', false],
    ]),
    checkOrder: true,
    catalog: CATALOG,
  },
  pagerduty: {
    name: 'pagerduty',
    description: "PagerDuty's postmortem template.",
    sections: sections([
      ['Overview', 'summary'],
      'What Happened',
      ['Contributing Factors', 'root-cause'],
      'Resolution',
      'Impact',
      'Responders',
      'Timeline',
      "How'd We Do?",
      'Action Items',
    ]),
    checkOrder: true,
    catalog: CATALOG,
  },
  atlassian: {
    name: 'atlassian',
    description: "Atlassian's incident postmortem template.",
    sections: sections([
      ['Incident Summary', 'summary'],
      ['Leadup', 'trigger'],
      'Fault',
      'Impact',
      'Detection',
      'Response',
      ['Recovery', 'resolution'],
      'Timeline',
      'Five Whys',
      'Root Cause',
      'Backlog Check',
      'Recurrence',
      'Lessons Learned',
      ['Corrective Actions', 'action-items'],
    ]),
    checkOrder: true,
    catalog: CATALOG,
  },
};

export const BUILT_IN_PROFILE_NAMES = Object.keys(BUILT_IN_PROFILES);
