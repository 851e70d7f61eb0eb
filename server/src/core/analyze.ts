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
import type { Rule } from './rules/types';
import { suppress } from './suppress';
import { LineIndex } from './text';

/** What analysing one document version gives every host. */
export interface Analysis {
  model: PostmortemModel;
  isPostmortem: boolean;
  findings: Finding[];
  /** Configuration and rule failures worth telling the user (never thrown). */
  problems: string[];
}

export interface AnalyzeOptions {
  config: PostmortemConfig;
  /** The document's path or URI path, for the `include` globs. */
  path?: string;
  /** Lint even when the document does not look like a postmortem (files named on the CLI). */
  force?: boolean;
  rules?: readonly Rule[];
}

/** Parses a document once (unless its tree is given) and builds its model under the right profile. */
export function buildDocumentModel(text: string, config: PostmortemConfig, tree: Root = parseDocument(text)): { model: PostmortemModel; problem?: string } {
  const index = new LineIndex(text);
  const frontMatter = readFrontMatter(tree);
  const { profile, problem } = resolveProfile(frontMatterString(frontMatter, 'profile'), config);
  return { model: buildModel(text, tree, profile, index, frontMatter), problem };
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
    const { model, problem } = buildDocumentModel(text, config, tree);
    return { model, problems: problem ? [problem] : [] };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { model, problem } = buildDocumentModel(text, config, parseFlat(text));
    return { model, problems: [...(problem ? [problem] : []), TOO_DEEP] };
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
  const rules = options.rules ?? RULES;
  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        config,
        report: ({ start, end, message, fixes }) => {
          // Offsets that are no place in the text are the rule's failure, like a throw: they never reach an editor.
          if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError(`reported the offsets ${start}–${end}`);
          findings.push({ ruleId: rule.id, severity: setting, message, range: model.index.range(Math.min(start, end), Math.max(start, end)), fixes: fixes ?? [] });
        },
      });
    } catch (error) {
      problems.push(`rule ${rule.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  // Suppression comments silence findings here, once for every host, and add the ignore fixes.
  return { model, isPostmortem: postmortem, findings: suppress(model, findings, rules, config.reportUnusedSuppressions), problems };
}
