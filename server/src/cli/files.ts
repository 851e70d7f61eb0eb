import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IGNORED_FOLDERS, MARKDOWN_FILES } from '../core/detect';

/** A file to lint; `explicit` when it was named on the command line, so it is linted whatever it is. */
export interface Target {
  path: string;
  explicit: boolean;
}

const MARKDOWN = MARKDOWN_FILES;
const IGNORE = [...IGNORED_FOLDERS];

/**
 * Expands the command line's files, directories and globs into files, each once, in the
 * order given. A pattern that matches nothing is returned as a problem.
 */
export async function expandTargets(patterns: string[]): Promise<{ targets: Target[]; problems: string[] }> {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const problems: string[] = [];
  const add = (path: string, explicit: boolean) => {
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    targets.push({ path: absolute, explicit });
  };
  for (const pattern of patterns) {
    const stat = statOrUndefined(pattern);
    if (stat?.isDirectory()) {
      const found = await glob(MARKDOWN, { cwd: pattern, ignore: IGNORE, absolute: true, dot: false });
      // The glob skips folders it cannot list without a word: each is reported (exit 2), the rest linted.
      problems.push(...unreadableDirectories(pattern));
      found.sort().forEach((file) => add(file, false));
    } else if (stat || !isDynamicPattern(pattern)) {
      // A named file, even one that turns out unreadable: it is reported, not skipped.
      add(pattern, true);
    } else {
      const found = await glob(pattern, { ignore: IGNORE, absolute: true });
      if (found.length === 0) problems.push(`no files match "${pattern}"`);
      found.sort().forEach((file) => add(file, false));
    }
  }
  return { targets, problems };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The folders under `root` (itself included) that cannot be listed, each with the reason, in
 * the order met; hidden folders and IGNORE's are not visited, as the glob does not visit them.
 */
function unreadableDirectories(root: string): string[] {
  const problems: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${dir}: cannot read the directory (${code === 'EACCES' ? 'permission denied' : (code ?? String(error))})`);
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(join(dir, entry.name));
    }
  }
  return problems;
}
