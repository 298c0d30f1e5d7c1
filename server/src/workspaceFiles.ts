/**
 * Finds the cables of the workspace folders on disk so cross-references (definition, references,
 * workspace symbols) reach cables that are not open. Read-only and local: `file:` folders only, no symlink
 * is followed (so nothing outside a folder is read), big files and tool folders are skipped, and the
 * number of files is bounded so a huge folder cannot stall the server.
 */
import { lstat, open, opendir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SNIFF_BYTES, looksLikeCable } from './language/cableDetection';

export interface ScanLimits {
  /** Cables read at most, over all folders. */
  maxFiles: number;
  /** Directory entries looked at at most, so a folder of a million non-cables ends too. */
  maxEntries: number;
  /** Files bigger than this are skipped (a cable is a few KB; 5 MB is a dump, not a cable). */
  maxBytes: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 20_000, maxEntries: 200_000, maxBytes: 5 * 1024 * 1024 };

/** Folders that never hold the user's cables and can be huge. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export interface ScanReport {
  files: number;
  /** True when a limit or cancellation stopped the scan early. */
  incomplete: boolean;
}

export interface ScanOptions {
  limits?: ScanLimits;
  /** Checked between files: the scan stops when it turns true (e.g. on shutdown). */
  isCancelled?: () => boolean;
  /** Told of files that could not be read, for the log. */
  onError?: (path: string, error: unknown) => void;
}

/** The local folders among the client's workspace folder URIs (`untitled:`, `vscode-vfs:` and the like have no disk). */
export function localFolders(folderUris: readonly string[]): string[] {
  return folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
}

/** Walks `folders` and hands every cable found to `found(uri, text)`. */
export async function scanWorkspaceFolders(
  folders: readonly string[],
  found: (uri: string, text: string) => void,
  options: ScanOptions = {},
): Promise<ScanReport> {
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  const isCancelled = options.isCancelled ?? (() => false);
  const report: ScanReport = { files: 0, incomplete: false };
  let entries = 0;
  const pending = [...folders];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    try {
      for await (const entry of await opendir(directory)) {
        if (isCancelled() || report.files >= limits.maxFiles || ++entries > limits.maxEntries) {
          report.incomplete = true;
          return report;
        }
        const path = join(directory, entry.name);
        // Dirent types come from lstat: a symlink is neither a directory nor a file here, so it is never followed.
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
        } else if (entry.isFile() && isCandidate(entry.name)) {
          const text = await readCable(path, limits.maxBytes).catch((error: unknown) => {
            options.onError?.(path, error);
            return undefined;
          });
          if (text !== undefined) {
            found(pathToFileURL(path).href, text);
            report.files++;
          }
        }
      }
    } catch (error) {
      options.onError?.(directory, error);
    }
  }
  return report;
}

function isCandidate(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return extension === '.cable' || extension === '.txt';
}

/** The text of a cable file; undefined for a file too big or a `.txt` that does not look like a cable. */
export async function readCable(path: string, maxBytes: number): Promise<string | undefined> {
  // lstat: a symlink is not followed, even when the path comes from the client.
  const info = await lstat(path);
  if (!info.isFile() || info.size > maxBytes) return undefined;
  if (extname(path).toLowerCase() === '.txt' && !looksLikeCable(await readHead(path))) return undefined;
  return readFile(path, 'utf8');
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, SNIFF_BYTES, 0);
    return new TextDecoder().decode(bytes.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
