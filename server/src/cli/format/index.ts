import type { OutputFormat } from '../args';
import type { FileResult } from '../result';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

/** The lint results in one of the CLI's formats. */
export function formatResults(format: OutputFormat, results: FileResult[], options: { version: string; color: boolean }): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options.version);
    case 'github':
      return formatGithub(results);
    case 'gitlab':
      return formatGitlab(results);
    case 'junit':
      return formatJunit(results);
    case 'markdown':
      return formatMarkdown(results);
    case 'stylish':
      return formatStylish(results, options.color);
  }
}

export { formatStylish };
