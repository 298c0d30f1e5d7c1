/**
 * One lint worker thread and what it is doing. Listens from the moment it is spawned, so a worker started
 * early (while the CLI is still finding files) loses neither its ready signal nor an early death.
 */
import { Worker } from 'node:worker_threads';
import type { LintSource } from './lintFile';
import type { FileReport } from './report';
import type { WorkerInit, WorkerMessage, WorkerTask } from './workerProtocol';

export interface WorkerEvents {
  result(index: number, report: FileReport): void;
  /** The thread is gone; `wasReady` tells a crash while linting from a worker that never started. */
  lost(error: Error, wasReady: boolean): void;
}

export class LintWorkerHandle {
  private readonly worker: Worker;
  private ready = false;
  private gone?: Error;
  private events?: WorkerEvents;
  /** Inputs sent and not yet reported, oldest first (a worker holds a next input so it never waits). */
  readonly inFlight: number[] = [];

  constructor(workerPath: string, init: WorkerInit) {
    this.worker = new Worker(workerPath, { workerData: init });
    this.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) this.ready = true;
      else {
        this.inFlight.splice(this.inFlight.indexOf(message.index), 1);
        this.events?.result(message.index, message.report);
      }
    });
    this.worker.on('error', (error) => this.lose(error));
    this.worker.on('exit', (code) => this.lose(new Error(`the worker exited with code ${code}`)));
  }

  /** Starts reporting to `events`; a worker lost before this reports at once. */
  listen(events: WorkerEvents): void {
    this.events = events;
    if (this.gone) events.lost(this.gone, this.ready);
  }

  get alive(): boolean {
    return this.gone === undefined;
  }

  send(index: number, source: LintSource): void {
    this.inFlight.push(index);
    this.worker.postMessage({ index, source } satisfies WorkerTask);
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
    this.events?.lost(error, this.ready);
  }
}
