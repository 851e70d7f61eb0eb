/**
 * Milestones and metrics: entries are classified by explicit markers first
 * (`**OUTAGE BEGINS**`, `<START OF OUTAGE>`, `[RESOLVED]`), then by keywords; metrics are
 * start-anchored (FireHydrant's convention): each from impact start (the `impact-start`
 * entry, else the first timed entry); the duration runs from the first timed entry to the
 * last, in document order.
 */
import type { MilestoneKind, TimelineEntry, TimelineGap, TimelineMetrics, TimelineMilestones } from './types';

/** Marker texts (upper case, single spaces) and the milestone each names. */
const MARKERS: Record<string, MilestoneKind> = {
  'OUTAGE BEGINS': 'impact-start', 'OUTAGE BEGAN': 'impact-start', 'OUTAGE STARTS': 'impact-start', 'OUTAGE START': 'impact-start',
  'START OF OUTAGE': 'impact-start', 'IMPACT START': 'impact-start', 'IMPACT STARTS': 'impact-start', 'IMPACT BEGINS': 'impact-start',
  'START OF IMPACT': 'impact-start', 'INCIDENT START': 'impact-start', 'INCIDENT BEGINS': 'impact-start',
  DETECTED: 'detected', DETECTION: 'detected', 'INCIDENT DETECTED': 'detected', 'ALERT': 'detected', 'ALERT FIRED': 'detected',
  ACKNOWLEDGED: 'acknowledged', ACK: 'acknowledged', ACKED: 'acknowledged', 'INCIDENT ACKNOWLEDGED': 'acknowledged',
  ESCALATED: 'escalated', ESCALATION: 'escalated',
  MITIGATED: 'mitigated', MITIGATION: 'mitigated', 'IMPACT MITIGATED': 'mitigated',
  RESOLVED: 'resolved', RESOLUTION: 'resolved', 'END OF OUTAGE': 'resolved', 'OUTAGE ENDS': 'resolved', 'OUTAGE ENDED': 'resolved',
  'OUTAGE END': 'resolved', 'END OF IMPACT': 'resolved', 'ALL CLEAR': 'resolved', 'INCIDENT RESOLVED': 'resolved',
};

const MARKER_RE = /<([A-Za-z][A-Za-z -]{1,40})>|\[([A-Za-z][A-Za-z -]{1,40})\]|\*\*([A-Z][A-Z -]{1,40})\*\*|__([A-Z][A-Z -]{1,40})__/g;

/**
 * A milestone's name written as the entry's label, a colon after it: "10:05 UTC: Mitigated:
 * traffic moved; service restored in one region" says what the writer marks, whatever words
 * follow. It opens the entry's text (after the time, a bullet, bold or a table cell's pipe).
 */
const LABEL_RE = /(?:^|[\s:|(\[*_—–-])([A-Za-z][A-Za-z -]{1,30}?)[*_]*[ \t]*[:：](?![0-9])/g;

/** Keywords, most decisive first: the impact's start and the resolution outrank the steps between. */
const KEYWORDS: Array<[MilestoneKind, RegExp]> = [
  ['impact-start', /\b(?:outage|impact|incident|downtime|degradation|disruption|errors?)\s+(?:begins?|began|starts?|started|starting)\b|\bstart of (?:the )?(?:outage|impact|incident)\b|\b(?:went|goes) down\b|\bimpact start/i],
  // Partly restored service is mitigated, not resolved.
  ['resolved', /(?<!\bpartially |\bpartly )(?:\bresolved\b|\brestored\b)|\bback online\b|\bback to (?:normal|baseline|zero)\b|\bfully (?:recovered|operational)\b|\brecovered\b|\ball clear\b|\bincident (?:closed|ended)\b|\b(?:outage|impact) (?:ends|ended|over)\b/i],
  ['mitigated', /\bmitigat\w*|\bpart(?:ial)?ly (?:restored|recovered)\b|\brolled back\b|\broll(?:ed|ing)?[ -]?back\b|\brevert(?:ed|ing)?\b|\bfail(?:ed)?[ -]?over\b|\bworkaround\b|\bhot-?fix\b|\bfix (?:was )?deployed\b|\bdeployed (?:a|the) fix\b/i],
  ['escalated', /\bescalat\w*/i],
  ['acknowledged', /\backnowledg\w*|\bincident (?:was )?declared\b|\bdeclared (?:an|the) incident\b|\back(?:ed|'d)\b|\b(?:began|begins|started|starts) investigating\b|\binvestigation (?:began|begins|started|starts)\b|\bon-?call (?:engineer )?(?:responded|joined)\b/i],
  ['detected', /\balert(?:s|ed|ing)?\b|\bpage[drs]?\b|\bpaging\b|\bdetected\b|\bnoticed\b|\breported\b|\bfirst (?:customer |support )?(?:ticket|report|complaint)s?\b|\bmonitoring (?:fired|triggered)\b/i],
];

/** The milestone an entry's text marks, and whether a marker or a keyword said so. */
export function classify(text: string): { kind: MilestoneKind; source: 'marker' | 'keyword' | null } {
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text))) {
    const kind = markerKind(m[1] ?? m[2] ?? m[3] ?? m[4]);
    if (kind) return { kind, source: 'marker' };
  }
  const labelled = labelKind(text);
  if (labelled) return { kind: labelled, source: 'marker' };
  for (const [kind, re] of KEYWORDS) if (re.test(text)) return { kind, source: 'keyword' };
  return { kind: 'other', source: null };
}

/** The milestone a marker's or label's name stands for, in any case and spacing (`Outage-Begins`). */
function markerKind(name: string): MilestoneKind | undefined {
  return MARKERS[name.trim().toUpperCase().replace(/[\s-]+/g, ' ')];
}

/** The milestone a label among the entry's first few names (`Mitigated:`, `Alert:`; a zone's `UTC:` names none), if one does. */
function labelKind(text: string): MilestoneKind | undefined {
  LABEL_RE.lastIndex = 0;
  const head = text.slice(0, 120);
  for (let m = LABEL_RE.exec(head), seen = 0; m && seen < 3; m = LABEL_RE.exec(head), seen++) {
    const kind = markerKind(m[1]);
    if (kind) return kind;
  }
  return undefined;
}

/** Entries with a time that count for gaps and metrics, in document order. */
export function timedEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => e.instant !== null && !e.dayLevel);
}

