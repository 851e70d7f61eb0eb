/**
 * The canonical sections a postmortem can have, with the names people give them.
 * Profiles pick from this catalog; custom profiles may add sections and synonyms.
 */
export interface CanonicalSection {
  id: string;
  /** The name used when the tool writes the heading itself. */
  title: string;
  synonyms: string[];
  /** The one-line prompt a quick fix writes under an inserted heading. */
  prompt: string;
  /** What a hover on the heading says the section should hold. */
  expects: string;
  /** Names of parts that may each have a heading of their own without being duplicates. */
  parts?: string[];
}

export const CATALOG: readonly CanonicalSection[] = [
  {
    id: 'summary',
    title: 'Summary',
    synonyms: ['Summary', 'Issue Summary', 'Incident Summary', 'Executive Summary', 'Overview', 'Description', 'TL;DR', 'TLDR', 'Abstract'],
    prompt: 'TODO: what happened, when it started and ended (with the timezone), who was affected and the root cause, in a few sentences.',
    expects: 'A short account of the incident: start and end times with a timezone, the impact and the root cause.',
  },
  {
    id: 'impact',
    title: 'Impact',
    synonyms: ['Impact', 'Customer Impact', 'User Impact', 'Affected users', 'Business Impact', 'Impact Assessment', 'Effects', 'Effects and Extent', 'Effects and Extents'],
    prompt: 'TODO: who and what was affected, and how much (a share or a count of users, requests or errors).',
    expects: 'Who and what was affected, quantified: a share or count of users, customers, requests or errors.',
  },
  {
    id: 'timeline',
    title: 'Timeline',
    synonyms: ['Timeline', 'Incident Timeline', 'Chronology', 'Sequence of Events', 'Chain of Events', 'Timeline of Events', 'Detailed Timeline', 'Events Timeline', 'Event Timeline'],
    prompt: 'TODO: one entry per line, each starting with a time and a timezone (for example "- 14:05 UTC: alert fired").',
    expects: 'Entries in time order, each starting with a time; a timezone for the times; the impact start, detection and resolution.',
  },
  {
    id: 'root-cause',
    title: 'Root Cause',
    synonyms: ['Root Cause', 'Root Causes', 'Root Cause(s)', 'Cause', 'Causes', 'Contributing Factors', 'Root Cause Analysis', 'What caused the incident', 'RCA', 'Why it happened', 'Why did it happen', 'Why did this happen', 'What caused it'],
    prompt: 'TODO: the conditions in the system that made the incident possible, not who did what.',
    expects: 'The technical and process conditions that made the incident possible, written without blame.',
  },
  {
    id: 'trigger',
    title: 'Trigger',
    synonyms: ['Trigger', 'Leadup', 'Lead-up', 'Triggers'],
    prompt: 'TODO: the change or event that set the incident off.',
    expects: 'The change or event that set the incident off.',
  },
  {
    id: 'detection',
    title: 'Detection',
    synonyms: ['Detection', 'Detected By', 'How it was detected'],
    prompt: 'TODO: how and when the incident was detected, and how that could be faster.',
    expects: 'How and when the incident was noticed (alert, customer report), and how detection could improve.',
  },
  {
    id: 'resolution',
    title: 'Resolution',
    synonyms: ['Resolution', 'Resolution and Recovery', 'Recovery', 'Mitigation', 'Recovery Efforts', 'Mitigation and Resolution', 'Remediation', 'Resolution Steps', 'Details of Mitigation', 'Mitigation Details', 'Mitigation Steps', 'How we fixed it', 'How it was fixed', 'How we resolved it', 'The Fix'],
    prompt: 'TODO: what was done to mitigate the impact and restore service.',
    expects: 'What was done to mitigate the impact and restore service, and when.',
  },
  {
    id: 'action-items',
    title: 'Action Items',
    synonyms: [
      'Action Items', 'Action Item', 'Actions', 'Corrective and Preventative Measures', 'Corrective and Preventive Measures',
      'Corrective and Preventative', 'Corrective and Preventive', 'Corrective Actions', 'Corrective Measures',
      'Preventative Measures', 'Preventive Measures', 'Follow-ups', 'Follow ups', 'Followups', 'Follow-up Actions',
      'Next Steps', 'Recommendations', 'Remediation Items', 'Follow-up', 'Follow up', 'Follow-up Items', 'Planned Actions',
      'Prevention', 'Preventative Actions', 'Root Cause Remediations', 'Corrective and Preventative Actions', 'Action Plan',
      'Remediation Actions', 'Follow-up Tasks', "What we're doing next", 'What we are doing next', "What we're doing about it", 'What we are doing about it',
      "What's next", 'Preventing recurrence', 'Preventing a recurrence',
    ],
    prompt: 'TODO: a list of tasks, each with an owner (@name) and a due date.',
    expects: 'A list of concrete tasks that prevent a recurrence or improve the response, each with an owner.',
  },
  {
    id: 'lessons-learned',
    title: 'Lessons Learned',
    synonyms: ['Lessons Learned', 'Lessons Learnt', 'Lessons', 'What went well', 'What went wrong', 'Where we got lucky', 'Takeaways', 'Learnings'],
    prompt: 'TODO: what went well, what went wrong, and where we got lucky.',
    expects: 'What went well, what went wrong and where the team got lucky.',
    parts: ['What went well', 'What went wrong', 'Where we got lucky'],
  },
  {
    id: 'supporting-information',
    title: 'Supporting Information',
    synonyms: ['Supporting Information', 'Appendix', 'References', 'Supporting Material'],
    prompt: 'TODO: links to dashboards, graphs, logs and chat transcripts.',
    expects: 'Links to dashboards, graphs, logs and chat transcripts.',
  },
  {
    id: 'what-happened',
    title: 'What Happened',
    synonyms: ['What Happened'],
    prompt: 'TODO: the story of the incident, from the first signal to recovery.',
    expects: 'The story of the incident, from the first signal to recovery.',
  },
  {
    id: 'responders',
    title: 'Responders',
    synonyms: ['Responders', 'Participants', 'People Involved'],
    prompt: 'TODO: who responded, and in which role (incident commander, scribe, subject matter experts).',
    expects: 'Who responded and in which role.',
  },
  {
    id: 'how-did-we-do',
    title: "How'd We Do?",
    synonyms: ["How'd We Do", 'How Did We Do', 'Response Review'],
    prompt: 'TODO: what worked in the response and what did not.',
    expects: 'What worked in the response and what did not.',
  },
  {
    id: 'fault',
    title: 'Fault',
    synonyms: ['Fault'],
    prompt: 'TODO: what failed, technically.',
    expects: 'What failed, technically.',
  },
  {
    id: 'response',
    title: 'Response',
    synonyms: ['Response', 'Incident Response'],
    prompt: 'TODO: who responded, when and how, and any delays or obstacles.',
    expects: 'Who responded, when and how, and any delays or obstacles.',
  },
  {
    id: 'five-whys',
    title: 'Five Whys',
    synonyms: ['Five Whys', '5 Whys'],
    prompt: 'TODO: ask "why?" five times, starting from the impact.',
    expects: 'A chain of five "why?" questions from the impact to the root cause.',
  },
  {
    id: 'backlog-check',
    title: 'Backlog Check',
    synonyms: ['Backlog Check'],
    prompt: 'TODO: is there work in the backlog that would have prevented this?',
    expects: 'Whether work already in the backlog would have prevented the incident.',
  },
  {
    id: 'recurrence',
    title: 'Recurrence',
    synonyms: ['Recurrence'],
    prompt: 'TODO: has this happened before, and why did earlier fixes not prevent it?',
    expects: 'Whether the incident happened before, and why earlier fixes did not prevent it.',
  },
];
