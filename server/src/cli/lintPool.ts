/**
 * Lints many inputs on worker threads (or in this thread for one job) and hands each report back as it
 * finishes, with its input index; putting them in order is the caller's job (see `OrderedQueue`).
 */
import { getLanguageService } from '../language/languageService';
import type { LanguageSettings } from '../language/settings';
import { lintSource, type LintSource } from './lintFile';
import { LintWorkerHandle } from './lintWorkerHandle';
import { failedReport, type FileReport } from './report';

export interface LintPoolOptions {
  /** Worker threads to use at most; 1 lints in this thread. */
  jobs: number;
  /** `dist/lintWorker.js`. */
  workerPath: string;
  settings: LanguageSettings;
}

export type OnReport = (index: number, report: FileReport) => void;

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
  const spawn = () => new LintWorkerHandle(options.workerPath, { settings: options.settings });
  const workers = options.jobs > 1 ? Array.from({ length: options.jobs }, spawn) : [];
  return {
    lintAll: async (sources, onReport) => {
      const count = Math.min(workers.length, sources.length);
      for (const extra of workers.splice(count)) extra.stop();
      // One input cannot be shared: the worker's load time would only be added to it.
      if (count <= 1) {
        for (const worker of workers.splice(0)) worker.stop();
        lintInThisThread(sources, options.settings, onReport);
      } else await lintOnWorkers(sources, workers.splice(0), spawn, onReport);
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

function lintInThisThread(sources: readonly LintSource[], settings: LanguageSettings, onReport: OnReport): void {
  const service = getLanguageService();
  sources.forEach((source, index) => onReport(index, lintSource(service, settings, source)));
}

const IN_FLIGHT_PER_WORKER = 2;

/**
 * Each worker takes the next input as soon as it is free. A worker that dies while linting is replaced and
 * its input reported as a crash; one that dies before saying it is ready cannot start (a broken build), and
 * replacing it would only fail again for every input, so the run stops with its error.
 */
function lintOnWorkers(sources: readonly LintSource[], workers: LintWorkerHandle[], spawn: () => LintWorkerHandle, onReport: OnReport): Promise<void> {
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
    const finish = (index: number, report: FileReport) => {
      onReport(index, report);
      if (++done === sources.length) {
        stopAll();
        resolve();
      }
    };
    // Two inputs per worker: while it lints one, the next is already waiting in its queue.
    const feed = (worker: LintWorkerHandle) => {
      while (worker.inFlight.length < IN_FLIGHT_PER_WORKER && (retry.length || next < sources.length)) {
        const index = retry.length ? retry.shift()! : next++;
        worker.send(index, sources[index]);
      }
    };
    const attach = (worker: LintWorkerHandle) => {
      if (settled) return worker.stop();
      live.add(worker);
      worker.listen({
        result: (index, report) => {
          feed(worker);
          finish(index, report);
        },
        lost: (error, wasReady) => {
          if (!live.delete(worker)) return;
          if (!wasReady) {
            stopAll();
            reject(new Error(`a lint worker could not start: ${error.message}`, { cause: error }));
            return;
          }
          // The worker died on the input it was linting; the one queued behind it was never started.
          const [crashed, ...queued] = worker.inFlight.splice(0);
          retry.push(...queued);
          if (crashed !== undefined) finish(crashed, failedReport(sources[crashed].name, { kind: 'crash', message: `the lint worker failed: ${error.message}`, stack: error.stack }));
          if (retry.length || next < sources.length) attach(spawn());
        },
      });
      // `listen` reports a worker that died before it was attached; such a worker takes no input.
      if (worker.alive) feed(worker);
    };
    for (const worker of workers) attach(worker);
  });
}
