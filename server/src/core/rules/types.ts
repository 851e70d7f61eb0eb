import type { PostmortemConfig } from '../config/schema';
import type { Fix, Severity } from '../findings';
import type { PostmortemModel } from '../model/types';

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  /** Offsets of the text the finding is about. */
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
}

/** What a rule's check sees. */
export interface RuleContext {
  model: PostmortemModel;
  config: PostmortemConfig;
  report(report: Report): void;
}

/** A rule: metadata, a check and (through its reports) fixes. */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Groups for documentation and filtering: `sections`, `timeline`, `timezone`, `content`. */
  tags: string[];
  /** `document`: its findings are about the whole document (on the title), so only `postmortem-disable-file` silences them. */
  scope?: 'document';
  check(context: RuleContext): void;
}
