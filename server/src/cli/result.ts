import type { Finding, IncidentIdClaim, SeverityCap } from '../core';
import type { ReportDocument } from '../report';

/** What the CLI learned about one file. */
export interface FileResult {
  /** The path as shown to the user (relative to the working folder when inside it). */
  file: string;
  /** The absolute path. */
  path: string;
  profile: string;
  isPostmortem: boolean;
  findings: Finding[];
  /** Set when the document's status (`severityByStatus`) lowered some of its findings. */
  severityCap?: SeverityCap;
  /** Where the postmortem's incident ID is written, for the checks across the run's files. */
  incidentId?: IncidentIdClaim;
  /** The file's report figures, when the run collects them (`postmortem-lint report`). */
  report?: ReportDocument;
  /** Why the file could not be linted, when it could not. */
  error?: string;
}
