/**
 * The workspace index as the server keeps it: cables found on disk in the workspace folders, overridden by
 * the open documents' current text. Open documents are re-indexed lazily, when a workspace query comes,
 * so typing costs no indexing; the model comes from the shared per-version cache, so no extra parse.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from './language/model';
import { InMemoryWorkspaceIndex, type IndexedCable, type WorkspaceIndex } from './language/workspaceIndex';
import { describeError } from './runSafe';
import { DEFAULT_SCAN_LIMITS, localFolders, readCable, scanWorkspaceFolders, type ScanLimits } from './workspaceFiles';

export interface WorkspaceLog {
  info(message: string): void;
  error(message: string): void;
}

export interface WorkspaceCablesOptions {
  /** The model of an open document at its current version (the shared cache). */
  modelOf(document: TextDocument): CableFile;
  log: WorkspaceLog;
  limits?: ScanLimits;
}

export class WorkspaceCables implements WorkspaceIndex {
  private readonly index = new InMemoryWorkspaceIndex();
  private readonly open = new Map<string, TextDocument>();
  /** Open documents changed since they were last indexed. */
  private readonly dirty = new Set<string>();
  /** Local folder paths, for re-reading a closed file only when it lies inside one. */
  private readonly folders = new Set<string>();
  /** Scans run one after the other, so folder changes apply in order. */
  private scans: Promise<void> = Promise.resolve();
  private disposed = false;
  private filesFromDisk = 0;

  constructor(private readonly options: WorkspaceCablesOptions) {}

  findCableFiles(refId: string): Location[] {
    this.flush();
    return this.index.findCableFiles(refId);
  }

  findCitations(refId: string): Location[] {
    this.flush();
    return this.index.findCitations(refId);
  }

  allCables(): IndexedCable[] {
    this.flush();
    return this.index.allCables();
  }

  opened(document: TextDocument): void {
    this.open.set(document.uri, document);
    this.dirty.add(document.uri);
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
    return this.readFromDisk(uri);
  }

  /** Scans new workspace folders in the background (`file:` URIs only). */
  addFolders(folderUris: readonly string[]): void {
    const paths = localFolders(folderUris);
    paths.forEach((path) => this.folders.add(path));
    if (paths.length > 0) this.scans = this.scans.then(() => this.scan(paths));
  }

  /** Forgets removed folders and the files read from them (open documents stay). */
  removeFolders(folderUris: readonly string[]): void {
    const paths = localFolders(folderUris);
    paths.forEach((path) => this.folders.delete(path));
    this.scans = this.scans.then(() => {
      for (const { uri } of this.index.allCables()) {
        if (!this.open.has(uri) && uri.startsWith('file:') && paths.some((folder) => isInside(folder, fileURLToPath(uri)))) {
          this.index.removeFile(uri);
        }
      }
    });
  }

  /** Stops scanning (shutdown). */
  dispose(): void {
    this.disposed = true;
  }

  /** Resolves when every scan started so far has ended; for tests and logs. */
  whenScanned(): Promise<void> {
    return this.scans;
  }

  private flush(): void {
    for (const uri of this.dirty) {
      const document = this.open.get(uri);
      if (document) this.index.setFile(uri, document.getText(), this.options.modelOf(document));
    }
    this.dirty.clear();
  }

  private async scan(paths: string[]): Promise<void> {
    const { log } = this.options;
    const limits = this.options.limits ?? DEFAULT_SCAN_LIMITS;
    const report = await scanWorkspaceFolders(
      paths,
      (uri, text) => {
        if (!this.open.has(uri)) this.index.setFile(uri, text);
      },
      {
        limits: { ...limits, maxFiles: Math.max(0, limits.maxFiles - this.filesFromDisk) },
        isCancelled: () => this.disposed,
        onError: (path, error) => log.error(`Could not read ${path}: ${describeError(error)}`),
      },
    );
    this.filesFromDisk += report.files;
    if (!this.disposed) {
      log.info(`Indexed ${report.files} cable file(s) in ${paths.join(', ')}${report.incomplete ? ' (stopped early: a limit was reached)' : ''}.`);
    }
  }

  private async readFromDisk(uri: string): Promise<void> {
    let text: string | undefined;
    try {
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      if (path && (await this.isInWorkspace(path))) text = await readCable(path, (this.options.limits ?? DEFAULT_SCAN_LIMITS).maxBytes);
    } catch {
      // Deleted or unreadable since: it leaves the index.
    }
    if (this.open.has(uri)) return; // reopened meanwhile: the open document wins
    if (text === undefined) this.index.removeFile(uri);
    else this.index.setFile(uri, text);
  }

  /** Inside a workspace folder once symlinks are resolved, so a link never lets a file from elsewhere in. */
  private async isInWorkspace(path: string): Promise<boolean> {
    const real = await realpath(path);
    for (const folder of this.folders) {
      if (isInside(await realpath(folder).catch(() => folder), real)) return true;
    }
    return false;
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
