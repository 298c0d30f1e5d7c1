/**
 * One parse per document version: every feature of a request (and the diagnostics) reads the same cached
 * model, and typing only costs a parse when a feature asks for the new version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from './language/model';

interface CachedModel {
  version: number;
  model: CableFile;
}

/** uri → model of the latest version asked for; an older version is replaced, a closed document dropped. */
export class DocumentModels {
  private readonly cache = new Map<string, CachedModel>();

  /** `parse` is the language service's: whole text in, model out. */
  constructor(private readonly parse: (document: TextDocument) => CableFile) {}

  /** The model of `document` at its current version, parsed at most once per version. */
  get(document: TextDocument): CableFile {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = this.parse(document);
    this.cache.set(document.uri, { version: document.version, model });
    return model;
  }

  /** Forgets a document, e.g. on close, so the cache holds only open documents. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }

  get size(): number {
    return this.cache.size;
  }
}
