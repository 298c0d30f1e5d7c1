/**
 * Incremental sync: random `didChange` sequences, sent as VS Code sends them, through the server's
 * `TextDocuments`, model cache and validator, give the model and diagnostics of a fresh parse of the final text.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { getLanguageService } from '../../server/src/language/languageService';
import { checkIncrementalEdits } from '../support/editSession';
import { editSession, runParameters } from '../support/fragments';

const RUNS = 1000;

function editSessions(client: 'vscode' | 'any') {
  const service = getLanguageService();
  return fc.asyncProperty(editSession(client, { maxLongLine: 5000 }), fc.integer({ min: 1, max: 4 }), ({ initial, events }, checkEvery) =>
    checkIncrementalEdits(service, initial.text, events, checkEvery),
  );
}

test(`incremental edits: same model and diagnostics as a fresh parse (${RUNS} sessions)`, async (t) => {
  const parameters = runParameters(RUNS, 'edits');
  t.diagnostic(`seed ${parameters.seed}, ${parameters.numRuns} editing sessions`);
  await fc.assert(editSessions('vscode'), parameters);
});

// vscode-languageserver-textdocument 1.0.12's `TextDocument.update` loses track of lines when a change joins a
// lone CR and an LF into one break (`"a\rb"`, insert "\n" at {1,0}) and when a change starts past the last line.
// VS Code never sends either; other clients might: the server applies edits to the text itself (documentUpdates.ts).
test('incremental edits from any client: lone CRs and ranges past the end', async () => {
  await fc.assert(editSessions('any'), runParameters(RUNS / 5, 'editsAnyClient'));
});
