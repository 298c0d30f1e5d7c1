/** Messages between the CLI and its lint workers; all plain data, copied by structured clone. */
import type { LanguageSettings } from '../language/settings';
import type { LintSource } from './lintFile';
import type { FileReport } from './report';

/** `workerData`: fixed for the whole run, so tasks stay small. */
export interface WorkerInit {
  settings: LanguageSettings;
}

/** One input to lint; `index` is its place in the input order, which results come back with. */
export interface WorkerTask {
  index: number;
  source: LintSource;
}

export interface WorkerResult {
  index: number;
  report: FileReport;
}

/** Posted once the worker has loaded: a worker that dies before it could not start at all. */
export interface WorkerReady {
  ready: true;
}

export type WorkerMessage = WorkerResult | WorkerReady;
