/**
 * Incremental analysis for hosts that see one document change again and again (the language
 * server): the new version is parsed from the previous one's tree (reparse.ts), and the model
 * and rules run on it. The result is the same as `analyze(text, options)`.
 */
import { analyze, type Analysis, type AnalyzeOptions } from './analyze';
import { reparse, type TextChange } from './reparse';

/**
 * Analyses `text`, a later version of the document `previous` analysed. `change` (offsets
 * into the previous text) is found by comparing the texts when it is not given. Without a
 * previous analysis this is `analyze`.
 */
export function analyzeIncremental(previous: Analysis | undefined, text: string, options: AnalyzeOptions, change?: TextChange): Analysis {
  if (!previous) return analyze(text, options);
  const { model } = previous;
  // Same text (a configuration change): the tree does not depend on the configuration.
  const tree = model.text === text ? model.tree : reparse({ text: model.text, tree: model.tree, index: model.index }, text, change);
  return analyze(text, options, tree);
}

export { changeBetween, reparse, type ParsedText, type TextChange } from './reparse';
