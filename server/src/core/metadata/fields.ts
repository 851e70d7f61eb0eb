/**
 * The front-matter contract (issue 14): the keys a postmortem's metadata may hold, what each
 * means and what values it takes. The `front-matter` rule, completion and hover read it.
 */
import type { PostmortemConfig } from '../config/schema';
import { BUILT_IN_PROFILE_NAMES } from '../profiles/profiles';

/** How a key's value is checked. */
export type FieldKind = 'enum' | 'id' | 'date' | 'text' | 'list' | 'zone';

/** One key of the contract. */
export interface MetadataField {
  key: string;
  /** What the key means, for hover and the README. */
  meaning: string;
  kind: FieldKind;
  /** What a value of this key is called in messages ("a severity"). */
  noun: string;
  /** For `enum` keys: the values accepted, in the order they are offered. */
  values?(config: PostmortemConfig): string[];
  /** The setting that lists the values or the pattern, named in messages and hover. */
  setting?: string;
}

/** Every key of the contract, in the order completion offers them. */
export const METADATA_FIELDS: readonly MetadataField[] = [
  { key: 'id', kind: 'id', noun: 'an incident ID', setting: 'metadata.idPattern', meaning: 'The incident ID, as your tracker writes it (`INC-42`).' },
  { key: 'title', kind: 'text', noun: 'a title', meaning: "The incident's name, as people will search for it." },
  { key: 'date', kind: 'date', noun: 'an ISO date', meaning: 'The day the incident began, as an ISO date (`2024-03-02`); timeline times without a date fall on it.' },
  {
    key: 'severity',
    kind: 'enum',
    noun: 'a severity',
    setting: 'metadata.severities',
    values: (config) => config.metadata.severities,
    meaning: 'How bad the incident was, on your scale (most severe first).',
  },
  {
    key: 'status',
    kind: 'enum',
    noun: 'a status',
    setting: 'metadata.statuses',
    values: (config) => config.metadata.statuses,
    meaning: 'Where the postmortem is on its way from draft to published; `severityByStatus` can soften the findings of a draft.',
  },
  { key: 'owner', kind: 'text', noun: 'a name', meaning: 'Who owns the postmortem: writes it and sees its action items through (`commander` counts when there is no owner).' },
  { key: 'commander', kind: 'text', noun: 'a name', meaning: 'The incident commander, who led the response.' },
  { key: 'services', kind: 'list', noun: 'a list of services', meaning: 'The services the incident touched, as a list (`[api, billing]`).' },
  { key: 'timezone', kind: 'zone', noun: 'a timezone', meaning: 'The zone of every time in the document written without one: an IANA name (`Europe/Berlin`), an abbreviation (`UTC`) or an offset (`UTC+2`).' },
  {
    key: 'profile',
    kind: 'enum',
    noun: 'a profile',
    values: (config) => [...BUILT_IN_PROFILE_NAMES, ...Object.keys(config.profiles)],
    meaning: "The template this postmortem is checked against; it wins over the configuration's `profile`.",
  },
  { key: 'type', kind: 'enum', noun: 'a document type', values: () => ['postmortem'], meaning: 'Marks the file as a postmortem wherever it lives (`type: postmortem`).' },
];

/** The contract's entry for a key, if the key is one of it. */
export function metadataField(key: string): MetadataField | undefined {
  return METADATA_FIELDS.find((field) => field.key === key);
}

/** Keys that stand in for a required key: a commander is the owner when no owner is named. */
export const STANDS_IN_FOR: Readonly<Record<string, readonly string[]>> = { owner: ['commander'] };
