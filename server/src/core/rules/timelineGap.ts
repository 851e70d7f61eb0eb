import { formatDuration, timelineOf } from '../timeline';
import type { Rule } from './types';

export const timelineGap: Rule = {
  id: 'timeline-gap',
  description: 'More than timeline.maxGap minutes (default 60) between consecutive timeline entries.',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    for (const gap of timeline.gaps) {
      const from = timeline.entries[gap.from];
      const to = timeline.entries[gap.to];
      const written = (e: typeof from) => (e.token ? model.text.slice(e.token.start, e.token.end) : `line ${e.line + 1}`);
      report({
        start: to.start,
        end: to.end,
        message: `No entry for ${formatDuration(gap.minutes)}, between ${written(from)} (line ${gap.fromLine}) and ${written(to)}: more than ${config.timeline.maxGap} min. Add what happened in between, or say that nothing did.`,
      });
    }
  },
};
