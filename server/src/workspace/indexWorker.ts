/**
 * The index worker (bundled to `dist/indexWorker.js`): reads and summarises batches of workspace files off
 * the server's thread, so indexing 251,287 cables never delays the diagnostics of the document being typed.
 */
import { parentPort } from 'node:worker_threads';
import { summariseFile } from './summariseFile';
import type { IndexBatch, IndexBatchResult } from './indexWorkerProtocol';

parentPort?.on('message', (batch: IndexBatch) => {
  const results = batch.jobs.map((job) => summariseFile(job, batch.maxBytes));
  parentPort!.postMessage({ id: batch.id, results } satisfies IndexBatchResult);
});
