/**
 * A deterministic corpus of realistic postmortems for the benchmark: varied heading styles
 * (ATX, bold pseudo-headings, combined headings), timelines as lists, tables and paragraph
 * lines, several time formats and zones, and long documents with long timelines.
 */

/** A small, fast, seedable PRNG (mulberry32), so every run sees the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout', 'search', 'login', 'payments', 'the API gateway', 'the message queue', 'the CDN', 'DNS', 'the primary database', 'the cache tier'];
const EVENTS = [
  'deploy of build {n} starts',
  'error rate above 5% on {s}',
  'alert "{s}-latency-high" pages the on-call engineer',
  'on-call acknowledges the page',
  'escalated to the {s} team',
  'rollback of build {n} begins',
  'traffic shifted away from the failing region',
  'cache warmed and latency recovering',
  'error rate back to baseline, incident resolved',
  'customer support reports complaints about {s}',
  'status page updated',
  'config change {n} identified as the trigger',
];
const PROSE = [
  'The change passed review because the value lived in a shared file whose diff hid it.',
  'Requests to {s} timed out after 30 seconds and clients retried, which doubled the load.',
  'About {p}% of requests failed and roughly {n} customers could not complete their order.',
  'We restarted the affected hosts one at a time to avoid a thundering herd.',
  'Monitoring caught the symptom but not the cause, so the first hour went to the wrong service.',
  'The runbook described an older version of the failover procedure.',
];

type Style = 'atx' | 'bold' | 'alx';

/** One postmortem of the corpus. */
export function postmortem(seed: number, timelineEntries?: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const fill = (text: string) => text.replace(/\{s\}/g, pick(SERVICES)).replace(/\{n\}/g, String(1000 + Math.floor(next() * 9000))).replace(/\{p\}/g, String(1 + Math.floor(next() * 99)));
  const style: Style = pick(['atx', 'atx', 'atx', 'bold', 'alx'] as const);
  const heading = (name: string) => (style === 'bold' ? `**${name}**\n` : `## ${name}\n`);
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => fill(pick(PROSE))).join(' ');
  const entries = timelineEntries ?? 5 + Math.floor(next() * 30);
  const zone = pick(['UTC', 'UTC', 'PDT', 'EAT', '']);
  const twelveHour = next() < 0.3;
  const format = pick(['list', 'list', 'table', 'lines'] as const);

  const out: string[] = [`# Postmortem: ${pick(SERVICES)} outage on May ${1 + Math.floor(next() * 28)}, 2024`, ''];
  out.push(heading(style === 'alx' ? 'Issue Summary' : 'Summary'), paragraph(3), '');
  if (style !== 'alx' && next() < 0.6) out.push(heading('Impact'), fill('{p}% of users saw errors for about {n} seconds.'), '');
  out.push(heading(zone ? `Timeline (all times ${zone})` : 'Timeline'));
  if (format === 'table') out.push('| Time | Event |', '|---|---|');
  let minutes = 8 * 60 + Math.floor(next() * 600);
  for (let i = 0; i < entries; i++) {
    minutes += 1 + Math.floor(next() * 40);
    if (i > 0 && i % 300 === 0) {
      // A new day: a date sub-heading, and a table starts again with its header.
      out.push('', `### May ${2 + Math.floor(i / 300)}, 2024`, '');
      if (format === 'table') out.push('| Time | Event |', '|---|---|');
    }
    const h = Math.floor(minutes / 60) % 24;
    const m = String(minutes % 60).padStart(2, '0');
    const time = twelveHour ? `${h % 12 || 12}:${m} ${h < 12 ? 'AM' : 'PM'}` : `${String(h).padStart(2, '0')}:${m}`;
    const event = fill(pick(EVENTS));
    if (format === 'table') out.push(`| ${time} | ${event} |`);
    else if (format === 'lines') out.push(`${time}: ${event}`);
    else out.push(`- ${next() < 0.2 ? `**${time}**` : time}: ${event}`);
  }
  out.push('');
  if (style === 'alx') out.push(heading('Root Cause and Resolution'), paragraph(4), '');
  else out.push(heading('Root Cause'), paragraph(3), '', heading(pick(['Resolution', 'Resolution and Recovery', 'Mitigation'])), paragraph(2), '');
  out.push(heading(style === 'alx' ? 'Corrective and Preventative Measures' : 'Action Items'));
  const items = 2 + Math.floor(next() * 6);
  for (let i = 0; i < items; i++) out.push(`- [ ] ${fill(pick(['Alert on {s} saturation', 'Add a canary stage for {s}', 'Document the failover for {s}', 'Load-test {s} at twice the peak']))}${next() < 0.7 ? ` @${pick(['ana', 'li', 'sam', 'noor', 'kim'])}` : ''}`);
  out.push('');
  if (next() < 0.5) out.push(heading('Lessons Learned'), '### What went well', '', paragraph(1), '', '### What went wrong', '', paragraph(2), '');
  return out.join('\n');
}

/** The 1,000 varied postmortems. */
export function corpus(count = 1000): string[] {
  return Array.from({ length: count }, (_, i) => postmortem(i + 1));
}

/** A long postmortem of about `lines` lines, most of them timeline entries. */
export function longPostmortem(lines: number): string {
  let entries = lines - 40;
  for (;;) {
    const text = postmortem(42, entries);
    const count = text.split('\n').length;
    if (count >= lines || entries > lines * 2) return text;
    entries += lines - count;
  }
}
