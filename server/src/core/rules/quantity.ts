/**
 * Whether a piece of prose measures how much an incident affected: a share ("30%", "half of
 * our users", "1 in 5 requests"), a count ("1,200 customers", "60 PRs", "thousands of
 * requests") or a whole ("all users", "every build", "the entire site"), of the things a team
 * serves or runs, or of any things the text says came to harm ("80 turnstiles could not scan",
 * "all branches were unable to…"). A duration ("for 3 hours") is not a measure of impact, nor
 * is a vague amount ("some users", "multiple users"). Works on words, never on backtracking
 * patterns, so it is linear in the text.
 */

/** One word of the text with the punctuation around it. */
interface Token {
  /** Lower-cased word without trailing punctuation. */
  word: string;
  /** The raw text between the previous word and this one. */
  gap: string;
  start: number;
  end: number;
}

/** Words and numbers: `1,200`, `99.9%`, `on-call`, `user's`. One character-class loop, linear. */
const WORD = /[\p{L}\p{N}%][\p{L}\p{N}%'’.,_-]*/gu;
/** The lookbehind starts a match only at the first of a run: `x_____…` stays linear. */
const TRAILING_PUNCTUATION = /(?<![.,'’_-])[.,'’_-]+$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const word = match[0].replace(TRAILING_PUNCTUATION, '');
    if (!word) continue;
    tokens.push({ word: word.toLowerCase(), gap: text.slice(previousEnd, start), start, end: start + word.length });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** What was affected: people, units of work and the things they use, in a team's own nouns. Singular forms. */
const AFFECTED = new Set(
  (
    'user customer client request error order transaction account session query call visitor subscriber member tenant ' +
    'merchant payment message email job build deployment deploy login signup sign-up purchase booking ticket device install ' +
    'download upload file record row event notification api endpoint page pageview site website app application service ' +
    'server host node instance region cluster shard database people person student learner developer team organization ' +
    'organisation company business store shop partner driver rider patient player viewer reader employee seller buyer ' +
    'shopper household connection response failure timeout exception crash item product listing video stream image ' +
    'checkout search report invoice claim packet traffic userbase audience fleet network platform system infrastructure ' +
    'stack operation write read lookup submission delivery shipment flight reservation ' +
    // Code and delivery: "60 PRs", "every pipeline", "400 CI runs".
    'pr mr pull-request merge-request pipeline repository repo workflow runner artifact ' +
    // Compute: "600 pods", "all customer instances", "40 VMs".
    'pod container vm machine workload workspace project worker lambda volume disk bucket domain ' +
    // Money, messages and the things people use. Not what a team runs the response with ("no backup",
    // "no dashboard"): after "no" they would read as a whole.
    'wallet deposit withdrawal transfer refund chargeback conversation meeting phone terminal kiosk ' +
    'printer sensor camera vehicle router gateway venue restaurant vendor courier'
  ).split(' '),
);

/** Units of time: a number followed by one of these is a duration or a clock time. */
const TIME_UNITS = new Set(
  'second sec secs minute min mins hour hr hrs h day week month year ms am pm a.m p.m utc gmt o’clock oclock'.split(' '),
);

/** Nouns that count tries, not things: "after 2 attempts failed", "3 retries of the job". */
const TRIES = new Set(['attempt', 'retry', 'try', 'time']);

const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions ' +
    'billion billions dozen dozens half third thirds quarter quarters fifth fifths tenth tenths two-thirds three-quarters'
  ).split(' '),
);

const WHOLE_WORDS = new Set(['all', 'every', 'entire', 'whole', 'each']);
const EVERYONE = new Set(['everyone', 'everybody']);
const NOBODY = new Set(['nobody', 'no-one']);
const COMPLETE = new Set(['complete', 'total', 'full']);
const COMPLETELY = new Set(['completely', 'fully', 'totally', 'entirely']);
const OUTAGE = new Set(['outage', 'downtime', 'unavailability', 'blackout']);
const DOWN = new Set(['down', 'unavailable', 'offline', 'inaccessible', 'unreachable', 'unusable']);
const CAN = new Set(['could', 'can', 'was', 'were', 'is']);
const MONTHS = new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december'.split(' '),
);

/** Punctuation that ends the phrase a number belongs to. */
const BOUNDARY = /[.;:!?()[\]]|,\s|\n[ \t]*\n/;

