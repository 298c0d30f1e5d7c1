/**
 * The language server, free of any transport: `startServer` takes a connection (stdio, IPC, or an
 * in-memory pair in tests), learns the client's capabilities at `initialize`, builds the stores that depend
 * on them and wires the handlers. Everything a feature computes comes from the language service.
 */
import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { initialFolderUris, readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import type { DiagnosticsMode } from './diagnosticsMode';
import { DocumentModels } from './documentModels';
import { documentConfiguration } from './documentUpdates';
import { DocumentValidator } from './documentValidator';
import { registerFeatureHandlers } from './featureHandlers';
import { getLanguageService } from './language/languageService';
import { EMPTY_REPORT, PullDiagnostics } from './pullDiagnostics';
import { PushDiagnostics } from './pushDiagnostics';
import { runSafe, runSafeNotification } from './runSafe';
import { SavedVersions } from './savedVersions';
import { SERVER_NAME, SERVER_VERSION } from './serverInfo';
import { SettingsStore } from './settingsStore';
import { WorkspaceCables } from './workspaceCables';

/** Wires the server to `connection` and starts listening. */
export function startServer(connection: Connection): void {
  connection.onInitialize((params) => startSession(connection, params));
  connection.listen();
}

function startSession(connection: Connection, params: InitializeParams): InitializeResult {
  const log = connection.console;
  const client = readClientFeatures(params.capabilities);
  const documents = new TextDocuments(documentConfiguration);
  // The index reads open documents through the model cache, which needs the service: hence the arrow.
  const workspace = new WorkspaceCables({ modelOf: (document) => models.get(document), log });
  const service = getLanguageService({ workspace });
  const models = new DocumentModels((document) => service.parse(document));
  const saved = new SavedVersions(models);
  const settings = new SettingsStore(
    client.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }) : undefined,
    log,
  );
  const validator = new DocumentValidator({
    documents,
    models,
    saved,
    settings,
    service,
    // A notification, not `window.showInformationMessage`, which sends a request and waits for the user.
    notify: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }),
    logRuleFailure: (uri, rule, error) =>
      log.error(`Rule ${rule.code} ${rule.name} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const diagnostics = createDiagnosticsMode(connection, client, { documents, settings, validator });

  const safely = (what: string, uri: string | undefined, work: () => void) => runSafeNotification(log, what, uri, work);
  documents.onDidOpen(({ document }) =>
    safely('didOpen', document.uri, () => {
      saved.record(document);
      workspace.opened(document);
      diagnostics.opened(document);
    }),
  );
  documents.onDidChangeContent(({ document }) =>
    safely('didChange', document.uri, () => {
      // The open event comes through here too; the version recorded at open tells it apart.
      if (saved.get(document.uri)?.version === document.version) return;
      workspace.changed(document);
      diagnostics.changed(document);
    }),
  );
  documents.onDidSave(({ document }) =>
    safely('didSave', document.uri, () => {
      saved.record(document);
      diagnostics.saved(document);
    }),
  );
  documents.onDidClose(({ document }) =>
    safely('didClose', document.uri, () => {
      diagnostics.closed(document.uri);
      models.delete(document.uri);
      saved.delete(document.uri);
      settings.delete(document.uri);
      validator.forget(document.uri);
      void workspace.closed(document.uri);
    }),
  );
  documents.listen(connection);

  connection.onDidChangeConfiguration(({ settings: pushed }) =>
    safely('didChangeConfiguration', undefined, () => {
      settings.invalidate(pushed);
      diagnostics.settingsChanged();
    }),
  );
  registerFeatureHandlers({ connection, documents, models, settings, service });

  connection.onInitialized(() => {
    if (client.configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        workspace.removeFolders(removed.map((folder) => folder.uri));
        workspace.addFolders(added.map((folder) => folder.uri));
      });
    }
    workspace.addFolders(initialFolderUris(params));
    log.info(`${SERVER_NAME} ${SERVER_VERSION} ready; diagnostics are ${client.pullDiagnostics ? 'pulled by the client' : 'pushed by the server'}.`);
  });
  connection.onShutdown(() => {
    diagnostics.dispose();
    workspace.dispose();
  });

  return { capabilities: serverCapabilities(client), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
}

/** Pull when the client can pull, else push: never both, so no problem is shown twice. */
function createDiagnosticsMode(
  connection: Connection,
  client: ClientFeatures,
  deps: { documents: TextDocuments<TextDocument>; settings: SettingsStore; validator: DocumentValidator },
): DiagnosticsMode {
  const logError = (message: string) => connection.console.error(message);
  if (client.pullDiagnostics) {
    const pull = new PullDiagnostics({
      validator: deps.validator,
      settings: deps.settings,
      refresh: client.diagnosticsRefresh ? () => void connection.languages.diagnostics.refresh() : undefined,
      logError,
    });
    connection.languages.diagnostics.on(({ textDocument }, token) =>
      runSafe(connection.console, 'diagnostic', textDocument.uri, EMPTY_REPORT, token, () => pull.report(textDocument.uri)),
    );
    return pull;
  }
  return new PushDiagnostics({
    validator: deps.validator,
    settings: deps.settings,
    openUris: () => deps.documents.keys(),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    logError,
  });
}
