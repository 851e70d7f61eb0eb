/**
 * Incremental analysis for hosts that see one document change again and again (the language
 * server): the new version is parsed from the previous one's tree (reparse.ts), and the model
 * and rules run on it. The result is the same as `analyze(text, options)`.
 */
import type { Root } from 'mdast';
import { analyze, TOO_DEEP, type Analysis, type AnalyzeOptions } from './analyze';
import { nestsTooDeep } from './parse';
import { reparse, type TextChange } from './reparse';

/**
 * Analyses `text`, a later version of the document `previous` analysed. `change` (offsets
 * into the previous text) is found by comparing the texts when it is not given. Without a
 * previous analysis this is `analyze`.
 */
export function analyzeIncremental(previous: Analysis | undefined, text: string, options: AnalyzeOptions, change?: TextChange): Analysis {
  // A document read flat (nested too deep to parse: analyze.ts) has no tree to reuse; nor does one that nests too deep now.
  if (!previous || previous.problems.includes(TOO_DEEP) || nestsTooDeep(text)) return analyze(text, options);
  const { model } = previous;
  let tree: Root;
  try {
    // Same text (a configuration change): the tree does not depend on the configuration.
    tree = model.text === text ? model.tree : reparse({ text: model.text, tree: model.tree, index: model.index }, text, change);
  } catch (error) {
    if (error instanceof RangeError) return analyze(text, options);
    throw error;
  }
  return analyze(text, options, tree);
}

export { changeBetween, reparse, type ParsedText, type TextChange } from './reparse';
