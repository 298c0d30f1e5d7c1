/**
 * Lints many inputs on worker threads (or in this thread for one job) and hands each report back as it
 * finishes, with its input index; putting them in order is the caller's job (see `OrderedQueue`). Inputs can
 * be streamed in (`stream`): the workers start on the first ones while the caller is still finding the others.
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

/** Inputs given one at a time; each one's index is its place in the order of `add` calls. */
export interface LintStream {
  add(source: LintSource): void;
  /** No more inputs: resolves once every input has been reported (rejects when a worker cannot start). */
  end(): Promise<void>;
}

export interface LintPool {
  lintAll(sources: readonly LintSource[], onReport: OnReport): Promise<void>;
  /** Lints inputs as they are added; on workers they are linted at once, in this thread only at `end()`. */
  stream(onReport: OnReport): LintStream;
  /** Stops the workers, used or not, e.g. when the run failed before linting; live threads keep a process alive. */
  close(): void;
}

/**
 * Starts the workers at once, so that they load (about 0.1 s each) while the caller is still finding the
 * files; workers left without an input are stopped.
 */
export function startLintPool(options: LintPoolOptions): LintPool {
  const spawn = () => new LintWorkerHandle(options.workerPath, { settings: options.settings, output: options.output });
  const workers = options.jobs > 1 ? Array.from({ length: options.jobs }, spawn) : [];
  let stopStream: (() => void) | undefined;
  const stream = (onReport: OnReport): LintStream => {
    if (!workers.length) return inThisThread(options, onReport);
    const running = onWorkers(workers.splice(0), spawn, options, onReport);
    stopStream = running.stop;
    return running;
  };
  return {
    stream,
    lintAll: (sources, onReport) => {
      const lint = stream(onReport);
      for (const source of sources) lint.add(source);
      return lint.end();
    },
    close: () => {
      for (const worker of workers.splice(0)) worker.stop();
      stopStream?.();
    },
  };
}

/** Lints `sources` with `options.jobs` workers started now. */
export function lintAll(sources: readonly LintSource[], options: LintPoolOptions, onReport: OnReport): Promise<void> {
  return startLintPool({ ...options, jobs: Math.min(options.jobs, sources.length) }).lintAll(sources, onReport);
}

/** Keeps the inputs (names and paths, not texts) and lints them at the end, in order. */
function inThisThread(options: LintPoolOptions, onReport: OnReport): LintStream {
  const sources: Array<LintSource | undefined> = [];
  return {
    add: (source) => void sources.push(source),
    end: async () => lintInThisThread(sources, options, onReport),
  };
}

function lintInThisThread(
  sources: Array<LintSource | undefined>,
  options: LintPoolOptions,
  onReport: OnReport,
  indices?: readonly number[],
): void {
  const service = getLanguageService();
  for (const index of indices ?? sources.keys()) {
    const source = sources[index]!;
    sources[index] = undefined;
    onReport(index, lintToOutput(service, options.settings, options.output, source));
  }
}

/**
 * Inputs go to a worker in batches, and a worker is given more while it still holds some: it never waits for
 * the main thread, and messages stay few. Small enough that the workers finish together.
 */
const BATCH = 16;
const IN_FLIGHT_PER_WORKER = 2 * BATCH;

/**
 * Each worker takes the next batch while it still lints the last. A worker that dies while linting is replaced,
 * the input it died on reported as a crash and the others it held linted again; one that dies before saying it is ready cannot start (a broken build), and
 * replacing it would only fail again for every input, so the run stops with its error. Only the inputs not yet
 * reported are kept, so memory does not grow with the number of inputs.
 */
function onWorkers(
  workers: LintWorkerHandle[],
  spawn: () => LintWorkerHandle,
  options: LintPoolOptions,
  onReport: OnReport,
): LintStream & { stop(): void } {
  const output = options.output;
  /** Inputs added and not yet reported. */
  const pending = new Map<number, LintSource>();
  /** Inputs added and not yet sent, in order (`queue[head]` is the next); then those a lost worker held and had not started. */
  let queue: number[] = [];
  let head = 0;
  const retry: number[] = [];
  let added = 0;
  let done = 0;
  let ended = false;
  let sent = false;
  let settled = false;
  const live = new Set<LintWorkerHandle>();
  let resolveEnd!: () => void;
  let rejectEnd!: (error: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    resolveEnd = resolve;
    rejectEnd = reject;
  });
  // A worker that cannot start may say so before `end()` is awaited; the rejection is handled there.
  finished.catch(() => undefined);
  const stopAll = () => {
    settled = true;
    for (const worker of live) worker.stop();
    for (const worker of workers.splice(0)) worker.stop();
    live.clear();
  };
  const waiting = () => retry.length + queue.length - head;
  const takeNext = () => {
    if (retry.length) return retry.shift()!;
    const index = queue[head++];
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return index;
  };
  const complete = () => {
    if (!settled && ended && done === added) {
      stopAll();
      resolveEnd();
    }
  };
  const finish = (index: number, file: LintedFile) => {
    pending.delete(index);
    onReport(index, file);
    done++;
    complete();
  };
  // A batch goes out once the worker holds no more than one: while it lints that, the next is on its way.
  const feed = (worker: LintWorkerHandle) => {
    // One input cannot be shared: the worker's load time would only be added to it, so nothing goes out before a second.
    if (!sent && !ended && added < 2) return;
    while (worker.alive && worker.held <= IN_FLIGHT_PER_WORKER - BATCH && waiting() > 0) {
      // Until the inputs are all in, only full batches, unless the worker would wait; then batches shrink
      // towards the end, so that no worker is left with a long queue while the others idle.
      if (!ended && waiting() < BATCH && worker.held > 0) return;
      const size = ended ? Math.max(1, Math.min(BATCH, Math.ceil(waiting() / (4 * live.size)))) : Math.min(BATCH, waiting());
      const batch: Array<{ index: number; source: LintSource }> = [];
      while (batch.length < size && waiting() > 0) {
        const index = takeNext();
        batch.push({ index, source: pending.get(index)! });
      }
      sent = true;
      worker.send(batch);
    }
  };
  const feedAll = () => {
    for (const worker of live) feed(worker);
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
          rejectEnd(new Error(`a lint worker could not start: ${error.message}`, { cause: error }));
          return;
        }
        // The worker died on the input it was linting; the others it held go to the next free worker.
        retry.push(...unreported);
        if (crashed !== undefined) {
          const failure = { kind: 'crash' as const, message: `the lint worker failed: ${error.message}`, stack: error.stack };
          finish(crashed, toLintedFile(failedReport(pending.get(crashed)!.name, failure), output));
        }
        if (!settled && (waiting() > 0 || !ended)) attach(spawn());
      },
    });
    // `listen` reports a worker that died before it was attached; such a worker takes no input.
    if (worker.alive) feed(worker);
  };
  for (const worker of workers.splice(0)) attach(worker);
  return {
    add: (source) => {
      if (settled) return;
      const index = added++;
      pending.set(index, source);
      queue.push(index);
      feedAll();
    },
    end: () => {
      if (!ended) {
        ended = true;
        if (!settled && !sent && added <= 1) {
          // One input (or none): linted here, as a worker would cost more than it saves.
          stopAll();
          const sources = [pending.get(0)];
          pending.clear();
          if (added) lintInThisThread(sources, options, onReport);
          resolveEnd();
        } else {
          feedAll();
          complete();
        }
      }
      return finished;
    },
    stop: stopAll,
  };
}
