/**
 * One lint worker thread and what it is doing. Listens from the moment it is spawned, so a worker started
 * early (while the CLI is still finding files) loses neither its ready signal nor an early death.
 */
import { Worker } from 'node:worker_threads';
import type { LintedFile } from './report';
import { NOT_LINTING, type WorkerInit, type WorkerMessage, type WorkerTask } from './workerProtocol';

export interface WorkerEvents {
  result(index: number, file: LintedFile): void;
  /**
   * The thread is gone; `wasReady` tells a crash while linting from a worker that never started. `crashed` is
   * the input it was linting, if any; `unreported` every other input it held, to be linted again.
   */
  lost(error: Error, wasReady: boolean, crashed: number | undefined, unreported: number[]): void;
}

export class LintWorkerHandle {
  private readonly worker: Worker;
  private ready = false;
  private gone?: Error;
  private events?: WorkerEvents;
  /** Inputs sent and not yet reported (a worker holds its next batch so it never waits). */
  private readonly inFlight = new Set<number>();
  /** The input the worker is linting, as it last said (see `WorkerInit.linting`). */
  private readonly linting = new Int32Array(new SharedArrayBuffer(4));

  constructor(workerPath: string, init: Omit<WorkerInit, 'linting'>) {
    this.linting[0] = NOT_LINTING;
    this.worker = new Worker(workerPath, { workerData: { ...init, linting: this.linting.buffer } satisfies WorkerInit });
    this.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) this.ready = true;
      else {
        for (const { index, file } of message.results) {
          this.inFlight.delete(index);
          this.events?.result(index, file);
        }
      }
    });
    this.worker.on('error', (error) => this.lose(error));
    this.worker.on('exit', (code) => this.lose(new Error(`the worker exited with code ${code}`)));
  }

  /** Starts reporting to `events`; a worker lost before this reports at once. */
  listen(events: WorkerEvents): void {
    this.events = events;
    if (this.gone) this.reportLoss(events, this.gone);
  }

  /** How many inputs the worker holds. */
  get held(): number {
    return this.inFlight.size;
  }

  get alive(): boolean {
    return this.gone === undefined;
  }

  /** Queues `inputs` on the worker, which lints them in order. */
  send(inputs: WorkerTask['inputs']): void {
    for (const { index } of inputs) this.inFlight.add(index);
    this.worker.postMessage({ inputs } satisfies WorkerTask);
  }

  /** Ends the thread without reporting it as lost. */
  stop(): void {
    this.events = undefined;
    this.gone ??= new Error('stopped');
    void this.worker.terminate();
  }

  private lose(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    void this.worker.terminate();
    if (this.events) this.reportLoss(this.events, error);
  }

  private reportLoss(events: WorkerEvents, error: Error): void {
    const at = Atomics.load(this.linting, 0);
    const crashed = at !== NOT_LINTING && this.inFlight.has(at) ? at : undefined;
    const unreported = [...this.inFlight].filter((index) => index !== crashed);
    this.inFlight.clear();
    events.lost(error, this.ready, crashed, unreported);
  }
}
