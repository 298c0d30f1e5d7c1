/**
 * Lints many inputs on worker threads (or in this thread for one job) and hands each report back as it
 * finishes, with its input index; putting them in order is the caller's job (see `OrderedQueue`).
 */
import { getLanguageService } from '../language/languageService';
import type { LanguageSettings } from '../language/settings';
import type { FileOutputOptions } from './format/formatter';
import { lintToOutput, toLintedFile, type LintSource } from './lintFile';
import { LintWorkerHandle } from './lintWorkerHandle';
import { failedReport, type LintedFile } from './report';

export interface LintPoolOptions {
  /** Worker threads to use at most; 1 lints in this thread. */
  jobs: number;
  /** `dist/lintWorker.js`. */
  workerPath: string;
  settings: LanguageSettings;
  /** How each file's output is formatted, where it is linted. */
  output: FileOutputOptions;
}

export type OnReport = (index: number, file: LintedFile) => void;

export interface LintPool {
  lintAll(sources: readonly LintSource[], onReport: OnReport): Promise<void>;
  /** Stops workers that were never used, e.g. when the run failed before linting; live threads keep a process alive. */
  close(): void;
}

/**
 * Starts the workers at once, so that they load (about 0.1 s each) while the caller is still finding the
 * files; workers left without an input are stopped.
 */
export function startLintPool(options: LintPoolOptions): LintPool {
  const spawn = () => new LintWorkerHandle(options.workerPath, { settings: options.settings, output: options.output });
  const workers = options.jobs > 1 ? Array.from({ length: options.jobs }, spawn) : [];
  return {
    lintAll: async (sources, onReport) => {
      const count = Math.min(workers.length, sources.length);
      for (const extra of workers.splice(count)) extra.stop();
      // One input cannot be shared: the worker's load time would only be added to it.
      if (count <= 1) {
        for (const worker of workers.splice(0)) worker.stop();
        lintInThisThread(sources, options, onReport);
      } else await lintOnWorkers(sources, workers.splice(0), spawn, options.output, onReport);
    },
    close: () => {
      for (const worker of workers.splice(0)) worker.stop();
    },
  };
}

/** Lints `sources` with `options.jobs` workers started now. */
export function lintAll(sources: readonly LintSource[], options: LintPoolOptions, onReport: OnReport): Promise<void> {
  return startLintPool({ ...options, jobs: Math.min(options.jobs, sources.length) }).lintAll(sources, onReport);
}

function lintInThisThread(sources: readonly LintSource[], options: LintPoolOptions, onReport: OnReport): void {
  const service = getLanguageService();
  sources.forEach((source, index) => onReport(index, lintToOutput(service, options.settings, options.output, source)));
}

/**
 * Inputs go to a worker in batches, and a worker is given more while it still holds some: it never waits for
 * the main thread, and messages stay few. Small enough that the workers finish together.
 */
const BATCH = 8;
const IN_FLIGHT_PER_WORKER = 2 * BATCH;

/**
 * Each worker takes the next batch while it still lints the last. A worker that dies while linting is replaced,
 * the input it died on reported as a crash and the others it held linted again; one that dies before saying it is ready cannot start (a broken build), and
 * replacing it would only fail again for every input, so the run stops with its error.
 */
function lintOnWorkers(
  sources: readonly LintSource[],
  workers: LintWorkerHandle[],
  spawn: () => LintWorkerHandle,
  output: FileOutputOptions,
  onReport: OnReport,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    /** Inputs a lost worker held queued but had not started: they go to the next free worker. */
    const retry: number[] = [];
    let settled = false;
    const live = new Set<LintWorkerHandle>();
    const stopAll = () => {
      settled = true;
      for (const worker of live) worker.stop();
      live.clear();
    };
    const finish = (index: number, file: LintedFile) => {
      onReport(index, file);
      if (++done === sources.length) {
        stopAll();
        resolve();
      }
    };
    // A batch goes out once the worker holds no more than one: while it lints that, the next is on its way.
    const feed = (worker: LintWorkerHandle) => {
      while (worker.held <= IN_FLIGHT_PER_WORKER - BATCH && (retry.length || next < sources.length)) {
        // Batches shrink towards the end, so that no worker is left with a long queue while the others idle.
        const size = Math.max(1, Math.min(BATCH, Math.ceil((sources.length - next + retry.length) / (4 * live.size))));
        const batch: Array<{ index: number; source: LintSource }> = [];
        while (batch.length < size && (retry.length || next < sources.length)) {
          const index = retry.length ? retry.shift()! : next++;
          batch.push({ index, source: sources[index] });
        }
        worker.send(batch);
      }
    };
    const attach = (worker: LintWorkerHandle) => {
      if (settled) return worker.stop();
      live.add(worker);
      worker.listen({
        result: (index, file) => {
          feed(worker);
          finish(index, file);
        },
        lost: (error, wasReady, crashed, unreported) => {
          if (!live.delete(worker)) return;
          if (!wasReady) {
            stopAll();
            reject(new Error(`a lint worker could not start: ${error.message}`, { cause: error }));
            return;
          }
          // The worker died on the input it was linting; the others it held go to the next free worker.
          retry.push(...unreported);
          if (crashed !== undefined) {
            const failure = { kind: 'crash' as const, message: `the lint worker failed: ${error.message}`, stack: error.stack };
            finish(crashed, toLintedFile(failedReport(sources[crashed].name, failure), output));
          }
          if (retry.length || next < sources.length) attach(spawn());
        },
      });
      // `listen` reports a worker that died before it was attached; such a worker takes no input.
      if (worker.alive) feed(worker);
    };
    for (const worker of workers) attach(worker);
  });
}
