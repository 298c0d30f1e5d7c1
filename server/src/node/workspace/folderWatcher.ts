/**
 * The server's own watching of the workspace folders, for clients that cannot send
 * `workspace/didChangeWatchedFiles`: a recursive `fs.watch` per folder, whose events (a path, no kind) are
 * collected for a moment and handed over as paths to look at again.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FolderWatching } from '../../platform';

const SETTLE_MS = 100;

export class FolderWatcher implements FolderWatching {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly changed: (uris: string[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  add(folderUri: string): void {
    if (!folderUri.startsWith('file:')) return;
    const folder = fileURLToPath(folderUri).replace(/\/+$/, '') || '/';
    if (this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        // Hidden and tool folders are not indexed, so their churn (.git) is not looked at; `.cable-lint.json` is.
        if (name && !/(^|\/)(\.(?!cable-lint\.json$)|node_modules\/)/.test(name.toString())) this.note(join(folder, name.toString()));
      });
      watcher.on('error', (error) => this.log(`Watching ${folder} failed: ${error.message}; changes on disk are seen at the next start.`));
      this.watchers.set(folder, watcher);
    } catch (error) {
      this.log(
        `Could not watch ${folder}: ${error instanceof Error ? error.message : String(error)}; changes on disk are seen at the next start.`,
      );
    }
  }

  remove(folderUri: string): void {
    if (!folderUri.startsWith('file:')) return;
    const folder = fileURLToPath(folderUri).replace(/\/+$/, '') || '/';
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    clearTimeout(this.timer);
  }

  private note(path: string): void {
    this.pending.add(pathToFileURL(path).href);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.changed(uris);
    }, SETTLE_MS);
  }
}
