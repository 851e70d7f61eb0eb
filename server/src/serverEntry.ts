/**
 * The entry of the language server's bundle (dist/server.js). The workspace index's worker
 * threads run this same file (lsp/indexPool.ts), so the server needs no second file wherever
 * it is installed: in a worker it runs the index worker's body, else the server itself.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { isIndexWorkerData, runIndexWorker } from './lsp/indexWorker';

if (!isMainThread && isIndexWorkerData(workerData)) runIndexWorker(workerData);
// Loaded only here: in a worker, the server's connection and handlers must not start.
else require('./server');
