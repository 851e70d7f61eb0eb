import type { Rule } from './types';
import { quote } from './util';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: "Sections out of the profile's order (named profiles only).",
  defaultSeverity: 'info',
  tags: ['sections'],
  check({ model, report }) {
    const { profile } = model;
    if (!profile.checkOrder) return;
    const rank = (ids: string[]) => {
      const ranks = ids.map((id) => profile.sections.findIndex((s) => s.covers.includes(id))).filter((r) => r >= 0);
      return ranks.length > 0 ? Math.min(...ranks) : -1;
    };
    let latest: { rank: number; text: string } | undefined;
    for (const section of model.sections) {
      const r = rank(section.ids);
      if (r < 0) continue;
      if (latest && r < latest.rank) {
        report({
          start: section.heading.start,
          end: section.heading.end,
          message: `${quote(section.heading.text)} comes after ${quote(latest.text)}, but the ${profile.name} profile puts ${profile.sections[r].title} before ${profile.sections[latest.rank].title}: move it up.`,
        });
      } else latest = { rank: r, text: section.heading.text };
    }
  },
};
