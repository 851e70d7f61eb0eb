/**
 * fast-check arbitraries for the property tests: real-shaped postmortems (title, optional
 * front matter, the usual sections with timelines as lists, tables and paragraphs) and
 * mutations of them as an editor or a careless paste makes them (lines inserted, deleted,
 * duplicated and swapped, line breaks switched, front matter, fences, HTML and tables
 * injected, Unicode with astral characters and combining marks, tabs, long lines, cuts).
 * Mutations are plain data, so fast-check shrinks a failure to the few that matter.
 */
import fc from 'fast-check';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

const service = pick('API', 'checkout', 'payments service', 'Postgres primary', 'CDN', 'Zürich edge', 'サービス', 'queue 🔥');
const date = pick('2024-03-02', 'March 2, 2024', '02/03/2024', '3/2', 'Mar 2', 'Tuesday, 2 March 2024', '2024-02-29', '2023-02-29', '2024-03-10', '2024-11-03', '2024-13-45', '31/12/2023');
const zone = pick('UTC', 'PST', 'PDT', 'EST', 'IST', 'CST', 'BST', 'CET', 'GMT+2', 'UTC+5:30', 'UTC-03:00', 'Z', 'America/New_York', 'Europe/Paris', 'Mars/Olympus', 'Pacific Time', '');
const clock = pick('10:30 PM', '22:30', '03:00', '8:05', '00:00', '23:59', '12:00 AM', '12:00 PM', '13:15 PM', '25:00', '3:AM', '6 PM', '14:00–14:30', '10h15', '10.15', '1000Z', '02:30', '01:30', '~10:00', '10:00:59', '9:7');
const time = fc.oneof(
  fc.tuple(clock, zone).map(([c, z]) => (z ? `${c} ${z}` : c)),
  fc.tuple(date, clock, zone).map(([d, c, z]) => `${d} ${c}${z ? ` ${z}` : ''}`),
  pick('2023-08-04T15:00:00Z', '2024-03-10T02:30:00-05:00', 'August 4, 2023 3:00 PM', '**03:00 UTC**', '[08:47]', '`10:00`', 'T+5m', '+00:15'),
);
const word = pick('the', 'SRE', 'mistakenly', 'restarted', 'database', '85%', '1,200 users', 'should have', 'human error', 'TODO', 'TBD', '@alice', 'Owner:', 'é', 'e\u0301', '🔥', '👩‍💻', '𝔘𝔫𝔦', '\t', '`code`', '**bold**', '_em_', '<br/>', '??', 'XX:XX', '{event}', '[link](http://x)', '\\*', '&amp;', 'رسالة', '\u200f');
const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: time }), { maxLength: 10 }).map((w) => w.join(' '));

const sectionName = pick('Summary', 'Issue Summary', 'Executive summary', 'Timeline', 'Timeline of events', 'Root Cause', 'Root Causes', 'Root cause and resolution', 'Trigger', 'Detection', 'Resolution', 'Impact', 'Action Items', 'Corrective and preventative measures', 'Lessons Learned', 'What went well', 'Five Whys', 'Appendix', 'Résumé');
/** A section heading in the styles postmortems use, pseudo-headings included. */
const heading = fc.tuple(sectionName, fc.nat(9), fc.option(zone, { nil: undefined })).map(([name, style, z]) => {
  const named = z ? `${name} (${z})` : name;
  return [`## ${named}`, `### ${named}`, `# ${named}`, `**${named}**`, `${named}:`, `${named}\n---`, `${named}\n===`, `## 1. ${named}`, `##${named}`, `## ${named} ##`][style];
});

