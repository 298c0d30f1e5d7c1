/**
 * Reads one file of the workspace and summarises it for the index, synchronously: the index worker runs it
 * in a loop, off the server's thread. A file whose size and modification time match what the index already
 * has is not read at all.
 */
import { closeSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { candidateKind } from '../../../../shared/cableFiles';
import { SNIFF_BYTES, looksLikeCable } from '../../../../shared/cableDetection';
import { summariseCableFile, type FileSummary } from '../../language/workspace/fileSummary';
import { parseCableFile } from '../../language/parse/parseCableFile';

/** What tells a file's version apart without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface FileJob {
  path: string;
  /** The stamp of the summary the index has, if any: an unchanged file is not read again. */
  known?: FileStamp;
}

export type FileResult =
  | { path: string; kind: 'summary'; stamp: FileStamp; summary: FileSummary }
  | { path: string; kind: 'unchanged'; stamp: FileStamp }
  /** Not a cable, too big, not a regular file, or gone: it leaves the index. */
  | { path: string; kind: 'skipped'; reason: 'not-a-cable' | 'too-big' | 'not-a-file' | 'gone' }
  | { path: string; kind: 'failed'; error: string };

export function summariseFile(job: FileJob, maxBytes: number): FileResult {
  const { path } = job;
  try {
    // lstat: a symlink is never followed, so nothing outside the workspace is read through one.
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) return { path, kind: 'skipped', reason: 'gone' };
    if (!info.isFile()) return { path, kind: 'skipped', reason: 'not-a-file' };
    const stamp = { size: info.size, mtimeMs: info.mtimeMs };
    if (job.known && job.known.size === stamp.size && job.known.mtimeMs === stamp.mtimeMs) return { path, kind: 'unchanged', stamp };
    if (info.size > maxBytes) return { path, kind: 'skipped', reason: 'too-big' };
    if (candidateKind(path) === 'text' && !looksLikeCable(readHead(path))) return { path, kind: 'skipped', reason: 'not-a-cable' };
    const fileName = basename(path);
    const summary = summariseCableFile(fileName, parseCableFile(readFileSync(path, 'utf8'), { fileName }));
    return { path, kind: 'summary', stamp, summary };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, kind: 'skipped', reason: 'gone' };
    return { path, kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

function readHead(path: string): string {
  const handle = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(SNIFF_BYTES);
    const read = readSync(handle, bytes, 0, SNIFF_BYTES, 0);
    return new TextDecoder().decode(bytes.subarray(0, read));
  } finally {
    closeSync(handle);
  }
}
