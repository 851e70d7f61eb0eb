/**
 * Severity that follows the review status (`severityByStatus`): the findings of a document
 * whose front matter `status:` has a cap are shown at most at that severity, so a draft in
 * progress does not fail CI while a published postmortem is held to full severity.
 */
import type { PostmortemConfig } from '../config/schema';
import type { Severity } from '../findings';
import { frontMatterString } from '../model/frontMatter';
import type { PostmortemModel } from '../model/types';

/** A cap that lowered findings of a document. */
export interface SeverityCap {
  /** The status as the configuration names it. */
  status: string;
  /** The highest severity the document's findings are shown at. */
  severity: Severity;
  /** How many findings are shown lower than their rule's severity. */
  lowered: number;
  /** What to tell the user: "draft: errors shown as warnings". */
  note: string;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** The document's status and its cap, when `severityByStatus` has one for it (case and separators aside: `Draft` is `draft`). */
export function statusCap(model: PostmortemModel, config: PostmortemConfig): { status: string; severity: Severity } | undefined {
  const written = frontMatterString(model.frontMatter, 'status');
  if (written === undefined) return undefined;
  const loose = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const status = Object.keys(config.severityByStatus).find((key) => loose(key) === loose(written));
  return status === undefined ? undefined : { status, severity: config.severityByStatus[status] };
}

/** A severity under a cap: lowered to it, never raised. */
export function capSeverity(severity: Severity, cap: Severity): Severity {
  return RANK[severity] > RANK[cap] ? cap : severity;
}

const LOWERED: Record<Severity, string> = { error: '', warning: 'errors shown as warnings', info: 'errors and warnings shown as info', hint: 'errors, warnings and info shown as hints' };

/** "draft: errors shown as warnings". */
export function capNote(status: string, severity: Severity): string {
  return `${status}: ${LOWERED[severity]}`;
}
