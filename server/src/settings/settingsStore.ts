/**
 * Settings per document. With a client that answers `workspace/configuration`, each document's `cable`
 * section is asked for with its uri as scope (folder settings may differ) and cached until the next
 * `workspace/didChangeConfiguration`. Without one, the settings pushed in that notification (if any) apply
 * to every document, else the defaults. The document's `.cable-lint.json` files (`configFor`) lie under
 * those settings: they are read on every `get`, from the configurations' own cache.
 */
import { withFileConfig } from './fileConfigSettings';
import type { FileConfig } from '../language/config/effectiveConfig';
import { DEFAULT_DOCUMENT_SETTINGS, toDocumentSettings, type DocumentSettings } from './settingsMapping';
import { describeError } from '../runSafe';

/** Asks the client for the raw `cable` section of one document (`workspace/configuration`). */
export type ConfigurationFetch = (uri: string) => Promise<unknown>;

export interface SettingsLog {
  info(message: string): void;
  error(message: string): void;
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<DocumentSettings>>();
  private pushed: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS;
  /** Setting problems already logged since the last change, so ten open documents give one line, not ten. */
  private readonly logged = new Set<string>();

  /** `fetch` is absent when the client has no configuration capability; `configFor` gives a file's `.cable-lint.json` settings. */
  constructor(
    private readonly fetch: ConfigurationFetch | undefined,
    private readonly log: SettingsLog,
    private readonly configFor?: (uri: string) => FileConfig | undefined,
  ) {}

  /** The settings of one document; asks the client at most once per document between changes. */
  get(uri: string): Promise<DocumentSettings> {
    return this.forFile(uri, uri);
  }

  /** The settings of the file `uri` with the editor settings of `scopeUri` (its workspace folder, for files not open). */
  forFile(uri: string, scopeUri: string): Promise<DocumentSettings> {
    const editor = this.editorSettings(scopeUri);
    return this.configFor ? editor.then((settings) => withFileConfig(settings, this.configOf(uri))) : editor;
  }

  private configOf(uri: string): FileConfig | undefined {
    try {
      return this.configFor?.(uri);
    } catch (error) {
      this.log.error(
        `Reading the .cable-lint.json files for ${uri} failed; using none: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return undefined;
    }
  }

  private editorSettings(uri: string): Promise<DocumentSettings> {
    if (!this.fetch) return Promise.resolve(this.pushed);
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.read(this.fetch, uri);
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  /**
   * Forgets every cached reading (`workspace/didChangeConfiguration`). `pushedSettings` is the notification's
   * `settings` payload: used only by clients that cannot be asked, and read from its `cable` member.
   */
  invalidate(pushedSettings?: unknown): void {
    this.perUri.clear();
    this.logged.clear();
    if (!this.fetch && typeof pushedSettings === 'object' && pushedSettings !== null && 'cable' in pushedSettings) {
      this.pushed = toDocumentSettings((pushedSettings as { cable: unknown }).cable, (message) => this.logOnce(message));
    }
  }

  /** Drops a closed document's settings. */
  delete(uri: string): void {
    this.perUri.delete(uri);
  }

  private async read(fetch: ConfigurationFetch, uri: string): Promise<DocumentSettings> {
    try {
      return toDocumentSettings(await fetch(uri), (message) => this.logOnce(message));
    } catch (error) {
      // Not cached: the next request asks again rather than keeping defaults for good.
      this.perUri.delete(uri);
      this.log.error(`Reading the cable settings for ${uri} failed; using the defaults: ${describeError(error)}`);
      return DEFAULT_DOCUMENT_SETTINGS;
    }
  }

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.log.info(message);
  }
}
