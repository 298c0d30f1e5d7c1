/**
 * Push-mode diagnostics: validation per document after a short pause in typing, results published only
 * while they still describe the document. Two guards make a result stale: a newer job for the same
 * document was scheduled (or the document closed) while it ran, and the host's own check that the version
 * the result was computed for is still the one to show (the current version while typing, the last saved
 * one in on-save mode).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { describeError } from '../runSafe';

/** setTimeout/clearTimeout, injected so tests drive time by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Diagnostics computed for one version of a document. */
export interface DiagnosticsResult {
  version: number;
  diagnostics: Diagnostic[];
}

export interface DiagnosticsHost<R extends DiagnosticsResult = DiagnosticsResult> {
  /** Validates the document as it is now; undefined when it is gone. */
  validate(uri: string): Promise<R | undefined>;
  /** True while `result` still describes what should be shown (e.g. its version is the document's). */
  isCurrent(uri: string, result: R): boolean;
  publish(uri: string, result: R): void;
  logError(message: string): void;
}

/** How long typing pauses before the file is validated again. */
export const DIAGNOSTICS_DEBOUNCE_MS = 200;

export class DiagnosticsScheduler<R extends DiagnosticsResult = DiagnosticsResult> {
  /** Latest job number per document; a job publishes only if its number is still there. */
  private readonly generations = new Map<string, number>();
  /** One counter for all documents, so a job from before a close and reopen can never match. */
  private lastGeneration = 0;
  private readonly pending = new Map<string, unknown>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly host: DiagnosticsHost<R>,
    private readonly timers: Timers = nodeTimers,
    /** The pause after the last change before validating while typing. */
    readonly debounceMs = DIAGNOSTICS_DEBOUNCE_MS,
  ) {}

  /** Validates after `delayMs` (the debounce by default), replacing any job not yet published. */
  schedule(uri: string, delayMs = this.debounceMs): void {
    const generation = this.bump(uri);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(uri);
      const job = this.run(uri, generation);
      this.running.add(job);
      void job.finally(() => this.running.delete(job));
    }, delayMs);
    this.pending.set(uri, handle);
  }

  /** Drops pending and running jobs of a document, e.g. on close. */
  cancel(uri: string): void {
    this.bump(uri);
    this.generations.delete(uri);
  }

  /** Drops every job, e.g. on shutdown, so no timer outlives the connection. */
  dispose(): void {
    for (const uri of [...this.generations.keys()]) this.cancel(uri);
  }

  /** Resolves when the jobs whose timers have fired have published or been dropped (tests wait on it). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** True while a job for the document waits for its timer. */
  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  private bump(uri: string): number {
    const handle = this.pending.get(uri);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.pending.delete(uri);
    const generation = ++this.lastGeneration;
    this.generations.set(uri, generation);
    return generation;
  }

  private async run(uri: string, generation: number): Promise<void> {
    try {
      const result = await this.host.validate(uri);
      if (!result || this.generations.get(uri) !== generation || !this.host.isCurrent(uri, result)) return;
      this.host.publish(uri, result);
    } catch (error) {
      this.host.logError(`Validating ${uri} failed: ${describeError(error)}`);
    }
  }
}
