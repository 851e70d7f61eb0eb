/** Timing helpers for the benchmark: medians over repeats, whole-process timings. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `work` over `repeats` runs, after one warm-up run. */
export function timeMedian(repeats: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median wall-clock milliseconds of a whole process, over `repeats` runs. */
export function timeProcess(repeats: number, command: string, args: string[], cwd: string): { ms: number; status: number | null } {
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - start);
    status = result.status;
    if (result.error) throw result.error;
  }
  return { ms: median(times), status };
}
