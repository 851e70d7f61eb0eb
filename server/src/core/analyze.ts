import type { Root } from 'mdast';
import type { PostmortemConfig } from './config/schema';
import { isPostmortem } from './detect';
import type { Finding } from './findings';
import { frontMatterString, readFrontMatter } from './model/frontMatter';
import { buildModel } from './model/build';
import type { PostmortemModel } from './model/types';
import { parseMarkdown } from './parse';
import { resolveProfile } from './profiles/resolve';
import { RULES } from './rules';
import type { Rule } from './rules/types';
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
export function buildDocumentModel(text: string, config: PostmortemConfig, tree: Root = parseMarkdown(text)): { model: PostmortemModel; problem?: string } {
  const index = new LineIndex(text);
  const frontMatter = readFrontMatter(tree);
  const { profile, problem } = resolveProfile(frontMatterString(frontMatter, 'profile'), config);
  return { model: buildModel(text, tree, profile, index, frontMatter), problem };
}

/**
 * Runs every enabled rule over a document. A rule that throws is reported in `problems`; the
 * rest still run. `tree` is the document's mdast when it is already parsed (incremental.ts).
 */
export function analyze(text: string, options: AnalyzeOptions, tree?: Root): Analysis {
  const { config } = options;
  const { model, problem } = buildDocumentModel(text, config, tree);
  const problems = problem ? [problem] : [];
  const postmortem = isPostmortem(model, options.path, config);
  const findings: Finding[] = [];
  if (!postmortem && !options.force) return { model, isPostmortem: false, findings, problems };
  for (const rule of options.rules ?? RULES) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        config,
        report: ({ start, end, message, fixes }) =>
          findings.push({ ruleId: rule.id, severity: setting, message, range: model.index.range(start, end), fixes: fixes ?? [] }),
      });
    } catch (error) {
      problems.push(`rule ${rule.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, isPostmortem: postmortem, findings, problems };
}
