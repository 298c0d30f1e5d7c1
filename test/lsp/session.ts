/**
 * Starts the built server as an editor would: spawn, `initialize` with chosen client capabilities,
 * `initialized`, and answers to `workspace/configuration` from a settings object the test may change.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../server/src/language/rules/registry';
import { SAMPLE_PATH } from '../support/corpus';
import { LspClient } from './lspClient';

export const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8');
export const SAMPLE_URI = pathToFileURL(SAMPLE_PATH).href;

export interface SessionOptions {
  /** A client that pulls diagnostics (`textDocument.diagnostic`); pushed diagnostics otherwise. */
  pull?: boolean;
  /** The `cable` section the client answers with; `session.settings` may be replaced later. */
  settings?: unknown;
  workspaceFolders?: Array<{ uri: string; name: string }>;
  /** The index cache folder; a fresh temporary one (removed when the server exits) when absent. */
  cacheDirectory?: string;
  /** `window.workDoneProgress`: the client shows progress. */
  workDoneProgress?: boolean;
  /** `workspace.didChangeWatchedFiles.dynamicRegistration`: the client watches files for the server. */
  watchedFiles?: boolean;
}

export interface Session {
  client: LspClient;
  initializeResult: any;
  /** What the client answers for the `cable` section from now on. */
  settings: unknown;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const client = new LspClient();
  const session: Session = { client, initializeResult: undefined, settings: options.settings ?? {} };
  client.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((item) => (item.section === 'cable' ? session.settings : null)),
  );
  // Never the user's own cache: each server gets a folder of its own unless the test shares one.
  const cacheDirectory = options.cacheDirectory ?? mkdtempSync(join(tmpdir(), 'cable-lsp-cache-'));
  if (!options.cacheDirectory) client.process.on('exit', () => rmSync(cacheDirectory, { recursive: true, force: true }));
  const capabilities = clientCapabilities(options.pull ?? false);
  if (options.workDoneProgress) Object.assign(capabilities.window, { workDoneProgress: true });
  if (options.watchedFiles) Object.assign(capabilities.workspace, { didChangeWatchedFiles: { dynamicRegistration: true } });
  session.initializeResult = await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities,
    initializationOptions: { cacheDirectory },
  });
  client.notify('initialized', {});
  return session;
}

function clientCapabilities(pull: boolean) {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { versionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { showMessage: {} },
  };
}

export function openDocument(client: LspClient, uri: string, text: string, version = 1, languageId = 'cable'): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** Replaces the first occurrence of `find` with `replacement` through an incremental change. */
export function editDocument(client: LspClient, uri: string, text: string, version: number, find: string, replacement: string): string {
  const offset = text.indexOf(find);
  if (offset < 0) throw new Error(`${JSON.stringify(find)} is not in the document`);
  const start = positionAt(text, offset);
  const end = positionAt(text, offset + find.length);
  client.notify('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start, end }, text: replacement }],
  });
  return text.slice(0, offset) + replacement + text.slice(offset + find.length);
}

/** LSP position (UTF-16 based, like JS strings) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** What `sampleWithoutMarking` takes out of the sample: the marking of paragraph 5. */
export const REMOVED_MARKING = '¶5. (C) ';

/** The sample with `(C) ` taken out of paragraph 5: one paragraph without its portion marking. */
export function sampleWithoutMarking(): { text: string; line: number } {
  const marked = SAMPLE_TEXT.indexOf(REMOVED_MARKING);
  if (marked < 0) throw new Error(`the sample has no ${JSON.stringify(REMOVED_MARKING)}`);
  return { text: SAMPLE_TEXT.replace(REMOVED_MARKING, '¶5. '), line: positionAt(SAMPLE_TEXT, marked).line };
}

/** The code of a rule, by name, from the rules registry (so tests follow renumbering). */
export function ruleCode(name: string): string {
  const rule = RULES.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`no rule named ${name}`);
  return rule.code;
}

/** The error lines the server logged (`window/logMessage` of type Error): bugs, which tests expect none of. */
export function loggedErrors(client: LspClient): string[] {
  return client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
}

/** Every feature request about a document the server does not have gets its empty answer, and no crash. */
export async function assertEmptyAnswers(client: LspClient, uri: string): Promise<void> {
  const textDocument = { uri };
  const position = { line: 0, character: 0 };
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument }), []);
  assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument }), []);
  assert.deepEqual(await client.request('textDocument/documentLink', { textDocument }), []);
  assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
  assert.equal(await client.request('textDocument/completion', { textDocument, position }), null);
  assert.deepEqual(await client.request('textDocument/definition', { textDocument, position }), []);
  assert.deepEqual(await client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }), []);
  assert.deepEqual(
    await client.request('textDocument/codeAction', {
      textDocument,
      range: { start: position, end: position },
      context: { diagnostics: [] },
    }),
    [],
  );
}
