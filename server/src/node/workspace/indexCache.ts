/**
 * The persistent index cache: what the index knows of one workspace folder, written to disk so that the next
 * start revalidates (by size and modification time) instead of reading 251,287 cables again. One file per
 * folder, JSON lines: a header naming the format, the server and the folder; one line per file; an end line
 * with the count. A file that is corrupt, truncated or foreign is ignored whole, never trusted; a write goes
 * to a temporary file renamed over the old one, so a crash mid-write leaves the previous cache intact.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { FileSummary } from '../../language/workspace/fileSummary';
import type { FileStamp } from './summariseFile';

/** Bump when what a summary holds, or how the parser reads it, changes: older caches are then ignored. */
export const INDEX_CACHE_FORMAT = 1;

export interface CachedFile {
  stamp: FileStamp;
  summary: FileSummary;
}

interface Header {
  format: 'cable-index';
  version: number;
  server: string;
  folder: string;
}

/** The cache folder: the client's (`initializationOptions.cacheDirectory`), else `$XDG_CACHE_HOME/cable-language`. */
export function cacheDirectory(fromClient: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof fromClient === 'string' && fromClient.trim() !== '') return fromClient;
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'cable-language');
}

/** The cache file of one folder. */
export function cacheFileOf(directory: string, folder: string): string {
  return join(directory, `index-${createHash('sha256').update(folder).digest('hex').slice(0, 24)}.jsonl`);
}

export type CacheReading = { kind: 'read'; files: Map<string, CachedFile> } | { kind: 'missing' } | { kind: 'rejected'; why: string };

/** Reads a folder's cache; anything but a whole, well-formed cache of this folder by this server is rejected. */
export async function readIndexCache(file: string, folder: string, serverVersion: string): Promise<CacheReading> {
  const files = new Map<string, CachedFile>();
  // Entries are keyed by `file:` URI; one outside the folder is not this folder's.
  const inside = pathToFileURL(folder).href.replace(/\/?$/, '/');
  let header: Header | undefined;
  let ended = false;
  let lineNumber = 0;
  const stream = createReadStream(file, { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNumber++;
      if (ended) return { kind: 'rejected', why: `line ${lineNumber} follows the end line` };
      const value = parseJson(line);
      if (!header) {
        if (!isHeader(value)) return { kind: 'rejected', why: 'it is not a cable index' };
        if (value.version !== INDEX_CACHE_FORMAT || value.server !== serverVersion)
          return { kind: 'rejected', why: `it was written by another version (${value.server}, format ${value.version})` };
        if (value.folder !== folder) return { kind: 'rejected', why: `it is the cache of another folder (${value.folder})` };
        header = value;
      } else if (isEndLine(value)) {
        if (value.end !== files.size) return { kind: 'rejected', why: `it says ${value.end} files but holds ${files.size}` };
        ended = true;
      } else if (isFileLine(value) && value[0].startsWith(inside)) {
        files.set(value[0], { stamp: { size: value[1], mtimeMs: value[2] }, summary: value[3] });
      } else {
        return { kind: 'rejected', why: `line ${lineNumber} is not a file's summary` };
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'rejected', why: error instanceof Error ? error.message : String(error) };
  } finally {
    stream.destroy();
  }
  if (!header) return { kind: 'rejected', why: 'it is empty' };
  if (!ended) return { kind: 'rejected', why: 'it is truncated' };
  return { kind: 'read', files };
}

/** Writes a folder's cache atomically: a temporary file, flushed, then renamed over the old one. */
export async function writeIndexCache(
  file: string,
  folder: string,
  serverVersion: string,
  files: Iterable<[string, CachedFile]>,
): Promise<number> {
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  let count = 0;
  try {
    const header: Header = { format: 'cable-index', version: INDEX_CACHE_FORMAT, server: serverVersion, folder };
    let chunk = JSON.stringify(header) + '\n';
    for (const [path, { stamp, summary }] of files) {
      chunk += JSON.stringify([path, stamp.size, stamp.mtimeMs, summary]) + '\n';
      count++;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk + JSON.stringify({ end: count }) + '\n');
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
    return count;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is Header {
  const v = value as Header;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === 'cable-index' &&
    typeof v.version === 'number' &&
    typeof v.server === 'string' &&
    typeof v.folder === 'string'
  );
}

function isEndLine(value: unknown): value is { end: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { end: unknown }).end === 'number';
}

function isFileLine(value: unknown): value is [string, number, number, FileSummary] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    isCount(value[1]) &&
    typeof value[2] === 'number' &&
    isSummary(value[3])
  );
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isOptionalString = (s: unknown) => s === undefined || typeof s === 'string';
const isRange = (r: unknown) => Array.isArray(r) && r.length === 4 && r.every(isCount);

/** Checks every field the index reads, so a cache edited or damaged by hand cannot put a wrong type in. */
function isSummary(value: unknown): value is FileSummary {
  const summary = value as FileSummary;
  if (typeof summary !== 'object' || summary === null || !Array.isArray(summary.cables) || !Array.isArray(summary.citations)) return false;
  if (!isOptionalString(summary.nameRefId)) return false;
  for (const cable of summary.cables) {
    if (typeof cable !== 'object' || cable === null || !isRange(cable.range) || !isRange(cable.target)) return false;
    if (!Array.isArray(cable.tags) || !cable.tags.every((tag) => typeof tag === 'string')) return false;
    if (![cable.refId, cable.subject, cable.date, cable.classification, cable.origin].every(isOptionalString)) return false;
  }
  return summary.citations.every((c) => typeof c === 'object' && c !== null && typeof c.refId === 'string' && isRange(c.range));
}