const entry = fc.tuple(time, sentence, fc.nat(5)).map(([t, s, style]) => [`- ${t}: ${s}`, `* **${t}** — ${s}`, `1. ${t} ${s}`, `${t} ${s}`, `  - ${t} ${s}`, `- [ ] ${t} ${s}`][style]);
const tableRow = fc.tuple(time, sentence).map(([t, s]) => `| ${t} | ${s.replace(/\|/g, '/')} |`);
const timelineBody = fc.oneof(
  fc.array(entry, { maxLength: 12 }).map((rows) => rows.join('\n')),
  fc.tuple(zone, fc.array(tableRow, { maxLength: 10 })).map(([z, rows]) => [`| Time${z ? ` (${z})` : ''} | Event |`, '|---|:---:|', ...rows].join('\n')),
  fc.array(entry, { maxLength: 6 }).map((rows) => rows.join('\n\n')),
  fc.tuple(date, fc.array(entry, { maxLength: 5 }), date, fc.array(entry, { maxLength: 5 })).map(([d1, a, d2, b]) => [`### ${d1}`, ...a, '', `**${d2}**`, ...b].join('\n')),
);
const actionItem = fc.tuple(sentence, pick('', ' (@dana, due 2024-03-20)', ' Owner: Sam', ' — @bob', ' [JIRA-12]')).map(([s, o]) => `- [ ] ${s}${o}`);
const actionBody = fc.oneof(
  fc.array(actionItem, { maxLength: 6 }).map((rows) => rows.join('\n')),
  fc.array(fc.tuple(sentence, pick('@ana', '', 'Team X')), { maxLength: 5 }).map((rows) => ['| Action | Owner |', '|---|---|', ...rows.map(([s, o]) => `| ${s.replace(/\|/g, '/')} | ${o} |`)].join('\n')),
);
const prose = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join('\n'));
const body = fc.oneof({ weight: 3, arbitrary: prose }, { weight: 2, arbitrary: timelineBody }, { weight: 1, arbitrary: actionBody }, { weight: 1, arbitrary: fc.constant('') });

export const frontMatter = pick(
  '---\ntitle: Outage\ndate: 2024-03-02\ntimezone: America/New_York\n---',
  '---\ntype: postmortem\nprofile: alx\n---',
  '---\nprofile: google-sre\ntimezone: UTC\n---',
  '---\nprofile: nope\n---',
  '---\ntimezone: [unclosed\n---',
  '---\n: : :\n---',
  '---\ntitle: never closed',
  '+++\ntitle = "toml"\n+++',
  '---\n---',
);

/** A postmortem as people write them: a title, maybe front matter, and sections with bodies. */
export const postmortem = fc
  .tuple(
    fc.option(frontMatter, { nil: undefined }),
    fc.tuple(service, date).map(([s, d]) => `# ${s} outage on ${d}`),
    fc.array(fc.tuple(heading, body), { maxLength: 9 }),
  )
  .map(([fm, title, sections]) => [...(fm ? [fm, ''] : []), title, '', ...sections.flatMap(([h, b]) => [h, '', b, ''])].join('\n'));

