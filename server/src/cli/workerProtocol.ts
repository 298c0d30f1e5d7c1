/** Messages between the CLI and its lint workers; all plain data, copied by structured clone. */
import type { LanguageSettings } from '../language/settings';
import type { FileOutputOptions } from './format/formatter';
import type { LintSource } from './lintFile';
import type { LintedFile } from './report';

/** `workerData`: fixed for the whole run, so tasks stay small. */
export interface WorkerInit {
  settings: LanguageSettings;
  output: FileOutputOptions;
  /**
   * One Int32 the worker sets to the index of the input it is linting, and to NOT_LINTING between inputs:
   * results come back a batch at a time, so a worker that dies tells this way which input it died on.
   */
  linting: SharedArrayBuffer;
}

export const NOT_LINTING = -1;

/** Inputs to lint, in order; `index` is each one's place in the input order, which results come back with. */
export interface WorkerTask {
  inputs: Array<{ index: number; source: LintSource }>;
}

/** A batch linted: one message per batch, as each message costs the sender far more than its size. */
export interface WorkerResult {
  results: Array<{ index: number; file: LintedFile }>;
}

/** Posted once the worker has loaded: a worker that dies before it could not start at all. */
export interface WorkerReady {
  ready: true;
}

export type WorkerMessage = WorkerResult | WorkerReady;
