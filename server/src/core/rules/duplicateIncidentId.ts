/**
 * `duplicate-incident-id`: two postmortems with the same `id:` (issue 15). A check across
 * documents: each document's analysis says where its ID is written (`Analysis.incidentId`),
 * and the pass over a set of documents (core/workspace/duplicates.ts: the CLI's run, the
 * language server's workspace index) reports the ID on every file that shares it.
 */
import { frontMatterField } from '../model/frontMatter';
import type { PostmortemModel } from '../model/types';
import type { Rule } from './types';
import { quote } from './util';

export const duplicateIncidentId: Rule = {
  id: 'duplicate-incident-id',
  description: 'Two postmortems with the same incident ID (front matter `id:`, letter case aside): reported on the ID of each, in any lint run or workspace that covers both.',
  defaultSeverity: 'error',
  tags: ['metadata'],
  scope: 'workspace',
  // The document's side of the check: where its ID is. Whether another file shares it is for the pass across documents.
  check({ model, report }) {
    const written = incidentIdOf(model);
    if (written) report({ start: written.start, end: written.end, message: duplicateIdMessage(written.id, []) });
  },
};

/** The document's incident ID and the offsets of its value, when front matter gives one. */
export function incidentIdOf(model: PostmortemModel): { id: string; start: number; end: number } | undefined {
  const field = frontMatterField(model.frontMatter, 'id');
  const value = field && (typeof field.value === 'string' || typeof field.value === 'number') ? String(field.value).trim() : '';
  return field && value ? { id: value, start: field.valueStart, end: field.valueEnd } : undefined;
}

/** The key IDs are compared by: `INC-042` and `inc-042` name one incident. */
export function incidentIdKey(id: string): string {
  return id.trim().toLowerCase();
}

/** The message on a document whose ID the `others` (files as shown) also have. */
export function duplicateIdMessage(id: string, others: readonly string[]): string {
  const shown = others.slice(0, 3).map(quote).join(', ');
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  return `The incident ID ${quote(id)} is also the ID of ${shown || 'another postmortem'}${more}: give each postmortem its own ID, so that links, trackers and reports name one incident.`;
}
