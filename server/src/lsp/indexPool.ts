/**
 * Reads a scan's files on worker threads (issue 15: 1,000 postmortems indexed within 5 s on
 * two cores, and typing never waits for a file's analysis). The workers share a counter: each
 * takes the next file until none is left, so a worker that meets long files takes fewer.
 * Results are handed over in the scan's order, whatever order the workers finish in, so the
 * index holds its entries in the same order as when it reads them in the server's thread.
 *
 * A worker that fails (an exception, running out of memory) costs the file it was reading,
 * which is logged and not indexed; a new worker takes the rest. When workers keep failing,
 * or cannot start, the files left are handed back to be read in the server's thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeError, type Log } from './guard';
import type { IndexedFile, IndexJob } from './indexRead';
import { INDEX_WORKER, type IndexWorkerData, type IndexWorkerResult } from './indexWorker';

/** Where the workers come from and how many run. */
export interface IndexWorkerOptions {
  /** The script a worker runs: the server's bundle, which runs the worker's body when it starts as one. */
  file: string;
  threads: number;
}

/** A scan being read on workers. */
export interface WorkerScan {
  /** Settles when every file is handed over, with the indexes of files left to read in this thread (none, unless workers failed). */
  done: Promise<number[]>;
  /** Stops the workers (a newer scan started): nothing more is handed over. */
  cancel(): void;
}

/**
 * How many workers read a scan: one per core, all of them off the server's thread (which
 * has typing to answer), at most three, for each holds a heap of its own while it reads.
 */
export function indexThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 3));
}

/** Workers started beyond `threads` to replace failed ones, before the rest is left to the server's thread. */
const REPLACEMENTS = 2;

/** Reads `jobs` on workers; `deliver` gets each file's outcome (undefined: lost with its worker) in job order. */
export function readInWorkers(jobs: readonly IndexJob[], settings: unknown[], today: string, options: IndexWorkerOptions, log: Log, deliver: (index: number, file: IndexedFile | undefined) => void): WorkerScan {
  const slots = options.threads + REPLACEMENTS;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const current = new Int32Array(new SharedArrayBuffer(4 * slots)).fill(-1);
  // undefined: not read yet; null: lost with a failed worker.
  const results: Array<IndexedFile | null | undefined> = new Array(jobs.length);
  const alive = new Set<Worker>();
  let handedOver = 0;
  let settled = 0;
  let started = 0;
  let over = false;
  let finish!: (leftover: number[]) => void;
  const done = new Promise<number[]>((resolve) => (finish = resolve));

  const end = (leftover: number[]) => {
    if (over) return;
    over = true;
    for (const worker of alive) void worker.terminate();
    alive.clear();
    finish(leftover);
  };
  const settle = (index: number, file: IndexedFile | null) => {
    if (over || index < 0 || index >= jobs.length || results[index] !== undefined) return;
    results[index] = file;
    settled++;
    while (handedOver < jobs.length && results[handedOver] !== undefined) {
      deliver(handedOver, results[handedOver] ?? undefined);
      handedOver++;
    }
    if (settled === jobs.length) end([]);
  };
  const unread = () => jobs.flatMap((_, index) => (results[index] === undefined ? [index] : []));

  const start = (): void => {
    const slot = started++;
    const workerData: IndexWorkerData = { kind: INDEX_WORKER, jobs: [...jobs], settings, today, next, current, slot };
    let worker: Worker;
    try {
      // stdout: true keeps the worker's output off the server's stdout, which carries the LSP messages.
      worker = new Worker(options.file, { workerData, stdout: true, stderr: true });
    } catch (error) {
      log.error(`postmortem: workspace index: cannot start a worker thread: ${describeError(error)}`);
      if (alive.size === 0) end(unread());
      return;
    }
    alive.add(worker);
    let failure: unknown;
    worker.stdout.on('data', (chunk: Buffer) => log.info(`postmortem: workspace index worker: ${String(chunk).trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => log.info(`postmortem: workspace index worker: ${String(chunk).trimEnd()}`));
    worker.on('message', (message: IndexWorkerResult) => settle(message.index, message.file));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      alive.delete(worker);
      if (over) return;
      // Messages posted before the exit have been handled: the file still marked as this worker's was not read.
      const lost = Atomics.load(current, slot);
      if (failure !== undefined || code !== 0) {
        const reason = failure !== undefined ? describeError(failure) : `exit code ${code}`;
        if (lost >= 0 && results[lost] === undefined) log.error(`postmortem: workspace index: ${jobs[lost].path}: not indexed: its worker thread failed: ${reason}`);
        else log.error(`postmortem: workspace index: a worker thread failed: ${reason}`);
      }
      if (lost >= 0) settle(lost, null);
      if (over) return;
      const untaken = Atomics.load(next, 0) < jobs.length;
      if (untaken && started < slots) start();
      else if (alive.size === 0) end(unread());
    });
  };

  if (jobs.length === 0) end([]);
  for (let i = 0; i < options.threads && !over; i++) start();
  return {
    done,
    cancel: () => end([]),
  };
}
