/**
 * The language server, free of any transport: `startServer` takes a connection (stdio, IPC, or an
 * in-memory pair in tests), learns the client's capabilities at `initialize`, builds the stores that depend
 * on them and wires the handlers. Everything a feature computes comes from the language service.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { initialFolderUris, readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import type { DiagnosticsMode } from './diagnostics/diagnosticsMode';
import { DocumentModels } from './documents/documentModels';
import { documentConfiguration } from './documents/documentUpdates';
import { DocumentValidator } from './diagnostics/documentValidator';
import { registerFeatureHandlers } from './featureHandlers';
import { TURN_OFF_RULE_COMMAND } from './language/features/ruleOffActions';
import { getLanguageService, parseCableDocument } from './language/languageService';
import type { ServerPlatform } from './platform';
import { EMPTY_REPORT, PullDiagnostics } from './diagnostics/pullDiagnostics';
import { PushDiagnostics } from './diagnostics/pushDiagnostics';
import { runSafe, runSafeNotification } from './runSafe';
import { SavedVersions } from './documents/savedVersions';
import { SERVER_NAME, SERVER_VERSION } from './serverInfo';
import { SettingsStore } from './settings/settingsStore';
import {
  CABLES_CHANGED_NOTIFICATION,
  CABLES_TREE_REQUEST,
  CHECK_ALL_REQUEST,
  INDEX_STATUS_NOTIFICATION,
  type CablesTreeParams,
  type CableInitializationOptions,
  type IndexStatus,
} from '../../shared/protocol';
import { toWorkspaceSettings } from './settings/settingsMapping';
import { NOTHING_CHECKED, WorkspaceChecks } from './diagnostics/workspaceChecks';
import { progressStarter } from './workspace/indexProgress';
import { throttled } from './workspace/throttle';
import { CANDIDATE_GLOB } from '../../shared/cableFiles';

/** Status sent at most this often while indexing; a change of state is sent at once. */
const STATUS_INTERVAL_MS = 250;
const CABLES_CHANGED_INTERVAL_MS = 1000;

/** Wires the server to `connection` and starts listening; `platform` gives the files, workers and watching it runs with. */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  connection.onInitialize((params) => startSession(connection, params, platform));
  connection.listen();
}

