/**
 * The workspace index as the Node server keeps it: the cables of the workspace folders on disk, overridden by the
 * open documents' current text. Folders are listed, then their files summarised in workers (see
 * `fileSummariser.ts`), revalidated against the persistent cache by size and modification time; watched-file
 * changes re-read what changed. Open documents override their file (`WorkspaceIndexBase`).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileSummary } from '../../language/workspace/fileSummary';
import { describeError } from '../../runSafe';
import type { IndexSettings } from '../../settings/settingsMapping';
import type { ServerWorkspace, ServerWorkspaceOptions } from '../../workspace/serverWorkspace';
import { WorkspaceIndexBase, type IndexedFolder } from '../../workspace/workspaceIndexBase';
import type { FileSummariser } from './fileSummariser';
import { listCandidateFiles } from './folderListing';
import { cacheFileOf, readIndexCache, writeIndexCache, type CachedFile } from './indexCache';
import type { FileJob, FileResult, FileStamp } from './summariseFile';
import { formatCount as count } from '../../../../shared/formatCount';

export interface WorkspaceCablesOptions extends ServerWorkspaceOptions {
  summariser: FileSummariser;
  /** Where the index cache lives; no cache when absent. */
  cacheDirectory?: string;
  serverVersion?: string;
}

/** A workspace folder and what the index read from it. */
interface Folder extends IndexedFolder {
  path: string;
  /** Files of this folder in the index from disk, with the stamp of the version read. */
  files: Map<string, FileStamp>;
  /** True when the files changed since the cache was written. */
  dirty: boolean;
}

/** How long after the last change the cache is written again. */
const CACHE_WRITE_DELAY_MS = 5000;

export class WorkspaceCables extends WorkspaceIndexBase<Folder> implements ServerWorkspace {
  /** The disk version's summary of files that are open (the index holds the open text's), for the cache. */
  private readonly diskSummaries = new Map<string, FileSummary>();
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(protected override readonly options: WorkspaceCablesOptions) {
    super(options);
  }

  /** The files read from disk, open or not: what "check every cable" checks. */
  diskFiles(): string[] {
    return [...this.folders.values()].flatMap((folder) => [...folder.files.keys()]);
  }

  hasDiskFile(uri: string): boolean {
    return this.isFromDisk(uri);
  }

  /** The workspace folder (as a `file:` URI) a file of the index lies in. */
  folderUriOf(uri: string): string | undefined {
    for (const folder of this.folders.values()) if (folder.files.has(uri)) return pathToFileURL(folder.path).href;
    return undefined;
  }

  // ---- open documents ----

  override opened(document: TextDocument): void {
    // The disk version's summary is kept for the cache while the open text is indexed.
    const onDisk = this.index.summaryOf(document.uri);
    if (onDisk && this.isFromDisk(document.uri)) this.diskSummaries.set(document.uri, onDisk);
    super.opened(document);
  }

  /**
   * A closed document falls back to its file on disk when that is a workspace cable, else leaves the index.
   * Its last text stays indexed until the disk has been read, so queries meanwhile still find it.
   */
  closed(uri: string): Promise<void> {
    this.forgetOpen(uri);
    this.diskSummaries.delete(uri);
    // The index holds the closed text: forgetting the stamp makes the re-check read the disk whatever it holds.
    for (const folder of this.folders.values()) folder.files.delete(uri);
    return this.recheck([uri]);
  }

  // ---- folders, settings, changes ----

  /** Scans new workspace folders in the background (`file:` URIs only). */
  addFolders(folderUris: readonly string[]): void {
    for (const path of localFolders(folderUris)) {
      if (this.folders.has(path)) continue;
      const folder: Folder = { path, files: new Map(), skipped: 0, limited: false, dirty: false };
      this.folders.set(path, folder);
      this.enqueueScan(() => this.scan(folder));
    }
  }

  /** Forgets removed folders and the files read from them (open documents stay). */
  removeFolders(folderUris: readonly string[]): void {
    for (const path of localFolders(folderUris)) {
      const folder = this.folders.get(path);
      if (!folder) continue;
      this.folders.delete(path);
      this.enqueue(async () => {
        for (const uri of folder.files.keys()) if (!this.open.has(uri)) this.index.removeFile(uri);
        this.options.onFilesChanged?.([...folder.files.keys()]);
        folder.files.clear();
      });
    }
  }

  /** New `cable.index.*` settings: folders are scanned again (cheaply: unchanged files are only stat'ed). */
  setSettings(settings: IndexSettings): void {
    if (this.settingsChanged(settings)) for (const folder of this.folders.values()) this.enqueueScan(() => this.scan(folder));
  }