/** Singular form of a noun, for lookups ("queries" → "query", "users'" → "user"). */
function singular(word: string): string {
  const bare = word.replace(/['’]s?$/, '');
  if (bare.endsWith('ies') && bare.length > 4) return `${bare.slice(0, -3)}y`;
  // Three letters are enough for an abbreviation's plural: "PRs", "VMs".
  if (bare.endsWith('s') && !bare.endsWith('ss') && bare.length > 2) return bare.slice(0, -1);
  return bare;
}

function isNumeric(token: Token): boolean {
  if (NUMBER_WORDS.has(token.word)) return true;
  if (!/^\d/.test(token.word) || /^\d+(?:st|nd|rd|th)$/.test(token.word)) return false;
  // A number next to a colon is part of a clock time (5:30), not a count.
  return !token.gap.endsWith(':') && /^\d[\d,.]*(?:k|m|bn)?$/.test(token.word);
}

/**
 * The words that quantify the impact in `text`, or undefined when nothing does.
 * Returned for messages and tests ("85%", "1,200 customers", "all users").
 */
export function findQuantity(text: string): string | undefined {
  const tokens = tokenize(text);
  const phrase = (from: number, to: number) => text.slice(tokens[from].start, tokens[to].end);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (/^\d[\d,.]*%$/.test(token.word)) return token.word;
    if (isNumeric(token) && next && (next.word === '%' || next.word === 'percent' || next.word === 'per-cent')) return phrase(i, i + 1);
    if (/^[$€£¥]$/.test(token.gap.slice(-1)) && /^\d/.test(token.word)) return `${token.gap.slice(-1)}${token.word}`;
    if (EVERYONE.has(token.word)) return token.word;
    if (COMPLETE.has(token.word) && next && OUTAGE.has(next.word) && !BOUNDARY.test(next.gap)) return phrase(i, i + 1);
    if (COMPLETELY.has(token.word) && next && DOWN.has(next.word) && !BOUNDARY.test(next.gap)) return phrase(i, i + 1);
    if ((NOBODY.has(token.word) || (token.word === 'no' && next?.word === 'one')) && tokens.slice(i + 1, i + 4).some((t) => CAN.has(t.word))) {
      return token.word === 'no' ? 'no one' : token.word;
    }
    const counts = isNumeric(token) && !(i > 0 && MONTHS.has(tokens[i - 1].word));
    const whole = WHOLE_WORDS.has(token.word) || (token.word === 'no' && next !== undefined && AFFECTED.has(singular(next.word)));
    if (!counts && !whole) continue;
    const end = affectedNounAfter(tokens, i, counts) ?? harmedThingsAfter(tokens, i);
    if (end !== undefined) return phrase(i, end);
  }
  return undefined;
}

/** The index of the affected noun within a few words after a number or "all", if any. */
function affectedNounAfter(tokens: Token[], at: number, isCount: boolean): number | undefined {
  if (isCount) {
    const share = shareAfter(tokens, at);
    if (share !== undefined) return share;
  }
  for (let j = at + 1; j < tokens.length && j <= at + 4; j++) {
    const token = tokens[j];
    if (BOUNDARY.test(token.gap)) return undefined;
    const noun = singular(token.word);
    if (TIME_UNITS.has(token.word) || TIME_UNITS.has(noun) || TRIES.has(noun)) return undefined;
    if (AFFECTED.has(noun)) return lastOfNounRun(tokens, j);
  }
  return undefined;
}

/** The last of the affected nouns that run on from `at`: "customer instances", "payment requests". */
function lastOfNounRun(tokens: Token[], at: number): number {
  let end = at;
  while (tokens[end + 1] && !BOUNDARY.test(tokens[end + 1].gap) && AFFECTED.has(singular(tokens[end + 1].word))) end++;
  return end;
}

/** Words that say harm came to the things named before them: "…failed", "…were lost", "…went down". */
const HARMED = new Set(
  (
    'affected impacted unable fail failed failing lost dropped stuck delayed blocked broken broke crashed errored stalled ' +
    'down unavailable offline unreachable inaccessible unusable degraded rejected corrupted deleted interrupted disrupted ' +
    'timed stopped hung'
  ).split(' '),
);
/** Verbs that may stand between the things and their harm: "were lost", "have been blocked", "went down". */
const LINKING = new Set('were was are is got became went have has had been remained'.split(' '));
/** The things could not do their work: "could not merge", "did not start". */
const MODAL = new Set(['could', 'can', 'did', 'would', 'will']);
const CANNOT = new Set(['cannot', ...["couldn't", "can't", "didn't", "wouldn't", "won't"].flatMap((w) => [w, w.replace("'", '’')])]);
/** Short words that end in "s" without being plurals. */
const NOT_PLURAL = new Set('this his its us as was is has does yes less thus plus'.split(' '));

/**
 * The index of the last word of "N things came to harm" or "all things came to harm", for
 * things the noun list does not know: "80 turnstiles could not scan", "all branches were unable".
 * After "every" or "each" the things are one word in the singular: "every scanner crashed".
 */
function harmedThingsAfter(tokens: Token[], at: number): number | undefined {
  const oneByOne = tokens[at].word === 'every' || tokens[at].word === 'each';
  for (let j = at + 1; j < tokens.length && j <= at + 3; j++) {
    const token = tokens[j];
    if (BOUNDARY.test(token.gap)) return undefined;
    const noun = singular(token.word);
    if (TIME_UNITS.has(token.word) || TIME_UNITS.has(noun) || TRIES.has(noun)) return undefined;
    const plural = noun !== token.word && !NOT_PLURAL.has(token.word) && !LINKING.has(token.word);
    if (!oneByOne && !plural) continue;
    const harm = harmAfter(tokens, j);
    if (harm !== undefined) return harm;
  }
  return undefined;
}

/** The index of the word that says harm came to the noun at `noun`, if the words after it say so. */
function harmAfter(tokens: Token[], noun: number): number | undefined {
  const joined = (k: number) => tokens[k] !== undefined && !BOUNDARY.test(tokens[k].gap);
  let k = noun + 1;
  for (let links = 0; links < 2 && joined(k) && LINKING.has(tokens[k].word); links++) k++;
  if (!joined(k)) return undefined;
  if (HARMED.has(tokens[k].word) || CANNOT.has(tokens[k].word)) return k;
  return MODAL.has(tokens[k].word) && joined(k + 1) && tokens[k + 1].word === 'not' ? k + 1 : undefined;
}

/** "3 out of 10", "1 in 5", "2 of 3": a share even before its noun. The index of the second number. */
function shareAfter(tokens: Token[], at: number): number | undefined {
  const link = tokens[at + 1];
  if (!link || BOUNDARY.test(link.gap)) return undefined;
  let k: number;
  if (link.word === 'in' || link.word === 'of') k = at + 2;
  else if (link.word === 'out' && tokens[at + 2]?.word === 'of') k = at + 3;
  else return undefined;
  const second = tokens[k];
  return second && /^\d/.test(second.word) && isNumeric(second) && !BOUNDARY.test(second.gap) ? k : undefined;
}
