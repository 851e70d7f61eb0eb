/**
 * Reads how far an action item is (`- [x]`, a Status column, `Status: in progress`) and where
 * it is tracked (`#123`, `ABC-123`, an issue URL).
 */

/** How far an action item is. */
export type ActionState = 'open' | 'in-progress' | 'done';

const STATES: ReadonlyArray<[ActionState, RegExp]> = [
  ['in-progress', /^(?:in[ \t-]?progress|wip|ongoing|started|doing|in[ \t-]?review|underway|partially[ \t]done|partial)\b/i],
  ['done', /^(?:done|complete[ds]?|closed|fixed|resolved|shipped|finished|merged|implemented|yes|✅|✔️?|☑️?)(?![\w-])/i],
  ['open', /^(?:open|to[ \t-]?do|not[ \t]started|pending|planned|backlog|new|no|blocked|❌|⬜)(?![\w-])/i],
];

/** A state word, as a Status cell or label writes it ("Done", "In progress", "✅"). */
export function stateOfWord(text: string): ActionState | undefined {
  const word = text.replace(/[*_`~]/g, '').trim();
  return STATES.find(([, pattern]) => pattern.test(word))?.[0];
}

/** `Status: done`, `**State** — in progress`. */
const STATUS_LABEL = /\b(?:status|state)[*_ \t]{0,3}(?::|=|[-–—][ \t])[*_ \t]{0,3}/i;

/** The state an item's text states with a label, if it does. */
export function stateInText(text: string): ActionState | undefined {
  const label = STATUS_LABEL.exec(text);
  return label ? stateOfWord(text.slice(label.index + label[0].length, label.index + label[0].length + 30)) : undefined;
}

/** Issue-tracker paths: GitHub and GitLab issues and pull requests, Jira, Linear, tickets. */
const TRACKER_URL = /https?:\/\/[^\s)<>\]"'`]{1,300}/gi;
const TRACKER_PATH = /\/(?:issues?|pulls?|merge_requests|browse|tickets?|tasks?|cards?|work_packages)\/[\w-]/i;

/** `ABC-123`: a tracker key. Words that are standards, not projects, are left out. */
const KEY = /(?<![\w-])([A-Z][A-Z0-9]{1,9})-\d{1,7}(?![\w-])/g;
const NOT_PROJECTS = new Set(['UTF', 'ISO', 'SHA', 'SEV', 'HTTP', 'TLS', 'SSL', 'RFC', 'CVE', 'AES', 'RSA', 'IPV4', 'IPV6', 'MD5', 'COVID', 'PCI', 'SOC', 'GMT', 'UTC', 'ES', 'WCAG']);

/** `#123`, not an HTML entity (`&#123;`) or part of a word. */
const NUMBER = /(?<![\w&#])#\d{1,7}(?!\w)/;

/**
 * Where an item is tracked: an issue URL first (the most precise), else a tracker key, else
 * `#123`. `own` is the postmortem's own incident ID, which is no tracking reference.
 */
export function trackingIn(text: string, own?: string): string | undefined {
  for (const m of text.matchAll(TRACKER_URL)) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    if (TRACKER_PATH.test(url)) return url;
  }
  const plain = text.replace(/https?:\/\/[^\s)<>\]"'`]{1,300}/gi, ' ');
  for (const m of plain.matchAll(KEY)) if (!NOT_PROJECTS.has(m[1]) && m[0] !== own) return m[0];
  return NUMBER.exec(plain)?.[0];
}
