/**
 * The workspace index as the server keeps it: the cables of the workspace folders on disk, overridden by the
 * open documents' current text. Folders are listed, then their files summarised in workers (see
 * `fileSummariser.ts`), revalidated against the persistent cache by size and modification time; watched-file
 * changes re-read what changed. Open documents are re-indexed lazily, when a query comes, so typing costs no
 * indexing; their model comes from the shared per-version cache, so no extra parse.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexStatus } from '../../../shared/protocol';
import type { CableFile } from '../language/model';
import type { FileSummary } from '../language/workspace/fileSummary';
import { InMemoryWorkspaceIndex, type IndexCompleteness, type IndexedCable, type WorkspaceIndex } from '../language/workspace/workspaceIndex';
import { describeError } from '../runSafe';
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from '../settingsMapping';
import type { FileSummariser } from './fileSummariser';
import { listCandidateFiles } from './folderListing';
import { cacheFileOf, readIndexCache, writeIndexCache, type CachedFile } from './indexCache';
import type { FileJob, FileResult, FileStamp } from './summariseFile';
import { formatCount as count } from '../../../shared/formatCount';

export interface WorkspaceLog {
  info(message: string): void;
  error(message: string): void;
}

/** Work-done progress of a scan, as the editor shows it. */
export interface ScanProgress {
  report(message: string, percentage?: number): void;
  done(message: string): void;
}

export interface WorkspaceCablesOptions {
  /** The model of an open document at its current version (the shared cache). */
  modelOf(document: TextDocument): CableFile;
  log: WorkspaceLog;
  summariser: FileSummariser;
  /** Where the index cache lives; no cache when absent. */
  cacheDirectory?: string;
  serverVersion?: string;
  /** Starts the editor's progress for a scan, when it can show one. */
  beginProgress?(title: string): ScanProgress;
  /** Told whenever the state or the counts change (the server throttles what it sends). */
  onStatus?(status: IndexStatus): void;
  /** Told which files entered, changed or left the index from disk. */
  onFilesChanged?(uris: readonly string[]): void;
}

/** A workspace folder and what the index read from it. */
interface Folder {
  path: string;
  /** Files of this folder in the index from disk, with the stamp of the version read. */
  files: Map<string, FileStamp>;
  /** Files left out because a limit was reached or they were too big or unreadable. */
  skipped: number;
  limited: boolean;
  /** True when the files changed since the cache was written. */
  dirty: boolean;
}

/** How long after the last change the cache is written again. */
const CACHE_WRITE_DELAY_MS = 5000;

