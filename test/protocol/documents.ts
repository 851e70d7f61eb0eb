/** Postmortems the protocol tests open, written for these tests. */
import { md } from '../helpers';

/** A `core` postmortem with every required section but Resolution. */
export const NO_RESOLUTION = md(
  '# Database outage on 2024-03-02',
  '',
  '## Summary',
  '',
  'From 14:00 to 15:10 UTC on 2024-03-02, 40% of API requests failed because the primary database ran out of connections.',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- 14:00 deploy of the connection pooler config',
  '- 14:05 alert fired for the API error rate',
  '- 14:20 on-call engineer paged the database team',
  '- 14:50 rolled back the pooler config',
  '- 15:10 error rate back to normal, incident resolved',
  '',
  '## Root Cause',
  '',
  'The new pooler configuration lowered the maximum connections from 500 to 50.',
  '',
  '## Action Items',
  '',
  '- [ ] Check the pool size in the deploy pipeline (@dana, due 2024-03-20)',
);

/** The same incident with its section titles as bold lines (pseudo-headings) and no Action Items. */
export const PSEUDO_HEADINGS = md(
  '# Cache stampede',
  '',
  '**Summary**',
  '',
  'On 2024-05-06 from 09:00 to 09:40 UTC, every page load of the catalog took over ten seconds.',
  '',
  '**Timeline**',
  '',
  '- 09:00 UTC cache cluster restarted for an upgrade',
  '- 09:10 UTC latency alert fired',
  '- 09:40 UTC cache warmed, latency normal',
  '',
  '**Root Cause**',
  '',
  'The cache restarted cold and every request went to the database at once.',
  '',
  '**Resolution**',
  '',
  'We throttled the catalog service until the cache was warm.',
);

/** A README: Markdown that is not a postmortem. */
export const README = md('# Widget', '', 'A tool for widgets.', '', '## Install', '', 'Run `npm install widget`.', '', '## Usage', '', 'Call `widget()`.');

/** A complete postmortem whose timeline has an impact start, every milestone and one gap. */
export const TIMELINE = md(
  '# Checkout errors on 2024-07-09',
  '',
  '## Summary',
  '',
  'On July 9, 2024 from 14:02 to 15:45 UTC, 12% of checkout requests failed after a payments deploy.',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- 13:55 deploy 4812 of the payments service starts',
  '- 14:02 **OUTAGE BEGINS** checkout error rate climbs',
  '- 14:09 alert fired for checkout errors',
  '- 14:15 on-call engineer acknowledged the page',
  '- 14:40 rolled back deploy 4812',
  '- 15:45 error rate back to normal, incident resolved',
  '',
  '## Root Cause',
  '',
  'Deploy 4812 shipped a client with a 100 ms timeout against a service that answers in 300 ms.',
  '',
  '## Resolution',
  '',
  'We rolled the deploy back and the error rate recovered.',
  '',
  '## Action Items',
  '',
  '- [ ] Add a timeout check to the deploy pipeline (@sam, due 2024-07-30)',
);
