import type { PostmortemConfig } from '../config/schema';
import type { Fix, RuleSetting } from '../findings';
import type { PostmortemModel } from '../model/types';

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  /** Offsets of the text the finding is about. */
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** About the whole document, not its place (a document without front matter): only `postmortem-disable-file` silences it. */
  wholeDocument?: boolean;
}

/** What a rule's check sees. */
export interface RuleContext {
  model: PostmortemModel;
  config: PostmortemConfig;
  /** Today's date, `YYYY-MM-DD` (injectable: `AnalyzeOptions.today`, the CLI's `--today`). */
  today: string;
  report(report: Report): void;
}

/** A rule: metadata, a check and (through its reports) fixes. */
export interface Rule {
  id: string;
  description: string;
  /** The severity its findings get unless configured; `off` for rules a team turns on. */
  defaultSeverity: RuleSetting;
  /** Groups for documentation and filtering: `sections`, `timeline`, `timezone`, `content`, `metadata`, `actions`. */
  tags: string[];
  /**
   * `document`: its findings are about the whole document (on the title), so only
   * `postmortem-disable-file` silences them. `workspace`: a check across documents; what the
   * rule reports on one document is a candidate, kept in `Analysis.incidentId` and shown only
   * when the pass across documents (core/workspace) confirms it.
   */
  scope?: 'document' | 'workspace';
  check(context: RuleContext): void;
}
