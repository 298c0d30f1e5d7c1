/**
 * One parse per document version: every feature of a request (and the diagnostics) reads the same cached
 * model, and typing only costs a parse when a feature asks for the new version. A parser bug is logged with
 * its stack and the document's uri, as a rule's is, and the document gets the parser-failure model (CBL002).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from '../language/model';
import { parserFailureModel } from '../language/parse/parseCableFile';
import { describeError } from '../runSafe';

interface CachedModel {
  version: number;
  /** The text the model was parsed from, so the next version's parse can reuse what an edit left alone. */
  text: string;
  model: CableFile;
}

/**
 * The language service's parse: whole text in, model out; `onFailure` hears a parser bug it caught; `edited`
 * says the document is being edited, with `previous` (the text and model of the version cached before) when
 * there is one, so that it reparses only what changed, for the same model.
 */
export type ParseDocument = (
  document: TextDocument,
  onFailure: (error: unknown) => void,
  edited: { previous?: { text: string; model: CableFile } },
) => CableFile;

/** uri → model of the latest version asked for; an older version is replaced, a closed document dropped. */
export class DocumentModels {
  private readonly cache = new Map<string, CachedModel>();

  /** `logError` gets a parser failure with its stack and the document's uri (the server's log in the server). */
  constructor(
    private readonly parse: ParseDocument,
    private readonly logError: (message: string) => void = () => undefined,
  ) {}

  /** The model of `document` at its current version, parsed at most once per version. */
  get(document: TextDocument): CableFile {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const text = document.getText();
    const model = this.parseLogged(document, cached);
    this.cache.set(document.uri, { version: document.version, text, model });
    return model;
  }

  /** Forgets a document, e.g. on close, so the cache holds only open documents. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }

  get size(): number {
    return this.cache.size;
  }

  /** The parse, with a failure logged, whether the parser caught it or it escaped the parse function. */
  private parseLogged(document: TextDocument, previous: CachedModel | undefined): CableFile {
    const onFailure = (error: unknown) =>
      this.logError(`The cable parser failed on ${document.uri} (version ${document.version}): ${describeError(error)}`);
    try {
      return this.parse(document, onFailure, { previous: previous && { text: previous.text, model: previous.model } });
    } catch (error) {
      onFailure(error);
      return parserFailureModel(error);
    }
  }
}
