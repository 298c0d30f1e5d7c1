/**
 * The workspace index for a server that cannot read folders itself (the browser's Web Worker): the client
 * lists each workspace folder's candidate files and hands over their text (`WorkspaceFiles`), and the files
 * are parsed and summarised here, a few at a time, between other work. Open documents override their file's
 * text (`WorkspaceIndexBase`), as on Node. There is no persistent cache: each session
 * reads the folders again, and the status says how far it got.
 */
import { SNIFF_BYTES, looksLikeCable } from '../../../shared/cableDetection';
import { candidateKind } from '../../../shared/cableFiles';
import { formatCount as count } from '../../../shared/formatCount';
import type { ReadFileResult, WorkspaceFilesResult } from '../../../shared/protocol';
import { nextTurn } from '../eventLoop';
import { describeError } from '../runSafe';
import type { IndexSettings } from '../settings/settingsMapping';
import type { ServerWorkspace, ServerWorkspaceOptions } from './serverWorkspace';
import { WorkspaceIndexBase, type IndexedFolder } from './workspaceIndexBase';

/** What the client does for the index: list a folder's candidate files, read one. */
export interface WorkspaceFiles {
  list(folderUri: string, maxFiles: number): Promise<WorkspaceFilesResult>;
  read(uri: string, maxBytes: number): Promise<ReadFileResult>;
}

/** Files read at once: requests to the client overlap, parsing stays between them. */
const READS_IN_FLIGHT = 8;

interface Folder extends IndexedFolder {
  uri: string;
  /** Files of this folder in the index. */
  files: Set<string>;
}

export class ClientFilesWorkspace extends WorkspaceIndexBase<Folder> implements ServerWorkspace {
  constructor(
    options: ServerWorkspaceOptions,
    private readonly files: WorkspaceFiles,
  ) {
    super(options);
  }

  diskFiles(): string[] {
    return [...this.folders.values()].flatMap((folder) => [...folder.files]);
  }

  hasDiskFile(uri: string): boolean {
    return this.folderOf(uri)?.files.has(uri) ?? false;
  }

  folderUriOf(uri: string): string | undefined {
    const folder = this.folderOf(uri);
    return folder?.files.has(uri) ? folder.uri : undefined;
  }

  // ---- open documents ----

  closed(uri: string): Promise<void> {
    this.forgetOpen(uri);
    return this.reread([uri]);
  }

  // ---- folders, settings, changes ----

  addFolders(folderUris: readonly string[]): void {
    for (const uri of folderUris.map(withoutTrailingSlash)) {
      if (this.folders.has(uri)) continue;
      const folder: Folder = { uri, files: new Set(), skipped: 0, limited: false };
      this.folders.set(uri, folder);
      this.enqueueScan(() => this.scan(folder));
    }
  }

  removeFolders(folderUris: readonly string[]): void {
    for (const uri of folderUris.map(withoutTrailingSlash)) {
      const folder = this.folders.get(uri);
      if (!folder) continue;
      this.folders.delete(uri);
      this.enqueue(async () => {
        for (const file of folder.files) if (!this.open.has(file)) this.index.removeFile(file);
        this.options.onFilesChanged?.([...folder.files]);
        folder.files.clear();
        this.sendStatus();
      });
    }
  }

  setSettings(settings: IndexSettings): void {
    if (this.settingsChanged(settings)) for (const folder of this.folders.values()) this.enqueueScan(() => this.scan(folder));
  }

  /** Each changed uri is read again; a deleted folder takes its files with it. */
  filesChanged(uris: readonly string[]): Promise<void> {
    return this.reread(uris);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.whenScanned();
  }

  // ---- internals ----

