import picomatch from 'picomatch';
import type { PostmortemConfig } from './config/schema';
import { frontMatterString } from './model/frontMatter';
import type { PostmortemModel } from './model/types';

/** The files a folder's postmortems are looked for in (the CLI given a folder, the language server's workspace index). */
export const MARKDOWN_FILES = '**/*.{md,markdown,mdown,mkd}';

/** Folders never searched for postmortems. */
export const IGNORED_FOLDERS: readonly string[] = ['**/node_modules/**', '**/.git/**'];

const globCache = new Map<string, (path: string) => boolean>();

/** Whether a path matches the `include` globs (matched against every tail of the path). */
export function matchesInclude(path: string, include: readonly string[]): boolean {
  const key = include.join('\n');
  let isMatch = globCache.get(key);
  if (!isMatch) {
    isMatch = picomatch([...include], { dot: true, nocase: true });
    globCache.set(key, isMatch);
  }
  const normal = path.replace(/\\/g, '/').replace(/^[a-zA-Z]:/, '').replace(/^\/+/, '');
  return isMatch(normal) || isMatch(`/${normal}`);
}

/** Whether front matter declares the document a postmortem. */
export function declaredPostmortem(model: PostmortemModel): boolean {
  const data = model.frontMatter?.data;
  if (!data) return false;
  return frontMatterString(model.frontMatter, 'type')?.toLowerCase() === 'postmortem' || data.postmortem === true;
}

/**
 * SPEC §2: a document is a postmortem by path, by front matter, or (in `auto` mode) by
 * holding two of its profile's sections, one of them Timeline or Root cause.
 */
export function isPostmortem(model: PostmortemModel, path: string | undefined, config: PostmortemConfig): boolean {
  if (!config.enable) return false;
  if (config.detect === 'always') return true;
  if (path && matchesInclude(path, config.include)) return true;
  if (declaredPostmortem(model)) return true;
  if (config.detect !== 'auto') return false;
  const profileIds = new Set(model.profile.sections.flatMap((s) => s.covers));
  const found = new Set(model.sections.flatMap((s) => s.ids).filter((id) => profileIds.has(id)));
  return found.size >= 2 && (found.has('timeline') || found.has('root-cause'));
}
