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
