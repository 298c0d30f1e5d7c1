/**
 * Push model, for clients without `textDocument/diagnostic`: the server publishes each document's
 * diagnostics on open, after a pause in typing (or on save, per `cable.validate.run`) and after a settings
 * change, and clears them on close. The scheduler drops results that no longer describe the document.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler, nodeTimers, type Timers } from './diagnosticsScheduler';
import { whenValidationRuns, type DiagnosticsMode } from './diagnosticsMode';
import type { DocumentValidator, ValidatedVersion } from './documentValidator';
import type { SettingsStore } from '../settings/settingsStore';

export interface PushDiagnosticsDeps {
  validator: DocumentValidator;
  settings: SettingsStore;
  /** The uris of the open documents. */
  openUris(): string[];
  /** `textDocument/publishDiagnostics`. */
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  logError(message: string): void;
  timers?: Timers;
  debounceMs?: number;
}

export class PushDiagnostics implements DiagnosticsMode {
  private readonly scheduler: DiagnosticsScheduler<ValidatedVersion>;

  constructor(private readonly deps: PushDiagnosticsDeps) {
    this.scheduler = new DiagnosticsScheduler<ValidatedVersion>(
      {
        validate: (uri) => deps.validator.validate(uri),
        isCurrent: (uri, result) => deps.validator.isCurrent(uri, result),
        publish: (uri, result) => deps.publish(uri, result.version, result.diagnostics),
        logError: deps.logError,
      },
      deps.timers ?? nodeTimers,
      deps.debounceMs,
    );
  }

  opened(document: TextDocument): void {
    // No debounce: the user just opened the file and expects its problems now.
    this.scheduler.schedule(document.uri, 0);
  }

  changed(document: TextDocument): void {
    whenValidationRuns(this.deps.settings, document.uri, 'onType', () => this.scheduler.schedule(document.uri), this.deps.logError);
  }

  saved(document: TextDocument): void {
    whenValidationRuns(this.deps.settings, document.uri, 'onSave', () => this.scheduler.schedule(document.uri, 0), this.deps.logError);
  }

  closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.deps.publish(uri, undefined, []);
  }

  settingsChanged(): void {
    for (const uri of this.deps.openUris()) this.scheduler.schedule(uri, 0);
  }

  dispose(): void {
    this.scheduler.dispose();
  }
}
