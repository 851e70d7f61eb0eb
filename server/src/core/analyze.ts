import type { Root } from 'mdast';
import type { PostmortemConfig } from './config/schema';
import { isPostmortem } from './detect';
import type { Finding } from './findings';
import { frontMatterString, readFrontMatter } from './model/frontMatter';
import { buildModel } from './model/build';
import type { PostmortemModel } from './model/types';
import { parseDocument } from './chunks';
import { nestsTooDeep, parseFlat } from './parse';
import { resolveProfile } from './profiles/resolve';
import { RULES } from './rules';
import { frontMatter as frontMatterRule } from './rules/frontMatter';
import type { Rule } from './rules/types';
import { suppress } from './suppress';
import { LineIndex } from './text';
import { capNote, capSeverity, statusCap, type SeverityCap } from './metadata/severityCap';
import { duplicateIncidentId, incidentIdOf } from './rules/duplicateIncidentId';
import type { IncidentIdClaim } from './workspace/duplicates';

/** What analysing one document version gives every host. */
export interface Analysis {
  model: PostmortemModel;
  isPostmortem: boolean;
  findings: Finding[];
  /** Configuration and rule failures worth telling the user (never thrown). */
  problems: string[];
  /** Set when `severityByStatus` lowered findings of this document. */
  severityCap?: SeverityCap;
  /** Where the postmortem's incident ID is written, for the checks across documents (core/workspace). */
  incidentId?: IncidentIdClaim;
}

export interface AnalyzeOptions {
  config: PostmortemConfig;
  /** The document's path or URI path, for the `include` globs. */
  path?: string;
  /** Lint even when the document does not look like a postmortem (files named on the CLI). */
  force?: boolean;
  rules?: readonly Rule[];
  /** Today's date (`YYYY-MM-DD`), for rules about due dates; the machine's local date when not given. */
  today?: string;
}

/**
 * Parses a document once (unless its tree is given) and builds its model under the right
 * profile. `unknownInFrontMatter`: the problem is a front matter `profile:` that names no profile.
 */
export function buildDocumentModel(text: string, config: PostmortemConfig, tree: Root = parseDocument(text)): { model: PostmortemModel; problem?: string; unknownInFrontMatter?: boolean } {
  const index = new LineIndex(text);
  const frontMatter = readFrontMatter(tree, text);
  const named = frontMatterString(frontMatter, 'profile');
  const { profile, problem, unknown } = resolveProfile(named, config);
  return { model: buildModel(text, tree, profile, index, frontMatter), problem, unknownInFrontMatter: unknown && !!named?.trim() };
}

/** The model's problem worth telling, if any: an unknown front matter profile is the `front-matter` rule's finding when it runs. */
function modelProblem(built: ReturnType<typeof buildDocumentModel>, config: PostmortemConfig): string[] {
  if (!built.problem) return [];
  const reported = built.unknownInFrontMatter && (config.rules[frontMatterRule.id] ?? frontMatterRule.defaultSeverity) !== 'off';
  return reported ? [] : [built.problem];
}

/** What analysing says of a document nested too deep to read in full. */
export const TOO_DEEP = 'the document nests quotes, lists, emphasis or links too deeply to read in full: it was checked as plain paragraphs under its headings';

/**
 * The model of a document; one nested deeper than the parser can recurse (thousands of `>`
 * or list levels overflow the stack) is read again without nesting constructs, so it is still
 * checked (headings, sections, times), and a problem says so (the CLI then does not fix it).
 */
function buildOrFlatten(text: string, config: PostmortemConfig, tree?: Root): { model: PostmortemModel; problems: string[] } {
  try {
    if (!tree && nestsTooDeep(text)) throw new RangeError('nested too deep');
    const built = buildDocumentModel(text, config, tree);
    return { model: built.model, problems: modelProblem(built, config) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const built = buildDocumentModel(text, config, parseFlat(text));
    return { model: built.model, problems: [...modelProblem(built, config), TOO_DEEP] };
  }
}

/**
 * Runs every enabled rule over a document. A rule that throws is reported in `problems`; the
 * rest still run. `tree` is the document's mdast when it is already parsed (incremental.ts).
 */
export function analyze(text: string, options: AnalyzeOptions, tree?: Root): Analysis {
  const { config } = options;
  const { model, problems } = buildOrFlatten(text, config, tree);
  const postmortem = isPostmortem(model, options.path, config);
  const findings: Finding[] = [];
  if (!postmortem && !options.force) return { model, isPostmortem: false, findings, problems };
  const cap = statusCap(model, config);
  const today = options.today ?? localToday();
  let lowered = 0;
  const rules = options.rules ?? RULES;
  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    // The one place findings get their severity: the rule's setting, under the document's status cap.
    const severity = cap ? capSeverity(setting, cap.severity) : setting;
    try {
      rule.check({
        model,
        config,
        today,
        report: ({ start, end, message, fixes, wholeDocument }) => {
          // Offsets that are no place in the text are the rule's failure, like a throw: they never reach an editor.
          if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError(`reported the offsets ${start}–${end}`);
          // A check across documents only reports a candidate here: it lowers nothing the user sees unless confirmed.
          if (severity !== setting && rule.scope !== 'workspace') lowered++;
          const range = model.index.range(Math.min(start, end), Math.max(start, end));
          findings.push({ ruleId: rule.id, severity, message, range, fixes: fixes ?? [], ...(wholeDocument || rule.scope === 'document' ? { wholeDocument: true } : {}) });
        },
      });
    } catch (error) {
      problems.push(`rule ${rule.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const severityCap = cap && lowered > 0 ? { ...cap, lowered, note: capNote(cap.status, cap.severity) } : undefined;
  // Suppression comments silence findings here, once for every host, and add the ignore fixes.
  const kept = suppress(model, findings, rules, config.reportUnusedSuppressions);
  // A rule across documents reports candidates here: they are shown only when the pass across documents confirms them.
  const across = new Set(rules.filter((rule) => rule.scope === 'workspace').map((rule) => rule.id));
  const written = incidentIdOf(model);
  const candidate = kept.find((f) => f.ruleId === duplicateIncidentId.id);
  const incidentId = written && { id: written.id, range: model.index.range(written.start, written.end), ...(candidate ? { finding: candidate } : {}) };
  return {
    model,
    isPostmortem: postmortem,
    findings: across.size > 0 ? kept.filter((f) => !across.has(f.ruleId)) : kept,
    problems,
    ...(severityCap ? { severityCap } : {}),
    ...(incidentId ? { incidentId } : {}),
  };
}

/** The machine's date, `YYYY-MM-DD`: what "today" is unless a host says otherwise. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
