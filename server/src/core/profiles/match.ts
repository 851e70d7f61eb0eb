import type { CanonicalSection } from './catalog';

/**
 * Reduces a heading to the words that name it: lowercase, no markup, no numbering, no
 * trailing parenthetical or colon, punctuation turned to spaces.
 */
export function normalizeName(raw: string): string {
  // `:clipboard:` is an emoji written as its name: not a word of the heading.
  let text = raw.toLowerCase().replace(/:[a-z0-9_+-]{1,40}:/g, ' ').replace(/[*_`~]+/g, '').trim();
  // A trailing "(all times in Pacific Time)" qualifies the heading, it does not name it.
  // (The lookbehind starts a match only at the first space of a run: linear on long runs.)
  text = text.replace(/(?<!\s)\s*\([^()]*\)\s*[:.]?\s*$/, '');
  // Leading numbering: "1.", "2)", "IV.", "A."; but not "5 whys", whose digit is the name.
  text = text.replace(/^(?:\d+(?:\.\d+)*[.)]|[ivx]+[.)]|[a-h][.)])\s+/, '');
  text = text.replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.trim().replace(/\s+/g, ' ').replace(/\bpreventive\b/g, 'preventative');
}

/**
 * No section name is longer: a longer heading or line is prose, and is not matched at all
 * (a pasted 100,000-character line must cost no more than reading it).
 */
const MAX_NAME_LENGTH = 200;

/** A lookup from normalised names to catalog sections. */
export class SectionMatcher {
  private readonly byName = new Map<string, CanonicalSection>();

  constructor(catalog: readonly CanonicalSection[]) {
    for (const section of catalog) {
      for (const name of [section.title, ...section.synonyms]) {
        const key = normalizeName(name);
        if (!this.byName.has(key)) this.byName.set(key, section);
      }
    }
  }

  /** The sections a whole name stands for: one, several for "Root Cause and Resolution", or none. */
  matchWhole(raw: string): CanonicalSection[] {
    if (raw.length > MAX_NAME_LENGTH) return [];
    const name = normalizeName(raw);
    if (!name) return [];
    const exact = this.byName.get(name);
    if (exact) return [exact];
    return this.matchCombination(raw);
  }

  /**
   * Like `matchWhole`, and also a name followed by a colon, a dash or a parenthesis and more
   * text ("Issue Summary: the outage of May 5", "Timeline (all times PST) May 1 - May 2").
   */
  matchHeading(raw: string): CanonicalSection[] {
    const whole = this.matchWhole(raw);
    if (whole.length > 0) return whole;
    const lead = /^(.*?)\s*(?::|\s[-–—]\s|\s\()\s*\S/.exec(raw.slice(0, MAX_NAME_LENGTH + 8).replace(/[*_]+/g, ''));
    return lead ? this.matchWhole(lead[1]) : [];
  }

  private matchCombination(raw: string): CanonicalSection[] {
    const parts = raw.replace(/(?<!\s)\s*\([^()]*\)\s*[:.]?\s*$/, '').split(/\s+(?:and|&)\s+|\s*[/+,]\s*/i);
    if (parts.length < 2 || parts.length > 4) return [];
    const found: CanonicalSection[] = [];
    for (const part of parts) {
      const section = this.byName.get(normalizeName(part));
      if (!section) return [];
      if (!found.includes(section)) found.push(section);
    }
    return found;
  }
}
