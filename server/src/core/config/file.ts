import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConfigProblem } from './schema';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

/** The nearest `.postmortemrc.json` in a folder or its ancestors. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a config file as JSON data; never executes anything from it. */
export function readConfigFile(path: string): { raw: unknown; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { raw: undefined, problems: [{ key: '(file)', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, source: path }] };
  }
  try {
    return { raw: text.trim() === '' ? {} : JSON.parse(text), problems: [] };
  } catch (error) {
    return { raw: undefined, problems: [{ key: '(file)', message: `${path} is not valid JSON: ${(error as Error).message}`, source: path }] };
  }
}
