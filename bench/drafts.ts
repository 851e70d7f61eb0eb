/**
 * The second bench corpus: draft postmortems as people paste them, with the shapes that the
 * first corpus (corpus.ts) lacks and that defeat shortcuts: reference-link definitions and
 * references, log lines with `]:` (`nginx[31101]: …`), bracketed times (`[12:30]: …`),
 * timelines of hundreds of entries in mixed zones with some out of order, tables, task
 * lists, long Summary paragraphs, and the usual draft defects (missing sections, TODOs,
 * blame words, entries without a zone). Deterministic: a fixed seed per document.
 */
import { random } from './corpus';

const HOSTS = ['web-3', 'db-primary', 'lb-east-2', 'cache-7', 'queue-1', 'api-12'];
const DAEMONS = ['nginx', 'postgres', 'haproxy', 'kubelet', 'redis-server', 'envoy'];
const LOGS = [
  'upstream timed out (110: Connection timed out) while reading response header',
  'connection refused to 10.0.4.17:5432',
  'worker process {n} exited on signal 9',
  'FATAL: remaining connection slots are reserved',
  'readiness probe failed: HTTP probe failed with statuscode: 503',
  'OOM killer: killed process {n}',
];
const EVENTS = [
  'pager fires for {svc} p99 latency',
  'on-call (@{who}) acknowledges',
  'deploy {n} of {svc} rolls out to 10% of hosts',
  'error budget burn alert for {svc}',
  'incident channel opened, IC is @{who}',
  'rollback of deploy {n} started',
  'traffic drained from the east region',
  'TODO: confirm with @{who} what happened here',
  'human error suspected in the config push',
  'customer reports spike, see [the dashboard][dash]',
  'failover to the replica completes, see [runbook]',
  'error rate back under 1%',
  'status page moved to monitoring',
  'root cause narrowed to the connection pool, see [pool-doc]',
];
const ZONES = ['UTC', 'PST', 'PDT', 'CET', 'IST', 'EAT', '+02:00', ''];
const SUMMARY = [
  'On the morning of the incident a routine configuration push raised the connection pool limit on {svc}, which exhausted the database connection slots within minutes.',
  'Clients retried with no backoff, so the load on the primary grew while the pool stayed saturated, and the health checks on the load balancers began to fail one host at a time.',
  'The first responder followed [runbook] but the step for draining a region pointed at the old load balancer, which cost about forty minutes.',
  'We did not declare an incident until the second page, because the first alert fired on a dashboard that had been noisy all week and was muted by two people.',
  'Roughly {p}% of checkout attempts failed during the worst twenty minutes, and {n} orders had to be replayed from the queue by hand afterwards.',
  'The timeline below merges notes from three people in three time zones; some entries were written later from chat logs and are out of order.',
];
const WHO = ['ana', 'li', 'sam', 'noor', 'kim', 'ravi'];
const SERVICES = ['checkout', 'search', 'payments', 'the API gateway', 'auth'];

