/**
 * Pull model, for clients with `textDocument/diagnostic`: the client asks when it wants diagnostics (it
 * does on open and change), the server answers from the validator. The server only has to ask the client
 * to pull again when something the client cannot see changed: the settings, or a save in on-save mode.
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { whenValidationRuns, type DiagnosticsMode } from './diagnosticsMode';
import type { DocumentValidator } from './documentValidator';
import type { SettingsStore } from '../settings/settingsStore';

export interface PullDiagnosticsDeps {
  validator: DocumentValidator;
  settings: SettingsStore;
  /** `workspace/diagnostic/refresh`; absent when the client does not support it. */
  refresh?: () => void;
  logError(message: string): void;
}

export const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export class PullDiagnostics implements DiagnosticsMode {
  constructor(private readonly deps: PullDiagnosticsDeps) {}

  /** Answers `textDocument/diagnostic` for one document. */
  async report(uri: string): Promise<DocumentDiagnosticReport> {
    const result = await this.deps.validator.validate(uri);
    if (!result) return EMPTY_REPORT;
    if (!this.deps.validator.isCurrent(uri, result)) {
      // The document changed while it was validated: the client asks again instead of showing stale problems.
      throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'The document changed during validation.', {
        retriggerRequest: true,
      });
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: result.diagnostics };
  }

  opened(): void {}

  changed(): void {}

  saved(document: TextDocument): void {
    const refresh = this.deps.refresh;
    if (refresh) whenValidationRuns(this.deps.settings, document.uri, 'onSave', refresh, this.deps.logError);
  }

  closed(): void {}

  settingsChanged(): void {
    this.deps.refresh?.();
  }

  dispose(): void {}
}
