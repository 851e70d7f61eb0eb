import type { Fix } from '../findings';
import { metadataField, STANDS_IN_FOR } from '../metadata/fields';
import { checkValue } from '../metadata/values';
import type { FrontMatterField } from '../model/frontMatter';
import type { PostmortemModel } from '../model/types';
import type { Rule } from './types';

export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Front matter that breaks the metadata contract: an unknown severity, status, profile or type, a malformed date or ID, a value of the wrong type, or a required key absent.',
  defaultSeverity: 'warning',
  tags: ['metadata'],
  check({ model, config, report }) {
    const fm = model.frontMatter;
    const opening = fm ? { start: fm.start, end: fm.start + 3 } : firstLine(model);
    if (fm?.error || fm?.notMapping) {
      const why = fm.error ? `is not valid YAML (${fm.error})` : 'is not a list of "key: value" lines';
      const at = fm.errorAt && fm.errorAt.end > fm.errorAt.start ? fm.errorAt : opening;
      report({ ...at, message: `The front matter ${why}: its metadata cannot be read.` });
      return;
    }
    for (const field of fm?.fields ?? []) {
      const spec = metadataField(field.key);
      const problem = spec && checkValue(field, spec, config);
      if (!problem) continue;
      const fix = problem.replacement === undefined ? undefined : replaceValue(model, field, problem.replacement, problem.respells === true);
      report({ start: field.valueStart, end: field.valueEnd, message: problem.message, fixes: fix ? [fix] : [] });
    }
    const missing: string[] = [];
    for (const key of config.metadata.required) {
      const keys = [key, ...(STANDS_IN_FOR[key] ?? [])];
      const written = fm?.fields.filter((f) => keys.includes(f.key)) ?? [];
      if (written.some((f) => f.value !== null && f.value !== '')) continue;
      const what = metadataField(key)?.noun ?? 'it';
      const also = STANDS_IN_FOR[key] ? ` (or ${STANDS_IN_FOR[key].map((k) => `"${k}"`).join(', ')})` : '';
      const empty = written[0];
      if (!fm) missing.push(`"${key}"`);
      else if (empty) report({ start: empty.keyStart, end: empty.keyEnd, message: `"${key}" is empty: the configuration (metadata.required) asks every postmortem for ${what}.` });
      else report({ ...opening, message: `The front matter has no "${key}"${also}: the configuration (metadata.required) asks every postmortem for ${what}.` });
    }
    if (missing.length > 0) {
      report({ ...opening, wholeDocument: true, message: `The document has no front matter: the configuration (metadata.required) asks every postmortem for ${missing.join(', ')}, in a "---" block at the top.` });
    }
  },
};

/** Where a finding about absent front matter goes: the document's first line. */
function firstLine(model: PostmortemModel): { start: number; end: number } {
  return { start: 0, end: model.index.lineEnd(0) };
}

/**
 * The fix that writes the value's one right spelling, keeping its quotes. A replacement that
 * only respells the value (case, separators, the brackets of a list) changes no fact: it is
 * the preferred fix, and automatic. Any other (a date rewritten as ISO) waits for the writer to pick it.
 */
function replaceValue(model: PostmortemModel, field: FrontMatterField, replacement: string, respells: boolean): Fix | undefined {
  const source = model.text.slice(field.valueStart, field.valueEnd);
  const value = String(field.value);
  const quote = source[0];
  let newText: string | undefined;
  if (source === value) newText = replacement;
  // A quoted list would be a string: only a word is written back inside the quotes.
  else if ((quote === '"' || quote === "'") && source === `${quote}${value}${quote}` && /^[\w.:/+-]+$/.test(replacement)) newText = `${quote}${replacement}${quote}`;
  if (newText === undefined) return undefined;
  return {
    title: `Write "${replacement}"`,
    edits: [{ range: model.index.range(field.valueStart, field.valueEnd), newText }],
    isPreferred: respells,
    automatic: respells,
  };
}
