import type { TimelineArgs } from './args';

/** `postmortem-lint timeline FILE`: filled in by the timeline engine. */
export async function runTimeline(args: TimelineArgs): Promise<number> {
  process.stderr.write(`postmortem-lint: timeline ${args.file}: not built yet\n`);
  return 2;
}