/** Sets each timed entry's offset from the first and from the previous timed entry. */
export function setOffsets(entries: readonly TimelineEntry[]): void {
  const timed = timedEntries(entries);
  const first = timed[0];
  timed.forEach((entry, i) => {
    entry.offsetMinutes = minutesBetween(first.instant!, entry.instant!);
    entry.sincePreviousMinutes = i === 0 ? null : minutesBetween(timed[i - 1].instant!, entry.instant!);
  });
}

/** Steps of more than `maxGap` minutes (strictly) between consecutive timed entries in order. */
export function findGaps(entries: readonly TimelineEntry[], maxGap: number): TimelineGap[] {
  // Entries out of order are `timeline-order`'s finding; a gap is measured between entries in order.
  const timed = timedEntries(entries).filter((e) => !e.outOfOrder);
  const gaps: TimelineGap[] = [];
  for (let i = 1; i < timed.length; i++) {
    const [from, to] = [timed[i - 1], timed[i]];
    if (to.instant! - from.instant! > maxGap * 60_000) {
      gaps.push({ from: from.index, to: to.index, fromLine: from.line + 1, toLine: to.line + 1, minutes: minutesBetween(from.instant!, to.instant!) });
    }
  }
  return gaps;
}

/** The entries that mark each milestone: the first of each kind at or after the start, the last `resolved`. */
export function findMilestones(entries: readonly TimelineEntry[]): TimelineMilestones {
  const timed = timedEntries(entries);
  const impact = timed.find((e) => e.kind === 'impact-start');
  const start = impact ?? timed[0];
  if (!start) return { start: null, startIsImpact: false, detected: null, acknowledged: null, escalated: null, mitigated: null, resolved: null };
  const after = (kind: MilestoneKind) => {
    const found = timed.find((e) => e.kind === kind && e.instant! >= start.instant!);
    return found ? found.index : null;
  };
  const resolved = [...timed].reverse().find((e) => e.kind === 'resolved' && e.instant! >= start.instant!);
  return {
    start: start.index,
    startIsImpact: impact !== undefined,
    detected: after('detected'),
    acknowledged: after('acknowledged'),
    escalated: after('escalated'),
    mitigated: after('mitigated'),
    resolved: resolved ? resolved.index : null,
  };
}

/** Start-anchored metrics; a metric whose milestone is missing is null. */
export function computeMetrics(entries: readonly TimelineEntry[], milestones: TimelineMilestones): TimelineMetrics {
  const timed = timedEntries(entries);
  const since = (index: number | null) =>
    index === null || milestones.start === null ? null : minutesBetween(entries[milestones.start].instant!, entries[index].instant!);
  return {
    durationMinutes: timed.length > 0 ? minutesBetween(timed[0].instant!, timed[timed.length - 1].instant!) : null,
    ttdMinutes: since(milestones.detected),
    ttaMinutes: since(milestones.acknowledged),
    ttmMinutes: since(milestones.mitigated),
    ttrMinutes: since(milestones.resolved),
  };
}

/** Whole minutes from one instant to another. */
export function minutesBetween(from: number, to: number): number {
  return Math.round((to - from) / 60_000);
}
