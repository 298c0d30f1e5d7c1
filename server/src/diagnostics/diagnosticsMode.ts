/**
 * What the server does with document events to keep diagnostics up to date. One of two implementations
 * runs, chosen once from the client's capabilities: push (the server publishes) or pull (the client asks).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SettingsStore } from '../settings/settingsStore';
import type { ValidateRun } from '../settings/settingsMapping';
import { describeError } from '../runSafe';

export interface DiagnosticsMode {
  opened(document: TextDocument): void;
  /** A change after the open. */
  changed(document: TextDocument): void;
  saved(document: TextDocument): void;
  closed(uri: string): void;
  /** The settings were invalidated: every open document needs validating again. */
  settingsChanged(): void;
  dispose(): void;
}

/** Runs `action` once the document's settings are known, if validation is on and runs at `run`. */
export function whenValidationRuns(
  settings: SettingsStore,
  uri: string,
  run: ValidateRun,
  action: () => void,
  logError: (message: string) => void,
): void {
  settings.get(uri).then(
    (value) => {
      if (value.validate.enable && value.validate.run === run) action();
    },
    (error: unknown) => logError(`Reading the settings of ${uri} failed: ${describeError(error)}`),
  );
}
