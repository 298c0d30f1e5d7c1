/** The capability model: pull diagnostics when the client can pull, push otherwise; never both. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver';
import { initialFolderUris, readClientFeatures, serverCapabilities } from '../../server/src/capabilities';

describe('server capabilities', () => {
  it('registers the diagnostic provider only for a client that pulls', () => {
    const pulling = readClientFeatures({
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { diagnostics: { refreshSupport: true } },
    });
    assert.equal(pulling.pullDiagnostics, true);
    assert.equal(pulling.diagnosticsRefresh, true);
    assert.deepEqual(serverCapabilities(pulling).diagnosticProvider, {
      identifier: 'cable',
      interFileDependencies: false,
      workspaceDiagnostics: true,
    });

    const pushing = readClientFeatures({ textDocument: { publishDiagnostics: {} } });
    assert.equal(pushing.pullDiagnostics, false);
    assert.equal(serverCapabilities(pushing).diagnosticProvider, undefined);
  });

  it('syncs incrementally, with save notifications, and offers every feature', () => {
    const capabilities = serverCapabilities(readClientFeatures({}));
    assert.deepEqual(capabilities.textDocumentSync, {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    });
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['(', ' ', '.']);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
    for (const provider of [
      'documentSymbolProvider',
      'foldingRangeProvider',
      'hoverProvider',
      'documentLinkProvider',
      'definitionProvider',
      'referencesProvider',
      'workspaceSymbolProvider',
    ] as const) {
      assert.ok(capabilities[provider], provider);
    }
  });

  it('reads the configuration capabilities', () => {
    const features = readClientFeatures({
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
    });
    assert.deepEqual(
      { configuration: features.configuration, registration: features.configurationChangeRegistration, folders: features.workspaceFolders },
      { configuration: true, registration: true, folders: true },
    );
    assert.equal(readClientFeatures({}).configuration, false);
  });

  it('takes the workspace folders, or the root of an old client', () => {
    const base = { processId: null, capabilities: {} } as const;
    assert.deepEqual(
      initialFolderUris({ ...base, rootUri: 'file:///r', workspaceFolders: [{ uri: 'file:///a', name: 'a' }] } as InitializeParams),
      ['file:///a'],
    );
    assert.deepEqual(initialFolderUris({ ...base, rootUri: 'file:///r', workspaceFolders: null } as InitializeParams), ['file:///r']);
    assert.deepEqual(initialFolderUris({ ...base, rootUri: null } as InitializeParams), []);
  });
});
