/**
 * What every server workspace shares, however it reads the folders (disk on Node, the client in a browser):
 * the in-memory index, the open documents that override their file (re-indexed lazily, when a query comes,
 * so typing costs no indexing; their model comes from the shared per-version cache, so no extra parse), the
 * queue that applies scans and changes in order, and the status the editor shows.
 */
import type { Location } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexStatus } from '../../../shared/protocol';
import {
  InMemoryWorkspaceIndex,
  type IndexCompleteness,
  type IndexedCable,
  type WorkspaceIndex,
} from '../language/workspace/workspaceIndex';
import { describeError } from '../runSafe';
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from '../settings/settingsMapping';
import type { ServerWorkspaceOptions } from './serverWorkspace';

/** What the status needs of a workspace folder. */
export interface IndexedFolder {
  /** The folder's files in the index. */
  readonly files: { readonly size: number };
  /** Files left out because a limit was reached or they were too big or unreadable. */
  skipped: number;
  /** True when `cable.index.maxFiles` stopped the folder's listing. */
  limited: boolean;
}

export abstract class WorkspaceIndexBase<F extends IndexedFolder> implements WorkspaceIndex {
  protected readonly index = new InMemoryWorkspaceIndex();
  protected readonly open = new Map<string, TextDocument>();
  /** Open documents changed since they were last indexed. */
  protected readonly dirty = new Set<string>();
  protected readonly folders = new Map<string, F>();
  protected settings: IndexSettings = DEFAULT_INDEX_SETTINGS;
  protected disposed = false;
  /** While scanning: the files found that are to be read. */
  protected scanTotal: number | undefined;
  /** Scans and re-checks run one after the other, so changes apply in order. */
  private queue: Promise<void> = Promise.resolve();
  private scansPending = 0;

  constructor(protected readonly options: ServerWorkspaceOptions) {}

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
    if (this.scansPending > 0) return { state: 'scanning', files, ...(this.scanTotal !== undefined ? { total: this.scanTotal } : {}) };
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
    const state =
      this.folders.size === 0 && completeness.state === 'complete'
        ? 'idle'
        : completeness.state === 'complete'
          ? 'ready'
          : completeness.state;
    return {
      state,
      files: this.index.size,
      cables: this.index.cableTotal,
      ...(state === 'scanning' && completeness.total !== undefined ? { total: completeness.total } : {}),
      skipped,
      ...(completeness.limit ? { limit: completeness.limit } : {}),
    };
  }

  // ---- open documents ----

  opened(document: TextDocument): void {
    this.open.set(document.uri, document);
    this.dirty.add(document.uri);
    // An open cable counts in the status (its model is the one the diagnostics parse anyway).
    this.sendStatus();
  }

  changed(document: TextDocument): void {
    // Each version is a new document object (see documents/documentUpdates.ts): keep the latest.
    this.open.set(document.uri, document);
    this.dirty.add(document.uri);
  }

  /** Resolves when every scan and re-check started so far has ended; for tests and logs. */
  whenScanned(): Promise<void> {
    return this.queue;
  }

  // ---- for the platform's workspace ----

  /**
   * A document is closed: its last text stays indexed until its file has been read again, so queries
   * meanwhile still find it.
   */
  protected forgetOpen(uri: string): void {
    const document = this.open.get(uri);
    if (document && this.dirty.has(uri)) this.index.setFile(uri, document.getText(), this.options.modelOf(document));
    this.open.delete(uri);
    this.dirty.delete(uri);
  }

  protected flush(): void {
    for (const uri of this.dirty) {
      const document = this.open.get(uri);
      if (document) this.index.setFile(uri, document.getText(), this.options.modelOf(document));
    }
    this.dirty.clear();
  }

  protected enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : work()));
    this.queue = run.catch((error: unknown) => this.options.log.error(`Indexing failed: ${describeError(error)}`));
    return this.queue;
  }

  /** Queues a scan, counted in the status from now until it ends. */
  protected enqueueScan(scan: () => Promise<void>): void {
    this.scansPending++;
    this.sendStatus();
    void this.enqueue(scan).finally(() => {
      this.scansPending--;
      if (this.scansPending === 0) this.scanTotal = undefined;
      this.sendStatus();
    });
  }

  /** How many files a scan of `folder` may list: `cable.index.maxFiles` counts the files of all folders. */
  protected listingBudget(folder: F): number {
    let others = 0;
    for (const other of this.folders.values()) if (other !== folder) others += other.files.size;
    return Math.max(0, this.settings.maxFiles - others);
  }

  /** True when the new settings differ, so folders must be scanned again. */
  protected settingsChanged(settings: IndexSettings): boolean {
    if (settings.maxFiles === this.settings.maxFiles && settings.maxFileBytes === this.settings.maxFileBytes) return false;
    this.settings = settings;
    return true;
  }

  protected sendStatus(): void {
    this.options.onStatus?.(this.status());
  }
}