  /** Files created, changed or deleted (watched-file events): each is looked at again on disk, a folder with what it holds. */
  filesChanged(uris: readonly string[]): Promise<void> {
    return this.recheck(uris);
  }

  /** Stops scanning and writes the cache if it changed (shutdown). */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.cacheTimer);
    await this.whenScanned();
    await this.writeCaches();
  }

  // ---- internals ----

  private async scan(folder: Folder): Promise<void> {
    if (!this.folders.has(folder.path)) return;
    const { log } = this.options;
    const started = Date.now();
    const progress = this.options.beginProgress?.('Indexing cables');
    progress?.report('Listing files…');

    const cacheFile = this.options.cacheDirectory ? cacheFileOf(this.options.cacheDirectory, folder.path) : undefined;
    const cached = cacheFile ? await this.readCache(cacheFile, folder.path) : new Map<string, CachedFile>();
    const cachedFiles = cached.size;
    const budget = this.listingBudget(folder);
    const listing = await listCandidateFiles(folder.path, {
      maxFiles: budget,
      isCancelled: () => this.disposed,
      onCount: (found) => progress?.report(`Listing files: ${count(found)} found`),
      onError: (path, error) => log.error(`Could not list ${path}: ${describeError(error)}`),
    });
    const listed = new Set<string>();
    const jobs: FileJob[] = listing.paths.map((path) => {
      const uri = pathToFileURL(path).href;
      listed.add(uri);
      const known = folder.files.get(uri) ?? cached.get(uri)?.stamp;
      return known ? { path, known } : { path };
    });
    // Files of an earlier scan that are no longer there (or now past the limit) leave the index.
    for (const uri of [...folder.files.keys()]) if (!listed.has(uri)) this.forgetDiskFile(folder, uri);
    folder.skipped = listing.beyondLimit;
    folder.limited = listing.beyondLimit > 0;
    this.scanTotal = jobs.length;
    this.sendStatus();

    let reused = 0;
    let done = 0;
    await this.options.summariser.run(
      jobs,
      this.settings.maxFileBytes,
      (results) => {
        for (const result of results) if (result.kind === 'unchanged') reused++;
        const changed = this.apply(folder, results, cached);
        if (changed.length) this.options.onFilesChanged?.(changed);
        done += results.length;
        progress?.report(`${count(done)} of ${count(jobs.length)} files`, jobs.length ? Math.floor((done / jobs.length) * 100) : undefined);
        this.sendStatus();
      },
      () => this.disposed || !this.folders.has(folder.path),
    );
    if (cachedFiles !== folder.files.size) folder.dirty = true;

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const limited = folder.limited
      ? ` (stopped at cable.index.maxFiles = ${count(this.settings.maxFiles)}; ${count(listing.beyondLimit)} more files not read)`
      : '';
    const summary = `Indexed ${count(folder.files.size)} cable file(s) in ${folder.path} in ${seconds} s (${count(reused)} unchanged since last read)${limited}.`;
    if (!this.disposed) log.info(summary);
    progress?.done(`${count(this.index.cableTotal)} cables indexed${folder.limited ? ' (limit reached)' : ''}`);
    if (folder.dirty && !this.disposed) await this.writeCache(folder);
  }

  /** Looks at each uri on disk again: a file is re-read if it changed, a folder listed, a missing path forgotten with all beneath it. */
  private recheck(uris: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      const jobs = new Map<string, { folder: Folder; job: FileJob }>();
      const add = (folder: Folder, path: string, known: FileStamp | undefined) =>
        jobs.set(path, { folder, job: known ? { path, known } : { path } });
      for (const uri of uris) {
        if (!uri.startsWith('file:')) {
          if (!this.open.has(uri)) this.index.removeFile(uri);
          continue;
        }
        const path = fileURLToPath(uri);
        const folder = await this.folderOf(path);
        if (!folder) {
          if (!this.open.has(uri)) this.index.removeFile(uri);
          continue;
        }
        // A deleted or renamed folder: its files are looked at one by one (each is gone, or moved).
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        for (const [known, stamp] of folder.files) if (known.startsWith(prefix)) add(folder, fileURLToPath(known), stamp);
        const listing = await listCandidateFiles(path, { maxFiles: Number.MAX_SAFE_INTEGER, isCancelled: () => this.disposed });
        for (const inside of listing.paths) add(folder, inside, folder.files.get(pathToFileURL(inside).href));
        add(folder, path, folder.files.get(uri));
      }
      const byFolder = new Map<Folder, FileJob[]>();
      for (const { folder, job } of jobs.values()) {
        const list = byFolder.get(folder);
        if (list) list.push(job);
        else byFolder.set(folder, [job]);
      }
      const changed: string[] = [];
      for (const [folder, folderJobs] of byFolder) {
        await this.options.summariser.run(
          folderJobs,
          this.settings.maxFileBytes,
          (results) => changed.push(...this.apply(folder, results, new Map())),
          () => this.disposed,
        );
      }
      if (changed.length) {
        this.options.onFilesChanged?.(changed);
        this.scheduleCacheWrite();
      }
      this.sendStatus();
    });
  }

  /** Applies summaries to the index; returns the uris whose entry changed. A cached entry is dropped once used, so the cache and the index are not both held whole. */
  private apply(folder: Folder, results: readonly FileResult[], cached: Map<string, CachedFile>): string[] {
    const changed: string[] = [];
    for (const result of results) {
      const uri = pathToFileURL(result.path).href;
      switch (result.kind) {
        case 'summary':
          this.keepDiskFile(folder, uri, result.stamp, result.summary);
          folder.dirty = true;
          changed.push(uri);
          break;
        case 'unchanged': {
          // Unchanged since the index or the cache read it: keep what is there, or take the cache's summary.
          const summary = folder.files.has(uri) ? undefined : cached.get(uri)?.summary;
          cached.delete(uri);
          if (summary) {
            this.keepDiskFile(folder, uri, result.stamp, summary);
            changed.push(uri);
          } else if (!folder.files.has(uri)) this.forgetDiskFile(folder, uri);
          break;
        }
        case 'failed':
          this.options.log.error(`Could not read ${result.path}: ${result.error}`);
          folder.skipped++;
          if (this.forgetDiskFile(folder, uri)) changed.push(uri);
          break;
        case 'skipped':
          if (result.reason === 'too-big') folder.skipped++;
          if (this.forgetDiskFile(folder, uri)) changed.push(uri);
          break;
        default:
          result satisfies never;
      }
    }
    return changed;
  }

  private keepDiskFile(folder: Folder, uri: string, stamp: FileStamp, summary: FileSummary): void {
    folder.files.set(uri, stamp);
    if (this.open.has(uri)) this.diskSummaries.set(uri, summary);
    else this.index.setSummary(uri, summary);
  }

  /** Returns true when the file was in the index from disk. */
  private forgetDiskFile(folder: Folder, uri: string): boolean {
    const had = folder.files.delete(uri);
    if (had) folder.dirty = true;
    this.diskSummaries.delete(uri);
    if (!this.open.has(uri)) this.index.removeFile(uri);
    return had;
  }

  private isFromDisk(uri: string): boolean {
    for (const folder of this.folders.values()) if (folder.files.has(uri)) return true;
    return false;
  }

  /** The workspace folder a path lies in once symlinks are resolved, so a link never lets a file from elsewhere in. */
  private async folderOf(path: string): Promise<Folder | undefined> {
    const real = await realpath(path).catch(() => path);
    for (const folder of this.folders.values()) {
      if (isInside(folder.path, path) && isInside(await realpath(folder.path).catch(() => folder.path), real)) return folder;
    }
    return undefined;
  }

  private async readCache(file: string, folder: string): Promise<Map<string, CachedFile>> {
    const reading = await readIndexCache(file, folder, this.options.serverVersion ?? '');
    if (reading.kind === 'read') return reading.files;
    if (reading.kind === 'rejected')
      this.options.log.info(`The index cache ${file} was not used: ${reading.why}. The folder is read again.`);
    return new Map();
  }

  private scheduleCacheWrite(): void {
    if (!this.options.cacheDirectory || this.disposed) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.enqueue(() => this.writeCaches()), CACHE_WRITE_DELAY_MS);
    this.cacheTimer.unref?.();
  }

  private async writeCaches(): Promise<void> {
    for (const folder of this.folders.values()) if (folder.dirty) await this.writeCache(folder);
  }

  private async writeCache(folder: Folder): Promise<void> {
    const directory = this.options.cacheDirectory;
    if (!directory) return;
    const file = cacheFileOf(directory, folder.path);
    const entries = function* (this: WorkspaceCables): Iterable<[string, CachedFile]> {
      for (const [uri, stamp] of folder.files) {
        const summary = this.diskSummaries.get(uri) ?? this.index.summaryOf(uri);
        if (summary) yield [uri, { stamp, summary }];
      }
    }.call(this);
    try {
      await writeIndexCache(file, folder.path, this.options.serverVersion ?? '', entries);
      folder.dirty = false;
    } catch (error) {
      this.options.log.error(`Could not write the index cache ${file}: ${describeError(error)}`);
    }
  }
}

/** The local folders among the client's workspace folder URIs (`untitled:`, `vscode-vfs:` and the like have no disk). */
export function localFolders(folderUris: readonly string[]): string[] {
  return folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri).replace(/\/+$/, '') || '/');
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
