/** Timing helpers for the benchmark: medians over repeats, whole-process timings. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** CPU time (user + system, ms) of this process's waited-for children so far: /proc/self/stat cutime + cstime (clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) start at state, field 3: cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Median wall-clock and CPU milliseconds of a whole process (all its threads and children), over `repeats` runs. */
export function timeProcessCpu(repeats: number, command: string, args: string[], cwd: string): { ms: number; cpuMs: number; status: number | null } {
  const times: number[] = [];
  const cpu: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < repeats; i++) {
    const cpuBefore = childrenCpuMs();
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - start);
    cpu.push(childrenCpuMs() - cpuBefore);
    status = result.status;
    if (result.error) throw result.error;
  }
  return { ms: median(times), cpuMs: median(cpu), status };
}