/** One draft postmortem; `entries` timeline entries (a few dozen when not given). */
export function draft(seed: number, entries?: number, long = false): string {
  const next = random(seed * 7919 + 13);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const num = () => String(1000 + Math.floor(next() * 90000));
  const fill = (text: string) =>
    text.replace(/\{svc\}/g, () => pick(SERVICES)).replace(/\{who\}/g, () => pick(WHO)).replace(/\{n\}/g, num).replace(/\{p\}/g, () => String(1 + Math.floor(next() * 60)));
  const count = entries ?? 10 + Math.floor(next() * 40);
  const docZone = pick(ZONES);
  const out: string[] = [];
  if (next() < 0.3) out.push('---', `title: ${pick(SERVICES)} outage`, `status: ${pick(['draft', 'in review', 'final'])}`, `severity: SEV${1 + Math.floor(next() * 3)}`, '---', '');
  out.push(`# ${fill('{svc}')} degraded: incident ${num()}`, '');
  // Long Summary paragraphs, with references to definitions at the end.
  out.push('## Summary', '');
  const paragraphs = long ? 3 : 1 + Math.floor(next() * 2);
  for (let p = 0; p < paragraphs; p++) out.push(Array.from({ length: 3 + Math.floor(next() * 5) }, () => fill(pick(SUMMARY))).join(' '), '');
  if (long || next() < 0.7) {
    out.push('## Impact', '', '| Metric | Value |', '|---|---|', fill('| Failed requests | {p}% |'), fill('| Orders replayed | {n} |'), fill('| Duration | {p} minutes |'), '');
  }
  out.push(docZone ? `## Timeline (times in ${docZone} unless noted)` : '## Timeline', '');
  const picked = pick(['list', 'list', 'bracket', 'table', 'mixed'] as const);
  const style = long ? 'mixed' : picked;
  if (style === 'table') out.push('| Time | Who | Event |', '|---|---|---|');
  let minutes = 6 * 60 + Math.floor(next() * 300);
  let day = 1 + Math.floor(next() * 27);
  for (let i = 0; i < count; i++) {
    minutes += Math.floor(next() * 9);
    if (minutes >= 24 * 60) {
      minutes -= 24 * 60;
      day++;
      if (style !== 'table') out.push('', `### March ${day}`, '');
    }
    // Some entries were written later, from chat: a few minutes to an hour out of order.
    const shown = next() < 0.06 ? Math.max(0, minutes - 5 - Math.floor(next() * 60)) : minutes;
    const time = `${String(Math.floor(shown / 60)).padStart(2, '0')}:${String(shown % 60).padStart(2, '0')}`;
    const zone = next() < 0.15 ? ` ${pick(ZONES.filter(Boolean))}` : '';
    const log = next() < 0.2;
    const event = log ? `\`${pick(HOSTS)} ${pick(DAEMONS)}[${num()}]: ${fill(pick(LOGS))}\`` : fill(pick(EVENTS));
    const kind = style === 'mixed' ? pick(['list', 'bracket', 'log'] as const) : style;
    if (kind === 'table') out.push(`| ${time}${zone} | @${pick(WHO)} | ${event.replace(/\|/g, '/')} |`);
    else if (kind === 'bracket') out.push(`[${time}${zone}]: ${event}`, '');
    else if (kind === 'log') out.push(`${pick(DAEMONS)}[${num()}]: ${time}${zone} ${fill(pick(LOGS))}`, '');
    else out.push(`- ${time}${zone}: ${event}`);
  }
  out.push('');
  out.push(pick(['## Root Cause', '## Root cause analysis', '## Contributing Factors']), '', fill(pick(SUMMARY)) + ' ' + fill(pick(SUMMARY)), '');
  if (next() < 0.8) out.push('## Resolution', '', fill('Rolled back deploy {n} and raised the slot limit; see [runbook] and [pool-doc].'), '');
  out.push('## Action Items', '');
  const items = 2 + Math.floor(next() * 6);
  for (let i = 0; i < items; i++) {
    const done = next() < 0.3 ? 'x' : ' ';
    const owner = next() < 0.7 ? ` @${pick(WHO)}` : '';
    const due = next() < 0.5 ? ` (due 2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)})` : '';
    out.push(fill(`- [${done}] ${pick(['Add backoff to {svc} clients', 'Fix the drain step in [runbook]', 'Alert on pool saturation', 'TODO', 'Load-test {svc}'])}${owner}${due}`));
  }
  out.push('', '## Lessons Learned', '', fill(pick(SUMMARY)), '');
  // Reference definitions at the end, as most drafts keep them.
  out.push('[runbook]: https://wiki.example.com/runbooks/db-failover', '[pool-doc]: https://wiki.example.com/pool "Connection pool"', '[dash]: https://grafana.example.com/d/abc', '');
  return out.join('\n');
}

/** `count` draft postmortems. */
export function drafts(count = 1000): string[] {
  return Array.from({ length: count }, (_, i) => draft(i + 1));
}

/** A long draft of about `lines` lines: a 400+ entry mixed-zone timeline, definitions, `]:` lines, tables. */
export function longDraft(lines: number): string {
  let entries = Math.floor(lines * 0.5);
  for (;;) {
    const text = draft(4242, entries, true);
    const count = text.split('\n').length;
    if (count >= lines || entries > lines * 2) return text;
    entries += Math.ceil((lines - count) * 0.6) + 1;
  }
}