  private async scan(folder: Folder): Promise<void> {
    if (!this.folders.has(folder.uri)) return;
    const started = Date.now();
    const progress = this.options.beginProgress?.('Indexing cables');
    progress?.report('Listing files…');
    const budget = this.listingBudget(folder);
    const listing = await this.files.list(folder.uri, budget);
    const listed = new Set(listing.uris);
    for (const uri of [...folder.files]) if (!listed.has(uri)) this.forget(folder, uri);
    folder.skipped = 0;
    folder.limited = listing.truncated;
    this.scanTotal = listing.uris.length;
    this.sendStatus();
    let done = 0;
    const changed = await this.readAll(folder, listing.uris, (read) => {
      done += read;
      progress?.report(
        `${count(done)} of ${count(listing.uris.length)} files`,
        listing.uris.length ? Math.floor((done / listing.uris.length) * 100) : undefined,
      );
      this.sendStatus();
    });
    if (changed.length) this.options.onFilesChanged?.(changed);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const limited = folder.limited ? ` (stopped at cable.index.maxFiles = ${count(this.settings.maxFiles)})` : '';
    if (!this.disposed)
      this.options.log.info(
        `Indexed ${count(folder.files.size)} cable file(s) in ${folder.uri} in ${seconds} s, read through the editor${limited}.`,
      );
    progress?.done(`${count(this.index.cableTotal)} cables indexed${folder.limited ? ' (limit reached)' : ''}`);
  }

  private reread(uris: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      const changed: string[] = [];
      for (const uri of uris) {
        const folder = this.folderOf(uri);
        if (!folder) {
          if (!this.open.has(uri)) this.index.removeFile(uri);
          continue;
        }
        // A deleted or renamed folder: the files known under it are read again (each is gone, or moved).
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        const known = [...folder.files].filter((file) => file.startsWith(prefix));
        changed.push(...(await this.readAll(folder, known.length > 0 ? known : [uri])));
      }
      if (changed.length) this.options.onFilesChanged?.(changed);
      this.sendStatus();
    });
  }

  /** Reads and indexes `uris` of `folder`, a few requests in flight at once; returns the uris whose entry changed. */
  private async readAll(folder: Folder, uris: readonly string[], onRead?: (read: number) => void): Promise<string[]> {
    const changed: string[] = [];
    for (let start = 0; start < uris.length && !this.disposed && this.folders.has(folder.uri); start += READS_IN_FLIGHT) {
      const batch = uris.slice(start, start + READS_IN_FLIGHT);
      const results = await Promise.all(
        batch.map((uri) =>
          this.files
            .read(uri, this.settings.maxFileBytes)
            .catch((error: unknown): ReadFileResult => ({ kind: 'failed', error: describeError(error) })),
        ),
      );
      batch.forEach((uri, i) => {
        if (this.apply(folder, uri, results[i])) changed.push(uri);
      });
      onRead?.(batch.length);
      await nextTurn();
    }
    return changed;
  }

  /** True when the file's entry changed. */
  private apply(folder: Folder, uri: string, result: ReadFileResult): boolean {
    switch (result.kind) {
      case 'text': {
        if (candidateKind(uri.split(/[?#]/)[0]) !== 'cable' && !looksLikeCable(result.text.slice(0, SNIFF_BYTES)))
          return this.forget(folder, uri);
        folder.files.add(uri);
        if (!this.open.has(uri)) this.index.setFile(uri, result.text);
        return true;
      }
      case 'tooBig':
        folder.skipped++;
        return this.forget(folder, uri);
      case 'failed':
        this.options.log.error(`Could not read ${uri}: ${result.error}`);
        folder.skipped++;
        return this.forget(folder, uri);
      case 'missing':
        return this.forget(folder, uri);
      default:
        return result satisfies never;
    }
  }

  private forget(folder: Folder, uri: string): boolean {
    const had = folder.files.delete(uri);
    if (!this.open.has(uri)) this.index.removeFile(uri);
    return had;
  }

  /** The folder whose URI is a prefix of `uri`: the innermost, when folders nest. */
  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders.values()) {
      if ((uri === folder.uri || uri.startsWith(`${folder.uri}/`)) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }
}

function withoutTrailingSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}
