/**
 * The parts of a configuration that depend on where a document is: `ignores` (files never
 * linted) and `overrides` (rule settings per glob). Globs are relative to the folder of the
 * config file that names them, as in markdownlint-cli2 and ESLint; a file outside that
 * folder matches none.
 */
import { isAbsolute, relative } from 'node:path';
import picomatch from 'picomatch';
import type { PostmortemConfig } from './schema';

const matchers = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let isMatch = matchers.get(key);
  if (!isMatch) {
    isMatch = picomatch([...globs], { dot: true });
    matchers.set(key, isMatch);
  }
  return isMatch;
}

/** `filePath` relative to `baseDir` with `/` separators, or undefined when it is not inside it. */
function inside(filePath: string, baseDir: string): string | undefined {
  const path = relative(baseDir, filePath);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.replace(/\\/g, '/');
}

/**
 * The configuration of the document at `filePath`: whether `ignores` leaves it out, and the
 * rules with every matching `overrides` entry laid over them in order.
 */
export function scopeToFile(config: PostmortemConfig, filePath: string | undefined, baseDir: string | undefined): { config: PostmortemConfig; ignored: boolean } {
  const path = filePath && baseDir ? inside(filePath, baseDir) : undefined;
  if (path === undefined) return { config, ignored: false };
  const ignored = config.ignores.length > 0 && matcher(config.ignores)(path);
  let rules = config.rules;
  for (const override of config.overrides) {
    const files = typeof override.files === 'string' ? [override.files] : override.files;
    if (override.rules && matcher(files)(path)) rules = { ...rules, ...override.rules };
  }
  return { config: rules === config.rules ? config : { ...config, rules }, ignored };
}
