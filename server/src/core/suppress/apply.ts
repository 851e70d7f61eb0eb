/**
 * Which findings the suppression comments silence, and what is wrong with the comments
 * themselves: an id that names no rule, a line directive for a finding about the whole
 * document, and (when asked) a comment that silences nothing.
 */
import type { Finding } from '../findings';
import type { LineIndex } from '../text';
import { closest } from './closest';
import type { Directive, DirectiveReading, Word } from './directives';

/** The finding code of a suppression comment that cannot work (an unknown rule id, a misspelt directive). */
export const SUPPRESSION_INVALID = 'suppression-invalid';
/** The finding code of a suppression comment that silences nothing. */
export const SUPPRESSION_UNUSED = 'suppression-unused';

export interface SuppressOptions {
  /** Every rule id, enabled or not: a directive for a rule turned off is unused, not unknown. */
  knownRules: readonly string[];
  /** Rules whose findings are all about the whole document: a line comment naming one cannot work. */
  documentRules: ReadonlySet<string>;
  /** Report directives that silence nothing (`--report-unused-disable-directives`). */
  reportUnused: boolean;
}

/** A directive with its lines, and which of its rules (or `*`, for all) silenced something. */
interface Placed {
  directive: Directive;
  /** The rules it applies to; undefined for all. */
  rules?: Set<string>;
  startLine: number;
  endLine: number;
  used: Set<string>;
}

/**
 * The findings left once the comments have silenced theirs, with the comments' own findings
 * added. Each finding is judged at its first line; the cost is a lookup per finding and rule.
 */
export function applySuppressions(findings: readonly Finding[], reading: DirectiveReading, index: LineIndex, options: SuppressOptions): Finding[] {
  const own: Finding[] = reading.malformed.map((word) => invalid(index, word, `"${word.text}" is not a suppression comment: write postmortem-disable, -enable, -disable-line, -disable-next-line or -disable-file.`));
  if (reading.directives.length === 0) return [...findings, ...own];
  const placed = reading.directives.map((directive) => place(directive, index, options, own));
  const byLine = new Map<number, Placed[]>();
  const atLine = (line: number, p: Placed) => (byLine.get(line) ?? byLine.set(line, []).get(line)!).push(p);
  for (const p of placed) {
    if (p.directive.kind === 'disable-line') atLine(p.startLine, p);
    if (p.directive.kind === 'disable-next-line') atLine(p.endLine + 1, p);
  }
  const files = placed.filter((p) => p.directive.kind === 'disable-file');
  const filesByRule = new Map<string, Placed[]>();
  const filesFor = (rule: string) => filesByRule.get(rule) ?? filesByRule.set(rule, files.filter((p) => covers(p, rule))).get(rule)!;
  const ranges = placed.filter((p) => p.directive.kind === 'disable' || p.directive.kind === 'enable');
  const rangeState = new RangeState(ranges);

  const kept: Finding[] = [];
  for (const finding of findings) {
    const rule = finding.ruleId;
    const line = finding.range.start.line;
    const silencing = [...filesFor(rule)];
    if (!finding.wholeDocument) {
      silencing.push(...(byLine.get(line) ?? []).filter((p) => covers(p, rule)));
      const range = rangeState.disablingAt(rule, line);
      if (range) silencing.push(range);
    }
    for (const p of silencing) p.used.add(p.rules ? rule : '*');
    if (silencing.length === 0) kept.push(finding);
  }
  if (options.reportUnused) own.push(...placed.flatMap((p) => unused(p, index)));
  return [...kept, ...own];
}

/** The directive's lines, with the rules it may name: an unknown id or a document rule on a line directive is reported and left out. */
function place(directive: Directive, index: LineIndex, options: SuppressOptions, own: Finding[]): Placed {
  const rules = new Set<string>();
  for (const word of directive.rules) {
    if (!options.knownRules.includes(word.text)) {
      const guess = closest(word.text, options.knownRules);
      own.push(invalid(index, word, `There is no rule "${word.text}" to silence${guess ? `: did you mean "${guess}"?` : '.'}`));
    } else if (options.documentRules.has(word.text) && directive.kind !== 'disable-file' && directive.kind !== 'enable') {
      own.push(invalid(index, word, `${word.text} is about the whole document: only <!-- postmortem-disable-file ${word.text} --> silences it.`));
    } else rules.add(word.text);
  }
  return {
    directive,
    // Every id was refused: the directive silences none rather than all.
    rules: directive.rules.length === 0 ? undefined : rules,
    startLine: index.positionAt(directive.start).line,
    endLine: index.positionAt(directive.end).line,
    used: new Set(),
  };
}

function covers(p: Placed, rule: string): boolean {
  return !p.rules || p.rules.has(rule);
}

/**
 * Whether a rule is disabled at a line by the `disable`/`enable` comments: the last one on or
 * before the line that applies to the rule decides (markdownlint's reading). Per rule, its
 * comments are kept in order and found by binary search.
 */
class RangeState {
  private readonly byRule = new Map<string, Placed[]>();

  constructor(private readonly ranges: readonly Placed[]) {}

  /** The `disable` comment in force for a rule at a line, if any. */
  disablingAt(rule: string, line: number): Placed | undefined {
    if (this.ranges.length === 0) return undefined;
    let list = this.byRule.get(rule);
    if (!list) this.byRule.set(rule, (list = this.ranges.filter((p) => covers(p, rule))));
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid].startLine <= line) low = mid + 1;
      else high = mid;
    }
    const last = list[low - 1];
    return last?.directive.kind === 'disable' ? last : undefined;
  }
}

/** Findings for a directive's rules (or the whole comment) that silenced nothing. `enable` is never unused. */
function unused(p: Placed, index: LineIndex): Finding[] {
  const { directive } = p;
  if (directive.kind === 'enable') return [];
  const name = `postmortem-${directive.kind}`;
  if (!p.rules) {
    if (p.used.has('*')) return [];
    return [unusedFinding(index, directive.start, directive.end, `This ${name} comment silences nothing: remove it.`)];
  }
  return directive.rules
    .filter((word) => p.rules!.has(word.text) && !p.used.has(word.text))
    .map((word) => unusedFinding(index, word.start, word.end, `${name} ${word.text} silences nothing here: remove "${word.text}".`));
}

function invalid(index: LineIndex, word: Word, message: string): Finding {
  return commentFinding(SUPPRESSION_INVALID, index, word.start, word.end, message);
}

function unusedFinding(index: LineIndex, start: number, end: number, message: string): Finding {
  return commentFinding(SUPPRESSION_UNUSED, index, start, end, message);
}

/** A finding about a suppression comment: a warning, with no fix (removing the comment is the writer's call). */
function commentFinding(ruleId: string, index: LineIndex, start: number, end: number, message: string): Finding {
  return { ruleId, severity: 'warning', message, range: index.range(start, end), fixes: [] };
}