export class WorkspaceCables implements WorkspaceIndex {
  private readonly index = new InMemoryWorkspaceIndex();
  private readonly open = new Map<string, TextDocument>();
  /** Open documents changed since they were last indexed. */
  private readonly dirty = new Set<string>();
  /** The disk version's summary of files that are open (the index holds the open text's), for the cache. */
  private readonly diskSummaries = new Map<string, FileSummary>();
  private readonly folders = new Map<string, Folder>();
  private settings: IndexSettings = DEFAULT_INDEX_SETTINGS;
  /** Scans and re-checks run one after the other, so changes apply in order. */
  private queue: Promise<void> = Promise.resolve();
  private scansPending = 0;
  private scanProgress: { done: number; total?: number } | undefined;
  private disposed = false;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: WorkspaceCablesOptions) {}

  // ---- WorkspaceIndex, for the language service ----

  get version(): number {
    this.flush();
    return this.index.version;
  }

  findCableFiles(refId: string): Location[] {
    this.flush();
    return this.index.findCableFiles(refId);
  }

  findCitations(refId: string): Location[] {
    this.flush();
    return this.index.findCitations(refId);
  }

  cablesWithId(refId: string): IndexedCable[] {
    this.flush();
    return this.index.cablesWithId(refId);
  }

  cables(): readonly IndexedCable[] {
    this.flush();
    return this.index.cables();
  }

  completeness(): IndexCompleteness {
    const files = this.index.size;
    if (this.scansPending > 0) return { state: 'scanning', files, ...(this.scanProgress?.total !== undefined ? { total: this.scanProgress.total } : {}) };
    if ([...this.folders.values()].some((folder) => folder.limited)) {
      return { state: 'limited', files, limit: { setting: 'cable.index.maxFiles', value: this.settings.maxFiles } };
    }
    return { state: 'complete', files };
  }

  /** What the status bar shows. */
  status(): IndexStatus {
    this.flush();
    const completeness = this.completeness();
    const skipped = [...this.folders.values()].reduce((sum, folder) => sum + folder.skipped, 0);
    const state = this.folders.size === 0 && completeness.state === 'complete' ? 'idle' : completeness.state === 'complete' ? 'ready' : completeness.state;
    return {
      state,
      files: this.index.size,
      cables: this.index.cableTotal,
      ...(state === 'scanning' && this.scanProgress?.total !== undefined ? { total: this.scanProgress.total } : {}),
      skipped,
      ...(completeness.limit ? { limit: completeness.limit } : {}),
    };
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

  opened(document: TextDocument): void {
    this.open.set(document.uri, document);
    this.dirty.add(document.uri);
    const onDisk = this.index.summaryOf(document.uri);
    if (onDisk && this.isFromDisk(document.uri)) this.diskSummaries.set(document.uri, onDisk);
    // An open cable counts in the status (its model is the one the diagnostics parse anyway).
    this.sendStatus();
  }

  changed(document: TextDocument): void {
    // Each version is a new document object (see documentUpdates.ts): keep the latest.
    this.open.set(document.uri, document);
    this.dirty.add(document.uri);
  }

  /**
   * A closed document falls back to its file on disk when that is a workspace cable, else leaves the index.
   * Its last text stays indexed until the disk has been read, so queries meanwhile still find it.
   */
  closed(uri: string): Promise<void> {
    const document = this.open.get(uri);
    if (document && this.dirty.has(uri)) this.index.setFile(uri, document.getText(), this.options.modelOf(document));
    this.open.delete(uri);
    this.dirty.delete(uri);
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
      this.enqueueScan(folder);
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
    if (settings.maxFiles === this.settings.maxFiles && settings.maxFileBytes === this.settings.maxFileBytes) return;
    this.settings = settings;
    for (const folder of this.folders.values()) this.enqueueScan(folder);
  }

  /** Files created, changed or deleted (watched-file events): each is looked at again on disk, a folder with what it holds. */
  filesChanged(uris: readonly string[]): Promise<void> {
    return this.recheck(uris);
  }

  /** Stops scanning and writes the cache if it changed (shutdown). */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.cacheTimer);
    await this.queue;
    await this.writeCaches();
  }

  /** Resolves when every scan and re-check started so far has ended; for tests and logs. */
  whenScanned(): Promise<void> {
    return this.queue;
  }

  // ---- internals ----

  private flush(): void {
    for (const uri of this.dirty) {
      const document = this.open.get(uri);
      if (document) this.index.setFile(uri, document.getText(), this.options.modelOf(document));
    }
    this.dirty.clear();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : work()));
    this.queue = run.catch((error: unknown) => this.options.log.error(`Indexing failed: ${describeError(error)}`));
    return this.queue;
  }

  private enqueueScan(folder: Folder): void {
    this.scansPending++;
    this.sendStatus();
    void this.enqueue(() => this.scan(folder)).finally(() => {
      this.scansPending--;
      if (this.scansPending === 0) this.scanProgress = undefined;
      this.sendStatus();
    });
  }

  private async scan(folder: Folder): Promise<void> {
    if (!this.folders.has(folder.path)) return;
    const { log } = this.options;
    const started = Date.now();
    const progress = this.options.beginProgress?.('Indexing cables');
    this.scanProgress = { done: 0 };
    progress?.report('Listing files…');

    const cacheFile = this.options.cacheDirectory ? cacheFileOf(this.options.cacheDirectory, folder.path) : undefined;
    const cached = cacheFile ? await this.readCache(cacheFile, folder.path) : new Map<string, CachedFile>();
    const cachedFiles = cached.size;
    const budget = Math.max(0, this.settings.maxFiles - this.filesFromOtherFolders(folder));
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
    this.scanProgress = { done: 0, total: jobs.length };
    this.sendStatus();

    let reused = 0;
    await this.options.summariser.run(jobs, this.settings.maxFileBytes, (results) => {
      for (const result of results) if (result.kind === 'unchanged') reused++;
      const changed = this.apply(folder, results, cached);
      if (changed.length) this.options.onFilesChanged?.(changed);
      this.scanProgress!.done += results.length;
      const { done, total } = this.scanProgress!;
      progress?.report(`${count(done)} of ${count(total!)} files`, total ? Math.floor((done / total) * 100) : undefined);
      this.sendStatus();
    }, () => this.disposed || !this.folders.has(folder.path));
    if (cachedFiles !== folder.files.size) folder.dirty = true;

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const limited = folder.limited ? ` (stopped at cable.index.maxFiles = ${count(this.settings.maxFiles)}; ${count(listing.beyondLimit)} more files not read)` : '';
    const summary = `Indexed ${count(folder.files.size)} cable file(s) in ${folder.path} in ${seconds} s (${count(reused)} unchanged since last read)${limited}.`;
    if (!this.disposed) log.info(summary);
    progress?.done(`${count(this.index.cableTotal)} cables indexed${folder.limited ? ' (limit reached)' : ''}`);
    if (folder.dirty && !this.disposed) await this.writeCache(folder);
  }

  /** Looks at each uri on disk again: a file is re-read if it changed, a folder listed, a missing path forgotten with all beneath it. */
  private recheck(uris: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      const jobs = new Map<string, { folder: Folder; job: FileJob }>();
      const add = (folder: Folder, path: string, known: FileStamp | undefined) => jobs.set(path, { folder, job: known ? { path, known } : { path } });
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
        await this.options.summariser.run(folderJobs, this.settings.maxFileBytes, (results) => changed.push(...this.apply(folder, results, new Map())), () => this.disposed);
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

  private filesFromOtherFolders(folder: Folder): number {
    let files = 0;
    for (const other of this.folders.values()) if (other !== folder) files += other.files.size;
    return files;
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
    if (reading.kind === 'rejected') this.options.log.info(`The index cache ${file} was not used: ${reading.why}. The folder is read again.`);
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

  private sendStatus(): void {
    this.options.onStatus?.(this.status());
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

