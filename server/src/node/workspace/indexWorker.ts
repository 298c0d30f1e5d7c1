/**
 * The index worker (bundled to `dist/indexWorker.js`): reads and summarises batches of workspace files off
 * the server's thread, so indexing 251,287 cables never delays the diagnostics of the document being typed.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { summariseFile } from './summariseFile';
import { LOW_PRIORITY, type IndexBatch, type IndexBatchResult } from './indexWorkerProtocol';

// On Linux a nice value belongs to a thread: this worker yields to the server's thread whenever that one has work.
if (process.platform === 'linux') {
  try {
    setPriority(LOW_PRIORITY);
  } catch {
    // Not allowed here: the worker runs at the server's priority.
  }
}

parentPort?.on('message', (batch: IndexBatch) => {
  const results = batch.jobs.map((job) => summariseFile(job, batch.maxBytes));
  parentPort!.postMessage({ id: batch.id, results } satisfies IndexBatchResult);
});
