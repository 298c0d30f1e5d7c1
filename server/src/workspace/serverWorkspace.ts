/**
 * What the server needs of the workspace's cables, whatever the platform: a `WorkspaceIndex` for the language
 * service, kept up to date from the open documents and the workspace folders. On Node the folders are read
 * from disk in workers with a persistent cache (`node/workspace/workspaceCables.ts`); in a browser worker
 * their files are listed and read through the client (`clientFilesWorkspace.ts`).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexStatus } from '../../../shared/protocol';
import type { CableFile } from '../language/model';
import type { WorkspaceIndex } from '../language/workspace/workspaceIndex';
import type { IndexSettings } from '../settings/settingsMapping';

export interface WorkspaceLog {
  info(message: string): void;
  error(message: string): void;
}

/** Work-done progress of a scan, as the editor shows it. */
export interface ScanProgress {
  report(message: string, percentage?: number): void;
  done(message: string): void;
}

/** What the server hands a workspace when it makes one. */
export interface ServerWorkspaceOptions {
  /** The model of an open document at its current version (the shared cache). */
  modelOf(document: TextDocument): CableFile;
  log: WorkspaceLog;
  /** Starts the editor's progress for a scan, when it can show one. */
  beginProgress?(title: string): ScanProgress;
  /** Told whenever the state or the counts change (the server throttles what it sends). */
  onStatus?(status: IndexStatus): void;
  /** Told which files entered, changed or left the index from the workspace folders. */
  onFilesChanged?(uris: readonly string[]): void;
}

export interface ServerWorkspace extends WorkspaceIndex {
  /** What the status bar shows. */
  status(): IndexStatus;
  /** The files read from the workspace folders, open or not: what "check every cable" checks. */
  diskFiles(): string[];
  hasDiskFile(uri: string): boolean;
  /** The workspace folder (its URI) a file of the index lies in. */
  folderUriOf(uri: string): string | undefined;

  opened(document: TextDocument): void;
  changed(document: TextDocument): void;
  /** A closed document falls back to its file in the workspace, if any; resolves once that has been read. */
  closed(uri: string): Promise<void>;

  addFolders(folderUris: readonly string[]): void;
  removeFolders(folderUris: readonly string[]): void;
  setSettings(settings: IndexSettings): void;
  /** Files created, changed or deleted: each is looked at again. */
  filesChanged(uris: readonly string[]): Promise<void>;
  /** Resolves when every scan and re-check started so far has ended. */
  whenScanned(): Promise<void>;
  dispose(): Promise<void>;
}
