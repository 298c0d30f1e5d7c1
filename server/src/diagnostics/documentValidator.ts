/**
 * Validates one document the way its settings ask, for both diagnostics models (push and pull): nothing
 * when `cable.validate.enable` is false, the last opened or saved version when `cable.validate.run` is
 * `onSave`, else the current version. When `maxNumberOfProblems` cut the list, the user is told once per
 * open document with a `window/showMessage` notice rather than an extra diagnostic, so the Problems view
 * holds only real problems and no rule code has to be invented for the notice.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModels } from '../documents/documentModels';
import type { LanguageService } from '../language/languageService';
import type { SavedVersions } from '../documents/savedVersions';
import type { SettingsStore } from '../settings/settingsStore';

export interface ValidatedVersion {
  /** The document version the diagnostics describe. */
  version: number;
  diagnostics: Diagnostic[];
  /** True when the result is stale as soon as the document changes (validation while typing). */
  followsTyping: boolean;
}

export interface DocumentValidatorDeps {
  documents: { get(uri: string): TextDocument | undefined };
  models: DocumentModels;
  saved: SavedVersions;
  settings: SettingsStore;
  service: Pick<LanguageService, 'validate'>;
  /** Shows an information message to the user. */
  notify(message: string): void;
  /** Logs a bug: a rule that threw while checking the document `uri`. */
  logRuleFailure?(uri: string, rule: { code: string; name: string }, error: unknown): void;
}

export class DocumentValidator {
  private readonly toldCapped = new Set<string>();

  constructor(private readonly deps: DocumentValidatorDeps) {}

  /** Diagnostics for the document as the settings say; undefined when it is not open. */
  async validate(uri: string): Promise<ValidatedVersion | undefined> {
    const settings = await this.deps.settings.get(uri);
    // Read after the settings arrive: the document may have changed meanwhile.
    const document = this.deps.documents.get(uri);
    if (!document) return undefined;
    if (!settings.validate.enable) return { version: document.version, diagnostics: [], followsTyping: false };
    const onSave = settings.validate.run === 'onSave';
    const source = (onSave && this.deps.saved.get(uri)) || { version: document.version, model: this.deps.models.get(document) };
    const { diagnostics, capped } = this.deps.service.validate(source.model, settings.language, (rule, error) =>
      this.deps.logRuleFailure?.(uri, rule, error),
    );
    if (capped) this.tellCapped(document, settings.language.maxNumberOfProblems);
    return { version: source.version, diagnostics, followsTyping: !onSave };
  }

  /** True while a result still describes what should be shown for the document. */
  isCurrent(uri: string, result: Pick<ValidatedVersion, 'version' | 'followsTyping'>): boolean {
    const document = this.deps.documents.get(uri);
    return document !== undefined && (!result.followsTyping || document.version === result.version);
  }

  /** Forgets a closed document, so reopening it may tell about the cap again. */
  forget(uri: string): void {
    this.toldCapped.delete(uri);
  }

  private tellCapped(document: TextDocument, max: number): void {
    if (this.toldCapped.has(document.uri)) return;
    this.toldCapped.add(document.uri);
    this.deps.notify(
      `${fileNameOf(document.uri)} has more than ${max} problems; only the first ${max} are shown. Raise "cable.maxNumberOfProblems" to see them all.`,
    );
  }
}

function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
