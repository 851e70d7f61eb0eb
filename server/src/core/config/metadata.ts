/**
 * The front-matter contract's part of the configuration (`metadata.*`): its defaults and the
 * check of `idPattern` JSON Schema cannot state (jsonSchema.ts holds the rest). A workspace's
 * `idPattern` is a regular expression run on every document, so it must not be able to
 * backtrack for long.
 */

/** What front matter may say (SPEC §6, issue 14). */
export interface MetadataConfig {
  /** The values `severity:` may take, in order (most severe first). */
  severities: string[];
  /** The values `status:` may take, in the order a postmortem goes through them. */
  statuses: string[];
  /** A regular expression an incident `id:` must match. */
  idPattern: string;
  /** Front matter keys every postmortem must set. */
  required: string[];
}

export function defaultMetadata(): MetadataConfig {
  return {
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    statuses: ['draft', 'in-review', 'published', 'closed'],
    idPattern: String.raw`^[A-Z]+-\d+$`,
    required: [],
  };
}

/** Longest `idPattern` accepted. */
const MAX_PATTERN_LENGTH = 200;
/** Most quantifiers (`*`, `+`, `?`, `{…}`) an `idPattern` may hold. */
const MAX_QUANTIFIERS = 5;

/**
 * Why a pattern is refused, or undefined when it compiles and cannot backtrack for long: no
 * backreference, at most five quantifiers, and no repetition of a group that holds one or
 * holds alternatives (`(a+)+`, `(a|ab)*`; a `?` on such a group repeats nothing and is allowed). With IDs read at most 64
 * characters long (rules/frontMatterValues.ts), such a pattern answers at once.
 */
export function idPatternProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  const shape = patternShape(source);
  if (shape.backreference) return 'uses a backreference, which can make matching slow: write the pattern without one';
  if (shape.nestedRepetition) return 'repeats a group that holds a repetition or alternatives (such as "(a+)+" or "(a|ab)*"), which can make matching take minutes: write it with one repetition per part';
  if (shape.quantifiers > MAX_QUANTIFIERS) return `has ${shape.quantifiers} quantifiers: use at most ${MAX_QUANTIFIERS}`;
  return undefined;
}

/** One left-to-right pass over a pattern's source: its quantifiers, groups and escapes. */
function patternShape(source: string): { quantifiers: number; nestedRepetition: boolean; backreference: boolean } {
  let quantifiers = 0;
  let nestedRepetition = false;
  let backreference = false;
  /** Per open group: whether it holds a quantifier or an alternation. */
  const groups: boolean[] = [];
  /** Whether the atom just read was a group holding a quantifier or an alternation. */
  let lastGroupQuantified = false;
  const quantified = () => {
    if (groups.length > 0) groups[groups.length - 1] = true;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) backreference = true;
      i++;
      lastGroupQuantified = false;
    } else if (ch === '[') {
      // A class is one atom: skip to its closing bracket (escapes inside it included).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastGroupQuantified = false;
    } else if (ch === '(') {
      groups.push(false);
    } else if (ch === '|') {
      // Alternatives that overlap ("(a|ab)*") backtrack like a nested repetition.
      quantified();
    } else if (ch === ')') {
      lastGroupQuantified = groups.pop() ?? false;
      if (lastGroupQuantified) quantified();
    } else if (ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i, i + 24)))) {
      if (ch === '?' && source[i - 1] === '(') continue;
      const end = ch === '{' ? source.indexOf('}', i) : i;
      const repeats = ch !== '?' && !/^\{[01](?:,[01])?\}$/.test(source.slice(i, end + 1));
      quantifiers++;
      if (repeats && lastGroupQuantified) nestedRepetition = true;
      quantified();
      i = end;
      // A lazy or possessive marker belongs to this quantifier.
      if (source[i + 1] === '?') i++;
      lastGroupQuantified = false;
    } else {
      lastGroupQuantified = false;
    }
  }
  return { quantifiers, nestedRepetition, backreference };
}
