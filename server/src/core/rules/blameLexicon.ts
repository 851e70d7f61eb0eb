/**
 * The blame lexicon of `blameful-language` (after PagerDuty's and Google SRE's blameless
 * guidance): phrases that put an incident on people. Some blame whoever they name ("human
 * error", "careless", "Bob's fault"); others only when their subject is a person, a role or a
 * pronoun ("the SRE mistakenly…", "we forgot to…", but not "the disk failed to mount").
 * Every pattern is a flat alternation without nested quantifiers: linear on any line.
 */

/** One phrase of the lexicon. */
interface Entry {
  /** Regex source, without capturing groups. */
  source: string;
  /** Whether the phrase blames only when a person is its subject. */
  needsPerson: boolean;
  /** What to write instead, for the message. */
  advice: string;
}

const LEXICON: readonly Entry[] = [
  {
    source: String.raw`\b(?:human|operator|personnel|staff)[\s-]+(?:error|mistake)s?\b`,
    needsPerson: false,
    advice: 'name the conditions that let the error happen instead (for example "the deploy tool accepted a config change with no review")',
  },
  {
    source: String.raw`\b(?:careless(?:ly|ness)?|neglig(?:ent|ently|ence))\b`,
    needsPerson: false,
    advice: 'describe what the process lacked instead (for example "no check required a second reviewer for this change")',
  },
  {
    // The possessor of "'s fault" is read backwards from the apostrophe (see `possessorStart`).
    source: String.raw`['’]s\s+fault\b|\b(?:my|his|her|their|our|your)\s+fault\b`,
    needsPerson: false,
    advice: 'describe the contributing factors instead: what made the action possible and its effect hard to see',
  },
  {
    source: String.raw`\bat\s+fault\b`,
    needsPerson: true,
    advice: 'describe the contributing factors instead: what made the action possible and its effect hard to see',
  },
  {
    source: String.raw`\b(?:mistakenly|erroneously)\b`,
    needsPerson: true,
    advice: 'say why the action looked right at the time (for example "the alert resembled routine reboot noise, so it was acknowledged")',
  },
  {
    source: String.raw`\bshould\s+not\s+have\b|\bshouldn['’]t\s+have\b|\bshould\s+have\b|\bshould['’]ve\b`,
    needsPerson: true,
    advice: 'state what was missing rather than what someone should have done (for example "no check verified the mount after the reboot")',
  },
  {
    source: String.raw`\b(?:fail(?:ed|s|ing)?|neglect(?:ed|s|ing)?)\s+to\b`,
    needsPerson: true,
    advice: 'describe the gap in the system instead (for example "the runbook had no escalation step for this alert")',
  },
  {
    source: String.raw`\bforg(?:ot|otten|et|ets|etting)\b`,
    needsPerson: true,
    advice: 'describe what the process lacked instead (for example "no checklist step or reminder covered the renewal")',
  },
];

/** A cheap first pass: text without any of these stems holds no phrase of the lexicon. */
export const BLAME_STEMS = /error|mistake|careless|neglig|neglect|fault|erroneous|should|fail|forg/i;

const PATTERN = new RegExp(LEXICON.map((entry) => `(${entry.source})`).join('|'), 'gi');

/** A blaming phrase found in a text. */
export interface BlameHit {
  /** Offsets in the scanned text: the subject (for subject-dependent phrases) through the phrase. */
  start: number;
  end: number;
  advice: string;
}

