/**
 * PATH arguments → the ordered list of inputs to lint. Explicit files are always taken; folders are
 * walked in name order so output is the same on every run and platform. What cannot be read becomes an
 * input of its own, so the run goes on and reports it in its place.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileGlob } from './glob';
import { utf8 } from './utf8';
import { looksLikeCable, SNIFF_BYTES } from '../../../shared/cableDetection';

export const STDIN_NAME = '<stdin>';

/** One thing to lint, named as the user will see it (relative paths stay relative). */
export type LintInput =
  | { kind: 'file'; name: string; path: string }
  | { kind: 'stdin'; name: typeof STDIN_NAME }
  | { kind: 'unreadable'; name: string; reason: string };

export interface DiscoverOptions {
  /** Patterns choosing files in folders; empty means `.cable` files and `.txt` files that look like cables. */
  globs: readonly string[];
  cwd: string;
  /** What the `.cable-lint.json` files leave out (`ignore`): such files are not inputs, such folders not walked. */
  configs?: { isIgnored(path: string): boolean; isIgnoredFolder(path: string): boolean };
}

/** Folders nobody keeps cables in, and that can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface Discovery {
  inputs: LintInput[];
  /** Folders given that held no file to lint: worth a word, since a wrong folder or glob would pass unnoticed. */
  emptyFolders: string[];
  /** Files named on the command line that a `.cable-lint.json` ignores, as given. */
  ignoredFiles: string[];
}

export function discoverInputs(paths: readonly string[], options: DiscoverOptions): Discovery {
  const discovery: Discovery = { inputs: [], emptyFolders: [], ignoredFiles: [] };
  for (const input of walkInputs(paths, options, discovery)) discovery.inputs.push(input);
  return discovery;
}

/**
 * The inputs one at a time, in the order `discoverInputs` lists them, so a run can lint the first while it still
 * finds the others; the folders without a file and the ignored files are added to `found` as they are met
 * (complete once the walk has ended).
 */
export function* walkInputs(
  paths: readonly string[],
  options: DiscoverOptions,
  found: Pick<Discovery, 'emptyFolders' | 'ignoredFiles'>,
): Generator<LintInput, void, undefined> {
  const seen = new Set<string>();
  const globs = options.globs.map(compileGlob);
  const wanted = globs.length ? (rel: string) => globs.some((test) => test(rel)) : undefined;
  const file = (name: string, path: string): LintInput | undefined => {
    if (seen.has(path)) return undefined;
    seen.add(path);
    return { kind: 'file', name, path };
  };
  for (const given of paths) {
    if (given === '-') {
      yield { kind: 'stdin', name: STDIN_NAME };
      continue;
    }
    const path = resolve(options.cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      yield { kind: 'unreadable', name: given, reason: describeFsError(error) };
      continue;
    }
    if (!isFolder) {
      if (options.configs?.isIgnored(path)) found.ignoredFiles.push(given);
      else {
        const input = file(given, path);
        if (input) yield input;
      }
    } else {
      let met = 0;
      for (const input of walkFolder(given, path, wanted, file, options.configs)) {
        met++;
        yield input;
      }
      if (met === 0) found.emptyFolders.push(given);
    }
  }
}

/** Depth-first in name order; symlinked folders are followed once (a loop would never end). */
function* walkFolder(
  givenRoot: string,
  root: string,
  wanted: ((relativePath: string) => boolean) | undefined,
  file: (name: string, path: string) => LintInput | undefined,
  configs?: DiscoverOptions['configs'],
): Generator<LintInput, void, undefined> {
  const visited = new Set<string>();
  function* visit(folder: string): Generator<LintInput, void, undefined> {
    let entries: Dirent[];
    try {
      const real = realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'unreadable', name: join(givenRoot, relative(root, folder)), reason: describeFsError(error) };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const kind = entryKind(entry, path);
      if (kind === 'folder') {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && !configs?.isIgnoredFolder(path)) yield* visit(path);
      } else if (kind === 'file') {
        if (configs?.isIgnored(path)) continue;
        const rel = relative(root, path).split('\\').join('/');
        const name = join(givenRoot, rel);
        const take = wanted ? wanted(rel) : isCableFile(path);
        if (take === true) {
          const input = file(name, path);
          if (input) yield input;
        } else if (take !== false) yield { kind: 'unreadable', name, reason: take.reason };
      }
    }
  }
  yield* visit(root);
}

function entryKind(entry: Dirent, path: string): 'file' | 'folder' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch {
    // A dangling link in a folder is not an input the user named; skip it.
    return 'other';
  }
}

/**
 * `.cable` files always; `.txt` files when their first lines look like a cable. A `.txt` file that
 * cannot be read may be a cable, so it is reported rather than passed over in silence.
 */
export function isCableFile(path: string): boolean | { reason: string } {
  const lower = path.toLowerCase();
  if (lower.endsWith('.cable')) return true;
  if (!lower.endsWith('.txt')) return false;
  const head = readHead(path);
  return typeof head === 'string' ? looksLikeCable(head) : head;
}

function readHead(path: string): string | { reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = new Uint8Array(SNIFF_BYTES);
    const length = readSync(fd, bytes, 0, SNIFF_BYTES, 0);
    return utf8(bytes.subarray(0, length));
  } catch (error) {
    return { reason: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Node's errno codes in the words a user expects: `no such file`, `permission denied`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
