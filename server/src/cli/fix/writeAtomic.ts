/**
 * `--fix` writes a file whole or not at all: the new bytes go to a temporary file in the same folder, with the
 * old file's permissions, flushed to disk, then renamed over the old one, so a crash or a full disk never
 * leaves half a cable. A file that changed since it was read is left alone rather than overwritten.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file as it was read: a write is refused when it is no longer so. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
}

/** Why a file was not written, in words for the user (`it changed while cable-lint read it`). */
export class NotWrittenError extends Error {}

/** Replaces the file at `path` (through a symlink, the file it points to) by `bytes`. */
export function writeFileAtomic(path: string, bytes: Uint8Array, readAs: ReadStamp): void {
  const target = realpathSync(path);
  const stat = statSync(target);
  if (stat.size !== readAs.size || stat.mtimeMs !== readAs.mtimeMs) throw new NotWrittenError('it changed since cable-lint read it');
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.cable-lint.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fchmodSync(fd, stat.mode & 0o7777);
      keepOwner(fd, stat.uid, stat.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Only a process that may give files away (root) can keep another user's ownership; others own what they write. */
function keepOwner(fd: number, uid: number, gid: number): void {
  if (process.getuid?.() !== 0) return;
  try {
    fchownSync(fd, uid, gid);
  } catch {
    // The owner could not be kept (e.g. a file system without owners): the content is what matters.
  }
}
