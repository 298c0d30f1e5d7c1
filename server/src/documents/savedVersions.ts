/**
 * The last opened or saved version of each document with its model, for `cable.validate.run = onSave`:
 * diagnostics then describe the file as it is on disk, not the text being typed. Kept for every open
 * document whatever the setting, so switching to on-save mode has a version to show at once.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModels } from './documentModels';
import type { CableFile } from '../language/model';

export interface SavedVersion {
  version: number;
  model: CableFile;
}

export class SavedVersions {
  private readonly saved = new Map<string, SavedVersion>();

  constructor(private readonly models: DocumentModels) {}

  /** Remembers `document` as it is now (on open and on save); its model comes from the shared cache. */
  record(document: TextDocument): void {
    this.saved.set(document.uri, { version: document.version, model: this.models.get(document) });
  }

  get(uri: string): SavedVersion | undefined {
    return this.saved.get(uri);
  }

  delete(uri: string): void {
    this.saved.delete(uri);
  }
}
