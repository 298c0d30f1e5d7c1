/**
 * Summarises batches of workspace files for the index: in worker threads that never take the server's own
 * thread's time (diagnostics of the document being typed; see `indexWorkerCount`), else on the server's
 * thread in small slices between which other messages are handled.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { indexWorkerCount, type IndexBatch, type IndexBatchResult } from './indexWorkerProtocol';
import { summariseFile, type FileJob, type FileResult } from './summariseFile';

export interface FileSummariser {
  /** Summarises `jobs`, handing results over in batches as they come; resolves when all are done or `isCancelled()` turned true. */
  run(jobs: readonly FileJob[], maxBytes: number, onResults: (results: FileResult[]) => void, isCancelled: () => boolean): Promise<void>;
  dispose(): Promise<void>;
}

/** Files per message: big enough that messages cost little, small enough that progress moves. */
const BATCH = 128;
/** Batches each worker has queued, so it never waits for the next. */
const IN_FLIGHT = 2;
/** Files summarised between two turns of the event loop on the server's thread. */
const SLICE = 16;

/** Workers when the bundled worker script is there and the machine has a core to spare; else the server's thread. */
export function createFileSummariser(workerScript: string | undefined, log: (message: string) => void): FileSummariser {
  const workers = indexWorkerCount(availableParallelism(), process.platform);
  if (workerScript && existsSync(workerScript) && workers >= 1) return new WorkerSummariser(workerScript, workers, log);
  return new InThreadSummariser();
}

export class InThreadSummariser implements FileSummariser {
  async run(
    jobs: readonly FileJob[],
    maxBytes: number,
    onResults: (results: FileResult[]) => void,
    isCancelled: () => boolean,
  ): Promise<void> {
    for (let start = 0; start < jobs.length && !isCancelled(); start += SLICE) {
      onResults(jobs.slice(start, start + SLICE).map((job) => summariseFile(job, maxBytes)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async dispose(): Promise<void> {}
}

class WorkerSummariser implements FileSummariser {
  private readonly fallback = new InThreadSummariser();
  /** Runs one after the other: each scan has the workers to itself. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly count: number,
    private readonly log: (message: string) => void,
  ) {}

  run(jobs: readonly FileJob[], maxBytes: number, onResults: (results: FileResult[]) => void, isCancelled: () => boolean): Promise<void> {
    const run = this.queue.then(() => this.runNow(jobs, maxBytes, onResults, isCancelled));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    await this.queue;
  }

  /** Starts the workers for this run and ends them after it, so an idle server holds no worker's memory. */
  private async runNow(
    jobs: readonly FileJob[],
    maxBytes: number,
    onResults: (results: FileResult[]) => void,
    isCancelled: () => boolean,
  ): Promise<void> {
    let next = 0;
    const takeBatch = (): IndexBatch | undefined => {
      if (next >= jobs.length || isCancelled()) return undefined;
      const batch = { id: next, jobs: jobs.slice(next, next + BATCH), maxBytes };
      next += BATCH;
      return batch;
    };
    const leftOver: FileJob[] = [];
    const workers = Array.from({ length: Math.min(this.count, Math.ceil(jobs.length / BATCH)) }, () =>
      this.drive(takeBatch, onResults, (lost) => leftOver.push(...lost)),
    );
    await Promise.all(workers);
    // A worker that failed hands its unfinished batches back: they are done here.
    if (leftOver.length) await this.fallback.run(leftOver, maxBytes, onResults, isCancelled);
  }

  /** One worker, fed batches until there are none; resolves once it has stopped. */
  private drive(
    takeBatch: () => IndexBatch | undefined,
    onResults: (results: FileResult[]) => void,
    giveBack: (jobs: FileJob[]) => void,
  ): Promise<void> {
    return new Promise((resolve) => {
      const pending = new Map<number, IndexBatch>();
      let worker: Worker;
      try {
        worker = new Worker(this.script);
      } catch (error) {
        this.log(`The index worker did not start (${String(error)}); indexing on the server's thread.`);
        for (let batch = takeBatch(); batch; batch = takeBatch()) giveBack(batch.jobs);
        resolve();
        return;
      }
      const send = () => {
        while (pending.size < IN_FLIGHT) {
          const batch = takeBatch();
          if (!batch) break;
          pending.set(batch.id, batch);
          worker.postMessage(batch);
        }
        if (pending.size === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (result: IndexBatchResult) => {
        pending.delete(result.id);
        onResults(result.results);
        send();
      });
      const fail = (why: string) => {
        this.log(`An index worker failed: ${why}`);
        for (const batch of pending.values()) giveBack(batch.jobs);
        pending.clear();
        for (let batch = takeBatch(); batch; batch = takeBatch()) giveBack(batch.jobs);
        void worker.terminate().then(() => resolve());
      };
      worker.on('error', (error) => fail(error.stack ?? error.message));
      worker.on('exit', (code) => {
        if (pending.size > 0) fail(`it exited (code ${code}) with batches unfinished`);
      });
      send();
    });
  }
}
