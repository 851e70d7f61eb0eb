/**
 * `postmortem-lint chart FILE`: the incident chart of one postmortem as a standalone SVG, to
 * stdout or `--output`. A timeline with nothing to draw gives its one-line message on stderr
 * and no file: that is not an error (exit 0), so a docs build can run it over every postmortem.
 */
import { writeFileSync } from 'node:fs';
import { timelineOf } from '../core';
import { renderChart } from '../chart';
import type { ChartArgs } from './args';
import { display, readOneDocument } from './document';

/** Runs the command; exit 2 when the file cannot be read or the SVG cannot be written. */
export async function runChart(args: ChartArgs, cwd = process.cwd()): Promise<number> {
  const read = readOneDocument(args);
  if ('exitCode' in read) return read.exitCode;
  const result = renderChart(timelineOf(read.model, read.config), { theme: args.theme, width: args.width, maxGap: read.config.timeline.maxGap });
  if (result.kind === 'empty') {
    process.stderr.write(`${display(args.file, cwd)}: ${result.message}\n`);
    return 0;
  }
  if (!args.output) {
    process.stdout.write(result.svg);
    return 0;
  }
  try {
    writeFileSync(args.output, result.svg);
  } catch (error) {
    process.stderr.write(`postmortem-lint: ${args.output}: cannot write the chart (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 2;
  }
  process.stdout.write(`${args.output}: incident chart of ${display(args.file, cwd)}, ${result.marks} entries, ${result.width}×${result.height}\n`);
  return 0;
}