function startSession(connection: Connection, params: InitializeParams, platform: ServerPlatform): InitializeResult {
  const log = connection.console;
  const client = readClientFeatures(params.capabilities);
  const documents = new TextDocuments(documentConfiguration);
  const initializationOptions = (params.initializationOptions ?? {}) as CableInitializationOptions;
  const sendCablesChanged = throttled<void>(
    CABLES_CHANGED_INTERVAL_MS,
    () => void connection.sendNotification(CABLES_CHANGED_NOTIFICATION),
  );
  const sendStatus = statusSender(connection, sendCablesChanged);
  const platformContext = {
    initializationOptions,
    client: { sendRequest: <R>(method: string, params: unknown) => connection.sendRequest<R>(method, params) },
  };
  // Built in order, each from the ones before: models (the parser alone), the workspace (reads open documents through the models), the service.
  const models = new DocumentModels(parseCableDocument, (message) => log.error(message));
  const workspace = platform.createWorkspace(
    {
      modelOf: (document) => models.get(document),
      log,
      beginProgress: progressStarter(connection, client.workDoneProgress),
      onStatus: sendStatus,
      onFilesChanged: (uris) =>
        void checks.recheck(uris).catch((error: unknown) => log.error(`Checking changed cables failed: ${String(error)}`)),
    },
    platformContext,
  );
  const service = getLanguageService({ workspace });
  const saved = new SavedVersions(models);
  const showMessage = (type: MessageType, message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  // Each document's .cable-lint.json files, under the editor settings; read again when one changes.
  const configs = platform.createConfigs?.({
    info: (message) => log.info(message),
    warn: (message) => showMessage(MessageType.Warning, message),
  });
  const settings = new SettingsStore(
    client.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }) : undefined,
    log,
    configs ? (uri) => configs.forUri(uri) : undefined,
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
      log.error(
        `Rule ${rule.code} ${rule.name} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  const diagnostics = createDiagnosticsMode(connection, client, { documents, settings, validator });
  const checks = new WorkspaceChecks({
    service,
    settings,
    diskFiles: () => workspace.diskFiles(),
    hasDiskFile: (uri) => workspace.hasDiskFile(uri),
    folderOf: (uri) => workspace.folderUriOf(uri),
    isOpen: (uri) => documents.get(uri) !== undefined,
    readFile: (uri) => platform.readFile(uri, platformContext),
    publish: (uri, items) => void connection.sendDiagnostics({ uri, diagnostics: items }),
    beginProgress: async (title) => {
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin(title, 0, undefined, true);
      return {
        report: (message, percentage) => progress.report(percentage, message),
        done: (message) => {
          progress.report(100, message);
          progress.done();
        },
        cancelled: progress.token,
      };
    },
    logError: (message) => log.error(message),
  });
  if (client.pullDiagnostics) {
    connection.languages.diagnostics.onWorkspace((_params, token, _workDone, partial) =>
      checks.onWorkspacePull(token, partial ? (items) => partial.report({ items }) : undefined),
    );
  }
  connection.onRequest(CHECK_ALL_REQUEST, (_params: unknown, token) =>
    runSafe(log, 'checkAllCables', undefined, NOTHING_CHECKED, token, () => checks.checkAll(token)),
  );
  connection.onRequest(CABLES_TREE_REQUEST, (params: CablesTreeParams, token) =>
    runSafe(log, 'cablesTree', undefined, { nodes: [], status: workspace.status() }, token, () => ({
      nodes: service.getCablesTree(params),
      status: workspace.status(),
    })),
  );

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

  /** `cable.index.*` and `cable.validate.scope` hold for the whole workspace: asked without a scope, or taken from what was pushed. */
  const applyWorkspaceSettings = async (pushed?: unknown) => {
    const raw = client.configuration
      ? await connection.workspace.getConfiguration({ section: 'cable' }).catch(() => undefined)
      : (pushed as { cable?: unknown } | undefined)?.cable;
    const { index, scope } = toWorkspaceSettings(raw, (message) => log.info(message));
    workspace.setSettings(index);
    void workspace.whenScanned().then(() => checks.setScope(scope));
  };
  connection.onDidChangeConfiguration(({ settings: pushed }) =>
    safely('didChangeConfiguration', undefined, () => {
      settings.invalidate(pushed);
      diagnostics.settingsChanged();
      void applyWorkspaceSettings(pushed);
    }),
  );
  const configsChanged = () => {
    diagnostics.settingsChanged();
    void checks
      .recheck(workspace.diskFiles())
      .catch((error: unknown) => log.error(`Checking cables after a .cable-lint.json change failed: ${String(error)}`));
  };
  connection.onDidChangeWatchedFiles(({ changes }) =>
    safely('didChangeWatchedFiles', undefined, () => {
      if (configs?.changed(changes.map(({ uri, type }) => ({ uri, deleted: type === FileChangeType.Deleted })))) configsChanged();
      void workspace.filesChanged(changes.map((change) => change.uri));
    }),
  );
  const folderUris = new Set<string>();
  connection.onExecuteCommand(({ command, arguments: args }, token) =>
    runSafe(log, `executeCommand ${command}`, undefined, null, token, async () => {
      if (command !== TURN_OFF_RULE_COMMAND) return null;
      if (!platform.turnOffRule) {
        showMessage(
          MessageType.Warning,
          `Turning a rule off writes a .cable-lint.json file, which the server cannot do here (${platform.name}); set cable.rules in the settings instead.`,
        );
        return null;
      }
      return platform.turnOffRule(args?.[0], {
        workspaceFolders: () => folderUris,
        written: () => {
          configs?.invalidate();
          configsChanged();
        },
        settingsOf: (uri) => settings.get(uri),
        showMessage: (type, message) => showMessage(type === 'error' ? MessageType.Error : MessageType.Warning, message),
      });
    }),
  );
  const watcher = client.watchedFilesRegistration
    ? undefined
    : platform.createWatcher?.(
        (uris) => {
          if (configs?.changed(uris.map((uri) => ({ uri, deleted: false })))) configsChanged();
          void workspace.filesChanged(uris);
        },
        (message) => log.info(message),
      );
  registerFeatureHandlers({ connection, documents, models, settings, service });

  connection.onInitialized(() => {
    if (client.configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    }
    if (client.watchedFilesRegistration) {
      // VS Code watches the workspace itself and tells the server; a folder deleted whole comes as one path.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: CANDIDATE_GLOB },
          { globPattern: '**/.cable-lint.json' },
          { globPattern: '**/*', kind: WatchKind.Delete },
        ],
      });
    }
    const addFolders = (uris: string[]) => {
      uris.forEach((uri) => folderUris.add(uri));
      workspace.addFolders(uris);
      uris.forEach((uri) => watcher?.add(uri));
    };
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = removed.map((folder) => folder.uri);
        workspace.removeFolders(gone);
        gone.forEach((uri) => folderUris.delete(uri));
        gone.forEach((uri) => watcher?.remove(uri));
        addFolders(added.map((folder) => folder.uri));
      });
    }
    // The limits apply from the first scan on.
    void applyWorkspaceSettings().finally(() => addFolders(initialFolderUris(params)));
    log.info(
      `${SERVER_NAME} ${SERVER_VERSION} on ${platform.name} ready; diagnostics are ${client.pullDiagnostics ? 'pulled by the client' : 'pushed by the server'}.`,
    );
  });
  connection.onShutdown(async () => {
    diagnostics.dispose();
    checks.dispose();
    watcher?.dispose();
    await workspace.dispose();
  });

  return { capabilities: serverCapabilities(client), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
}

/** Sends the index status: at once when its state changes, else at most every STATUS_INTERVAL_MS; the Cables view hears of new counts. */
function statusSender(connection: Connection, cablesChanged: () => void): (status: IndexStatus) => void {
  let lastState: string | undefined;
  let lastCables = -1;
  const send = throttled<IndexStatus>(STATUS_INTERVAL_MS, (status) => {
    void connection.sendNotification(INDEX_STATUS_NOTIFICATION, status);
    if (status.cables !== lastCables || status.state !== 'scanning') cablesChanged();
    lastCables = status.cables;
  });
  return (status) => {
    send(status);
    if (status.state !== lastState) send.flush();
    lastState = status.state;
  };
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
