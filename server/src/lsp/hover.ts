import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { PostmortemModel } from '../core';

/**
 * Hover on a section heading (or pseudo-heading): the canonical section it stands for,
 * whether the profile requires it, and what the profile expects in it (catalog `expects`).
 */
export function headingHover(model: PostmortemModel, position: Position, markdown: boolean): Hover | undefined {
  const offset = model.index.offsetAt(position);
  const section = model.sections.find((s) => s.heading.start <= offset && offset <= s.heading.end);
  if (!section || section.ids.length === 0) return undefined;
  const { profile } = model;
  const lines: string[] = [];
  for (const id of section.ids) {
    const entry = profile.catalog.find((c) => c.id === id);
    if (!entry) continue;
    const inProfile = profile.sections.find((s) => s.covers.includes(id));
    const status = inProfile
      ? `${inProfile.required ? 'required' : 'optional'} in the \`${profile.name}\` profile${inProfile.title !== entry.title ? ` (as part of "${inProfile.title}")` : ''}`
      : `not asked for by the \`${profile.name}\` profile`;
    lines.push(markdown ? `**${entry.title}** — ${status}` : `${entry.title} (${status.replace(/`/g, '')})`, '', entry.expects, '');
  }
  if (section.heading.kind === 'pseudo') {
    lines.push(markdown ? '_This line is not a Markdown heading; it still counts as the section._' : 'This line is not a Markdown heading; it still counts as the section.');
  }
  if (lines.length === 0) return undefined;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: lines.join('\n').trim() },
    range: model.index.range(section.heading.start, section.heading.end),
  };
}
