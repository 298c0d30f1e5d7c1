/**
 * `.cable-lint.json` in the language server: the configurations of each document on disk, read as
 * `cable-lint` reads them (`ConfigLoader`), kept until one changes (`workspace/didChangeWatchedFiles`), and
 * put under the editor's settings (`cable.rules`, `cable.acronyms` win). A problem in a configuration is
 * logged and shown to the user once, with where it is; what can still be read applies.
 */
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, formatConfigProblem } from '../language/config/cableLintConfig';
import type { FileConfig } from '../language/config/effectiveConfig';
import type { ConfigsLog, DocumentConfigs } from '../platform';
import { ConfigLoader, type ConfigFileProblem } from './configLoader';

export class ServerConfigs implements DocumentConfigs {
  private readonly loader = new ConfigLoader((problem) => this.tell(problem));
  private readonly told = new Set<string>();

  constructor(private readonly log: ConfigsLog) {}

  /** What the configurations say for the document `uri`; undefined for documents not on disk or with none. */
  forUri(uri: string): FileConfig | undefined {
    const path = filePathOf(uri);
    return path === undefined ? undefined : this.loader.forFile(path);
  }

  /**
   * Forgets what was read when a change may concern a configuration: the file itself, or a deleted folder
   * (which may have held one). True when the configurations must be read again.
   */
  changed(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): boolean {
    const concerned = changes.some(({ uri, deleted }) => {
      const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      return name === CONFIG_FILE_NAME || (deleted && !name.includes('.'));
    });
    if (concerned) this.invalidate();
    return concerned;
  }

  invalidate(): void {
    this.loader.invalidate();
    this.told.clear();
  }

  private tell({ path, problem, unusable }: ConfigFileProblem): void {
    const text = `${formatConfigProblem(path, problem)}${unusable ? ' (the file is not used until this is corrected)' : ' (this value is left out)'}`;
    if (this.told.has(text)) return;
    this.told.add(text);
    this.log.info(text);
    this.log.warn(text);
  }
}

/** The path of a `file:` URI, else undefined (untitled documents have no configuration). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
