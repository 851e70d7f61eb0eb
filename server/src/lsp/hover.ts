import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { PostmortemConfig, PostmortemModel } from '../core';
import { frontMatterHover } from '../core/metadata/assist';

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

/** Hover on a front matter key of the metadata contract: what it means, the values it takes, whether it is required. */
export function metadataHover(model: PostmortemModel, config: PostmortemConfig, position: Position, markdown: boolean): Hover | undefined {
  const found = frontMatterHover(model, config, model.index.offsetAt(position));
  if (!found) return undefined;
  const { field, values, required } = found;
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const lines = [
    markdown ? `**${field.key}** — postmortem metadata${required ? ' (required)' : ''}` : `${field.key} (postmortem metadata${required ? ', required' : ''})`,
    '',
    markdown ? field.meaning : field.meaning.replace(/`/g, ''),
  ];
  if (values && values.length > 0) lines.push('', `Values: ${values.map(code).join(', ')}${field.setting ? ` (${code(field.setting)})` : ''}`);
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: lines.join('\n') },
    range: model.index.range(found.start, found.end),
  };
}
