import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { buildDocumentModel, ConfigLoader, RULE_IDS, type ConfigPatch, type PostmortemConfig, type PostmortemModel } from '../core';

/** A path as shown to the user: relative to the working folder when inside it. */
export function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

/**
 * The one file a command shows (`timeline`, `actions`), read and modelled under its
 * configuration; problems go to stderr. `exitCode` when it cannot be read or the named
 * config file is broken.
 */
export function readOneDocument(args: { file: string; profile?: string; config?: string }): { model: PostmortemModel; config: PostmortemConfig } | { exitCode: number } {
  const loader = new ConfigLoader(RULE_IDS);
  const overrides: ConfigPatch = args.profile ? { profile: args.profile } : {};
  const { config, problems } = loader.forFile(args.file, { configFile: args.config, overrides });
  for (const problem of problems) process.stderr.write(`postmortem-lint: ${problem.source}: ${problem.message}\n`);
  if (args.config && problems.some((p) => p.key === '(file)')) return { exitCode: 2 };
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    process.stderr.write(`postmortem-lint: ${args.file}: cannot read the file (${reason})\n`);
    return { exitCode: 2 };
  }
  const { model, problem } = buildDocumentModel(text, config);
  if (problem) process.stderr.write(`postmortem-lint: ${args.file}: ${problem}\n`);
  return { model, config };
}
