/**
 * An editing session as the server sees it: `didOpen` and incremental `didChange` notifications go through
 * the server's own `TextDocuments` (which applies them with the server's `updateDocument`), its `DocumentModels`
 * cache and its `DocumentValidator`. The property: after any sequence of edits, the cached model and the
 * diagnostics equal those of a fresh parse of the text an independent splice of the same edits gives.
 */
import assert from 'node:assert/strict';
import { TextDocuments, type Connection, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position } from 'vscode-languageserver-types';
import { DocumentModels } from '../../server/src/documents/documentModels';
import { documentConfiguration } from '../../server/src/documents/documentUpdates';
import { DocumentValidator } from '../../server/src/diagnostics/documentValidator';
import type { LanguageService } from '../../server/src/language/languageService';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { SavedVersions } from '../../server/src/documents/savedVersions';
import { SettingsStore } from '../../server/src/settings/settingsStore';
import { positionIn, type ChangeSeed } from './fragments';

type Handler = (params: unknown) => unknown;

/** The part of a connection `TextDocuments.listen` uses; the test plays the client by calling the handlers. */
function fakeConnection(): { connection: Connection; send(method: string, params: unknown): void } {
  const handlers = new Map<string, Handler>();
  const on = (method: string) => (handler: Handler) => {
    handlers.set(method, handler);
    return { dispose: () => handlers.delete(method) };
  };
  const connection = {
    onDidOpenTextDocument: on('didOpen'),
    onDidChangeTextDocument: on('didChange'),
    onDidCloseTextDocument: on('didClose'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('didSave'),
  } as unknown as Connection;
  return { connection, send: (method, params) => handlers.get(method)?.(params) };
}

/** Runs `script` on a document opened with `initial`; fails at the first event after which the server's view differs. */
export async function checkIncrementalEdits(
  service: LanguageService,
  initial: string,
  script: ChangeSeed[][],
  checkEvery: number,
): Promise<void> {
  const uri = 'file:///cables/09MEXICO283.txt';
  const documents = new TextDocuments(documentConfiguration);
  const models = new DocumentModels((document, onFailure, edited) => service.parse(document, onFailure, edited));
  const validator = new DocumentValidator({
    documents,
    models,
    saved: new SavedVersions(models),
    settings: new SettingsStore(undefined, { info() {}, error() {} }),
    service,
    notify() {},
  });
  const client = fakeConnection();
  documents.listen(client.connection);
  client.send('didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: initial } });

  let expected = initial;
  let version = 1;
  for (const [step, event] of script.entries()) {
    const contentChanges = event.map((seed) => {
      // Each change's range is in the text as the previous change of the event left it, as the protocol says.
      const change = toChange(seed, expected);
      expected = splice(expected, change);
      return change;
    });
    client.send('didChange', { textDocument: { uri, version: ++version }, contentChanges });
    const document = documents.get(uri)!;
    assert.equal(document.getText(), expected, `text after event ${step}`);
    // Asking for the model only now and then lets the cache skip versions, as it does while the user types.
    if (step % checkEvery !== checkEvery - 1 && step !== script.length - 1) continue;
    const model = models.get(document);
    assert.equal(models.get(document), model, 'one parse per version');
    assert.deepEqual(model, parseCableFile(expected, { fileName: uri }), `model after event ${step}`);
    const validated = await validator.validate(uri);
    assert.equal(validated?.version, version);
    assert.deepEqual(
      validated?.diagnostics,
      service.validate(parseCableFile(expected, { fileName: uri }), DEFAULT_SETTINGS).diagnostics,
      `diagnostics after event ${step}`,
    );
  }
}

function toChange(seed: ChangeSeed, text: string): TextDocumentContentChangeEvent {
  if (seed.kind === 'full') return { text: seed.text };
  const [start, end] = [positionIn(text, seed.from), positionIn(text, seed.to)].sort(
    (a, b) => a.line - b.line || a.character - b.character,
  );
  return { range: { start, end }, text: seed.text };
}

/** The change applied by offsets computed here, independently of `TextDocument`: the oracle for the editor's text. */
function splice(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  return text.slice(0, offsetOf(text, change.range.start)) + change.text + text.slice(offsetOf(text, change.range.end));
}

/** LSP offsets: a character past a line's end means its end (before the break); a line past the last means the text's end. */
function offsetOf(text: string, position: Position): number {
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let line = 0; line < position.line; line++) {
    const found = breaks.exec(text);
    if (!found) return text.length;
    lineStart = found.index + found[0].length;
  }
  const next = breaks.exec(text);
  const lineEnd = next ? next.index : text.length;
  return Math.min(lineStart + position.character, lineEnd);
}