/** Lines and blocks a mutation inserts: Markdown constructs around and inside the sections. */
const block = fc.oneof(
  heading,
  entry,
  tableRow,
  sentence,
  actionItem,
  pick(
    '```', '~~~yaml', '```\n- 10:00 UTC: in a fence\n```', '    - 10:00 indented code', '<!-- comment -->', '<!--', '-->',
    '<details><summary>Timeline</summary>', '</details>', '<table><tr><td>10:00 UTC</td><td>x</td></tr></table>', '<div>\n\n## Timeline\n\n</div>',
    '| a | b |\n|---|---|\n| 10:00 | c |', '|---|---|', '| Time (UTC) | Event |', '---', '***', '> - 10:00 UTC quoted', '> > ## Root Cause',
    '- a\n  - b\n    - c\n      - d\n        - 10:00 deep', '[^1]: footnote 10:00', '$$\n10:00\n$$', '\\', '<', '*', '#', '# ', '-', '1.', '| ', '[', '`',
    '', '', '\t', '   ', '\u00a0', '\u2028', '\u0085', '\f', '\v', '\u0000', '\ufeff',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const unicode = pick('e\u0301', '\u0301', 'a\u0308\u0323', '😀', '👨‍👩‍👧', '🇫🇷', '𝟙𝟘:𝟘𝟘', '\u{10FFFF}', '\u200b', '\u200d', '\u202e', '\ufeff', '\u00a0', '\u3000', '１０：００', '١٠:٠٠', 'İ', 'ß', 'ﬁ', '\t', '\r', '\r\n', '\n');
const longLine = fc.tuple(pick('9', ':', ' ', 'AM ', '10:00 ', '- ', '**', '|', '`', '<', 'a '), fc.integer({ min: 200, max: 6000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

/** One mutation as data; positions are taken modulo the document's size when applied. */
export type Mutation =
  | { kind: 'insert' | 'replace'; at: number; text: string }
  | { kind: 'delete' | 'duplicate' | 'indent' | 'quote' | 'tabify'; at: number }
  | { kind: 'swap' | 'fence' | 'cut'; at: number; to: number }
  | { kind: 'splice'; at: number; text: string }
  | { kind: 'eol'; style: 'crlf' | 'lf' | 'mixed' | 'cr' }
  | { kind: 'frontMatter'; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'empty' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: block }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: longLine }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: block }) },
  { weight: 3, arbitrary: fc.record({ kind: pick('delete' as const, 'duplicate' as const, 'indent' as const, 'quote' as const, 'tabify' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: pick('swap' as const, 'fence' as const, 'cut' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: unicode }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('eol' as const), style: pick('crlf' as const, 'lf' as const, 'mixed' as const, 'cr' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('frontMatter' as const), text: frontMatter }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

/** Applies one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (m.kind) {
    case 'insert':
      lines.splice(line(m.at), 0, m.text);
      return lines.join('\n');
    case 'replace':
      lines[line(m.at)] = m.text;
      return lines.join('\n');
    case 'delete':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line(m.at), 0, lines[line(m.at)]);
      return lines.join('\n');
    case 'indent':
      lines[line(m.at)] = `    ${lines[line(m.at)]}`;
      return lines.join('\n');
    case 'quote':
      lines[line(m.at)] = `> ${lines[line(m.at)]}`;
      return lines.join('\n');
    case 'tabify':
      lines[line(m.at)] = lines[line(m.at)].replace(/ {1,4}/g, '\t');
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [line(m.at), line(m.to)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'fence': {
      const [a, b] = [Math.min(line(m.at), line(m.to)), Math.max(line(m.at), line(m.to))];
      // An odd `to` leaves the fence open to the end of the document.
      if (m.to % 2 === 0) lines.splice(b + 1, 0, '```');
      lines.splice(a, 0, '```md');
      return lines.join('\n');
    }
    case 'cut': {
      const [a, b] = [Math.min(m.at, m.to) % (text.length + 1), Math.max(m.at, m.to) % (text.length + 1)];
      return text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b));
    }
    case 'splice': {
      // Any UTF-16 offset: between a CR and its LF, or inside a surrogate pair.
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'eol':
      if (m.style === 'lf') return text.replace(/\r\n/g, '\n');
      if (m.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.style === 'cr') return text.replace(/\r?\n/g, '\r');
      return lines.map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n');
    case 'frontMatter':
      return `${m.text}\n${text}`;
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'empty':
      return '';
  }
}

/** A real-shaped postmortem after a few mutations. */
export const mutatedPostmortem = fc
  .tuple(postmortem, fc.array(mutation, { maxLength: 6 }))
  .map(([text, mutations]) => mutations.reduce(mutate, text));

/** Configurations a document may be analysed under: profiles, zones, gaps. */
export const configPatch = fc.record(
  {
    profile: pick('core', 'alx', 'google-sre', 'pagerduty', 'atlassian'),
    timeline: fc.record({ defaultTimezone: pick(null, 'UTC', 'America/New_York', 'IST', 'UTC+5:30'), maxGap: pick(1, 30, 60, 100000), tolerance: pick(0, 5) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
