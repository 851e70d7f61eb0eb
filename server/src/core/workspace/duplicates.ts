/**
 * The checks across documents (issue 15): a set of analysed postmortems, each with where its
 * incident ID is written, gives each document the `duplicate-incident-id` findings it has
 * because of the others. Pure: the CLI runs it over the files of a run, the language server
 * over its workspace index.
 */
import type { Finding } from '../findings';
import { duplicateIdMessage, incidentIdKey } from '../rules/duplicateIncidentId';
import type { Range } from '../text';

/** Where a document's incident ID is written; `finding` is the one to show if another document shares it (absent when the rule is off or a comment silences it there). */
export interface IncidentIdClaim {
  id: string;
  range: Range;
  finding?: Finding;
}

/** One document of the set: a key (its path or URI), how it is shown in messages, and its ID. */
export interface CrossDocument {
  key: string;
  label: string;
  incidentId?: IncidentIdClaim;
}

/** Another document with the same ID, for the editor's related information. */
export interface RelatedPlace {
  key: string;
  range: Range;
  label: string;
}

/** A finding a document has because of others, with where the others are. */
export interface CrossFinding {
  finding: Finding;
  related: RelatedPlace[];
}

/**
 * The duplicate-ID findings of each document that shares its ID with another one of the
 * set, keyed by document. Every document with the ID is reported (each where its rule is on
 * and not silenced), and each message names the others.
 */
export function duplicateIdFindings(documents: Iterable<CrossDocument>): Map<string, CrossFinding[]> {
  const byId = new Map<string, CrossDocument[]>();
  for (const document of documents) {
    if (!document.incidentId) continue;
    const key = incidentIdKey(document.incidentId.id);
    const group = byId.get(key);
    if (group) group.push(document);
    else byId.set(key, [document]);
  }
  const out = new Map<string, CrossFinding[]>();
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const document of group) {
      const claim = document.incidentId!;
      if (!claim.finding) continue;
      const others = group.filter((other) => other !== document).sort((a, b) => a.label.localeCompare(b.label));
      const finding: Finding = { ...claim.finding, message: duplicateIdMessage(claim.id, others.map((o) => o.label)) };
      const related = others.map((o) => ({ key: o.key, label: o.label, range: o.incidentId!.range }));
      out.set(document.key, [...(out.get(document.key) ?? []), { finding, related }]);
    }
  }
  return out;
}
