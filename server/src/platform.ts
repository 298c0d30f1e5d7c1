/**
 * What the server takes from the platform it runs on, so the same core runs in Node (`node/serverMain.ts`:
 * files on disk, worker threads, `fs.watch`) and in a browser's Web Worker (`browser/serverWorkerMain.ts`:
 * files through the client's `vscode.workspace.fs`). What a platform lacks is absent, and the server says
 * what it cannot do instead of failing.
 */
import type { CableInitializationOptions } from '../../shared/protocol';
import type { FileConfig } from './language/config/effectiveConfig';
import type { DocumentSettings } from './settings/settingsMapping';
import type { ServerWorkspace, ServerWorkspaceOptions } from './workspace/serverWorkspace';

/** Talks back to the client: the platform's own requests (reading files in a browser) go through it. */
export interface ClientChannel {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export interface ServerPlatform {
  /** Named in the log at start-up ("Node.js", "browser"). */
  readonly name: string;
  /** The workspace's cables, read from the workspace folders as this platform can. */
  createWorkspace(options: ServerWorkspaceOptions, context: PlatformContext): ServerWorkspace;
  /** The text of a workspace file that is not open (Check All); rejects when it cannot be read. */
  readFile(uri: string, context: PlatformContext): Promise<string>;
  /** The `.cable-lint.json` files that apply to each document; absent where they cannot be read. */
  createConfigs?(log: ConfigsLog): DocumentConfigs;
  /** Writes "off" for a rule into the nearest `.cable-lint.json`; absent where files cannot be written. */
  turnOffRule?(rawArgs: unknown, deps: TurnOffRuleDeps): Promise<unknown>;
  /** Watches the workspace folders itself, for clients that send no `workspace/didChangeWatchedFiles`. */
  createWatcher?(changed: (uris: string[]) => void, log: (message: string) => void): FolderWatching;
}

/** What a platform's pieces may use of the session. */
export interface PlatformContext {
  initializationOptions: CableInitializationOptions;
  client: ClientChannel;
}

export interface ConfigsLog {
  info(message: string): void;
  /** Shown to the user (a `window/showMessage` warning). */
  warn(message: string): void;
}

/** Each document's `.cable-lint.json` configurations, read once and kept until one changes. */
export interface DocumentConfigs {
  forUri(uri: string): FileConfig | undefined;
  /** True when a change concerns a configuration, which must then be read again. */
  changed(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): boolean;
  invalidate(): void;
}

export interface TurnOffRuleDeps {
  /** The workspace folders' URIs. */
  workspaceFolders(): Iterable<string>;
  /** Called once the file is written: configurations are read again and diagnostics refreshed. */
  written(path: string): void;
  settingsOf(uri: string): Promise<DocumentSettings>;
  showMessage(type: 'error' | 'warning', message: string): void;
}

export interface FolderWatching {
  add(folderUri: string): void;
  remove(folderUri: string): void;
  dispose(): void;
}
