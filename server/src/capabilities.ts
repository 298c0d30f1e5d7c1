/**
 * What the server offers, and what it learnt about the client at `initialize`. Pure, so the choice of the
 * diagnostics model can be tested without a connection.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TURN_OFF_RULE_COMMAND } from './language/features/ruleOffActions';

/** The client features the server adapts to. */
export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls diagnostics, so the server never pushes them. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: the server may ask a pulling client to pull again. */
  diagnosticsRefresh: boolean;
  /** `workspace/configuration`: settings can be asked per document. */
  configuration: boolean;
  /** `workspace/didChangeConfiguration` must be registered dynamically to be sent at all. */
  configurationChangeRegistration: boolean;
  workspaceFolders: boolean;
  /** `window/workDoneProgress/create`: the server may show progress (indexing, checking every cable). */
  workDoneProgress: boolean;
  /** `workspace/didChangeWatchedFiles` can be registered for the cable globs; else the server watches itself. */
  watchedFilesRegistration: boolean;
}

export function readClientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticsRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    configurationChangeRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}

/** The workspace folder URIs of `initialize`, falling back to the deprecated root for old clients. */
export function initialFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((folder) => folder.uri);
  return params.rootUri ? [params.rootUri] : [];
}

export const COMPLETION_TRIGGER_CHARACTERS = ['(', ' ', '.'];

export function serverCapabilities(client: ClientFeatures): ServerCapabilities {
  return {
    // Incremental sync saves sending the whole cable per keystroke; the model is still reparsed whole.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    ...(client.pullDiagnostics
      ? { diagnosticProvider: { identifier: 'cable', interFileDependencies: false, workspaceDiagnostics: true } }
      : {}),
    documentSymbolProvider: { label: 'Cable' },
    foldingRangeProvider: true,
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    workspaceSymbolProvider: true,
    // Run by the server, which writes the .cable-lint.json; vscode-languageclient registers it in VS Code.
    executeCommandProvider: { commands: [TURN_OFF_RULE_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: client.workspaceFolders } },
  };
}
