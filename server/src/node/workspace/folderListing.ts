/**
 * Lists the files of the workspace folders that may be cables (`.cable`, `.txt`), without reading them:
 * the index then knows how many files lie ahead ("12,000 of 251,287"). No symlink is followed (nothing
 * outside a folder is listed) and tool folders are skipped.
 */
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIPPED_FOLDERS, candidateKind } from '../../../../shared/cableFiles';

const SKIPPED_DIRECTORIES = new Set(SKIPPED_FOLDERS);

export interface FolderListing {
  /** Candidate files, at most `maxFiles` of them. */
  paths: string[];
  /** Candidates found beyond `maxFiles`: counted, not kept. */
  beyondLimit: number;
}

export interface ListingOptions {
  maxFiles: number;
  isCancelled: () => boolean;
  /** Told now and then how many candidates were found so far. */
  onCount?: (found: number) => void;
  onError?: (path: string, error: unknown) => void;
}

export async function listCandidateFiles(folder: string, options: ListingOptions): Promise<FolderListing> {
  const listing: FolderListing = { paths: [], beyondLimit: 0 };
  const pending = [folder];
  let sinceReport = 0;
  while (pending.length > 0 && !options.isCancelled()) {
    const directory = pending.pop()!;
    const subdirectories: string[] = [];
    const files: string[] = [];
    try {
      for await (const entry of await opendir(directory, { bufferSize: 256 })) {
        // Dirent types come from lstat: a symlink is neither a directory nor a file here, so it is never followed.
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(join(directory, entry.name));
        } else if (entry.isFile() && candidateKind(entry.name) !== undefined) {
          files.push(join(directory, entry.name));
        }
      }
    } catch (error) {
      options.onError?.(directory, error);
    }
    // Sorted so that the same folder is always listed, and cut by a limit, in the same order.
    for (const path of files.sort()) {
      if (listing.paths.length < options.maxFiles) listing.paths.push(path);
      else listing.beyondLimit++;
    }
    sinceReport += files.length;
    if (sinceReport >= 5000) {
      sinceReport = 0;
      options.onCount?.(listing.paths.length + listing.beyondLimit);
    }
    pending.push(...subdirectories.sort().reverse());
  }
  return listing;
}
