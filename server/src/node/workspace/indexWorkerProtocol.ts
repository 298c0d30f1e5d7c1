/** Messages between the server and its index workers: a batch of files out, their summaries back. */
import type { FileJob, FileResult } from './summariseFile';

export interface IndexBatch {
  id: number;
  jobs: FileJob[];
  maxBytes: number;
}

export interface IndexBatchResult {
  id: number;
  results: FileResult[];
}

/** The nice value of index workers on Linux, where it is per thread: below the server's own thread. */
export const LOW_PRIORITY = 10;

/**
 * How many index workers: on Linux, one per core, since they run below the server's thread and so never delay
 * it; elsewhere, where a priority would apply to the whole process, one core is left to the server.
 */
export function indexWorkerCount(cores: number, platform: string): number {
  return Math.max(0, Math.min(4, platform === 'linux' ? cores : cores - 1));
}
