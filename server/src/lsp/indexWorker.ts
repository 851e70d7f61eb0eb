/**
 * The body of a workspace index worker thread. It runs the server's own bundle (see
 * serverEntry.ts), takes the next file of the scan from a counter it shares with the other
 * workers, reads and analyses it, and posts back only the small figures the index keeps.
 */
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { ConfigLoader, RULE_IDS } from '../core';
import { readIndexedFile, type IndexedFile, type IndexJob } from './indexRead';

export const INDEX_WORKER = 'postmortem-index-worker';

/** Test-only: a file name whose reading makes the worker thread fail, so the protocol tests can show a failure costs that file only. */
export const INDEX_WORKER_FAULT_VARIABLE = 'POSTMORTEM_TEST_FAULT_INDEX_WORKER';

/** What an index worker is given. */
export interface IndexWorkerData {
  kind: typeof INDEX_WORKER;
  jobs: IndexJob[];
  /** Each workspace folder's settings (IndexJob.folder indexes them). */
  settings: unknown[];
  /** `YYYY-MM-DD`: the day overdue action items are counted from. */
  today: string;
  /** The index of the next job to take, shared by every worker of the scan. */
  next: Int32Array;
  /** What each worker is reading (-1: nothing), so a failed worker's file is known. */
  current: Int32Array;
  /** This worker's cell of `current`. */
  slot: number;
}

/** A result as posted to the server's thread. */
export interface IndexWorkerResult {
  index: number;
  file: IndexedFile;
}

/** Whether this thread's data says it is an index worker. */
export function isIndexWorkerData(data: unknown): data is IndexWorkerData {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === INDEX_WORKER;
}

/** Reads jobs until none is left; each result is posted as soon as it is made. */
export function runIndexWorker(data: IndexWorkerData, env: NodeJS.ProcessEnv = process.env): void {
  const loader = new ConfigLoader(RULE_IDS, { cacheFolders: true });
  const fault = env[INDEX_WORKER_FAULT_VARIABLE];
  for (let index = take(data); index < data.jobs.length; index = take(data)) {
    const job = data.jobs[index];
    if (fault && basename(job.path) === fault) throw new Error(`${INDEX_WORKER_FAULT_VARIABLE}: injected failure reading ${job.path}`);
    const result: IndexWorkerResult = { index, file: readIndexedFile(job, loader, data.settings[job.folder], data.today) };
    parentPort?.postMessage(result);
  }
  Atomics.store(data.current, data.slot, -1);
}

/** Takes the next job and records it as this worker's. */
function take(data: IndexWorkerData): number {
  const index = Atomics.add(data.next, 0, 1);
  Atomics.store(data.current, data.slot, index < data.jobs.length ? index : -1);
  return index;
}