/** Who "X's fault" or "not their fault" leaves unblamed. */
const NOT_A_CULPRIT = new Set(['it', 'that', 'this', 'there', 'here', 'what', 'nobody', 'anybody', 'anyone', 'noone', 'no-one', 'one', 'nothing']);
/** A negation shortly before: "it was not (really) Bob's fault". */
const NEGATION = /(?:\bnot|\bnever|\bno|n['’]t)\b[^.!?;]{0,20}$/i;

/** Finds blaming phrases in prose that has already had its code, quotes and chat logs masked. */
export function findBlame(text: string): BlameHit[] {
  const hits: BlameHit[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const which = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const entry = LEXICON[which];
    let start = match.index;
    const end = start + match[0].length;
    if (!entry.needsPerson) {
      if (/^['’]/.test(match[0])) {
        start = possessorStart(text, start);
        if (start === match.index) continue;
      }
      if (/fault$/i.test(match[0]) && exculpates(text, start, text.slice(start, end))) continue;
      hits.push({ start, end, advice: entry.advice });
      continue;
    }
    const subject = personSubjectBefore(text, start);
    if (subject !== undefined) hits.push({ start: subject, end, advice: entry.advice });
  }
  return hits;
}

/** Where the word before an apostrophe starts ("Bob" in "Bob's fault"); `at` itself when there is none. */
function possessorStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && /[\p{L}\p{N}_@-]/u.test(text[start - 1])) start--;
  return start;
}

/** "it's not anyone's fault", "not their fault", "its fault" (of a thing): no blame. */
function exculpates(text: string, start: number, phrase: string): boolean {
  const owner = phrase.replace(/(?:['’]s)?\s+fault$/i, '').toLowerCase();
  if (NOT_A_CULPRIT.has(owner)) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  return NEGATION.test(before);
}

const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'us', 'someone', 'somebody', 'everyone', 'everybody', 'who']);

/** People by role; singular forms. */
const ROLES = new Set(
  (
    'engineer sre developer dev programmer operator admin administrator sysadmin on-call oncall on-caller oncaller responder ' +
    'team teammate staff personnel employee intern manager lead person people human colleague member dba swe ic commander ' +
    'reviewer author approver analyst technician contractor coworker co-worker architect tester specialist consultant owner ' +
    'maintainer committer folk guy crew'
  ).split(' '),
);

/** Words between a subject and its verb that say nothing about who: "we had also …". */
const FILLERS = new Set(
  (
    'had has have having was were is are am be been being did do does would could should may might must can will shall ' +
    'also then just simply again still even never not all both once however initially later subsequently already ' +
    'themselves ourselves himself herself myself'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}@][\p{L}\p{N}@'’_-]*/gu;

/** Where the person that is the subject of a phrase starting at `at` begins, or undefined. */
function personSubjectBefore(text: string, at: number): number | undefined {
  const from = Math.max(0, at - 80);
  const window = text.slice(from, at);
  // The subject is in the same clause: cut at the last sentence or clause mark.
  const clauseStart = Math.max(...['.', '!', '?', ';', ':', '(', ')', '"', '“', '”'].map((mark) => window.lastIndexOf(mark))) + 1;
  const words = [...window.slice(clauseStart).matchAll(WORD)];
  let i = words.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 4 && isFiller(words[i][0]); i--) skipped++;
  if (i < 0) return undefined;
  let head = lowered(words[i][0]);
  // "the engineer who forgot", "the job that failed to": the relative pronoun stands for the noun before it.
  if ((head === 'who' || head === 'that') && i > 0) head = lowered(words[--i][0]);
  if (!isPerson(head)) return undefined;
  // Underline the whole noun phrase of a role: "The on-call SRE", not just "SRE".
  if (!PRONOUNS.has(head)) {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (!DETERMINERS.has(words[j][0].toLowerCase())) continue;
      i = j;
      break;
    }
  }
  return from + clauseStart + (words[i].index ?? 0);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'my', 'your', 'this', 'that', 'these', 'those', 'another', 'every', 'each', 'some']);

/** Lower-cased, without a contraction or possessive ("we'd" → "we", "SRE's" → "sre"). */
function lowered(word: string): string {
  return word.toLowerCase().replace(/['’](?:d|ve|re|ll|s|m)$/, '').replace(/['’]$/, '');
}

function isFiller(word: string): boolean {
  const lower = word.toLowerCase();
  return FILLERS.has(lower) || (lower.length > 4 && lower.endsWith('ly')) || /n['’]t$/.test(lower);
}

/** Singular form of a role ("SREs" → "sre", "engineers" → "engineer"). */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function isPerson(word: string): boolean {
  if (word.startsWith('@')) return word.length > 1;
  if (PRONOUNS.has(word) || ROLES.has(singular(word))) return true;
  // "site-reliability-engineer", "on-call-sre": a compound ending in a role.
  return ROLES.has(singular(word.slice(word.lastIndexOf('-') + 1)));
}
