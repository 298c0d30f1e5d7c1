/** The per-model cache: a cable's own acronym definitions, read from the text once and only when asked. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache, ModelCaches } from '../../server/src/language/features/modelCache';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

const TEXT =
  'UNCLAS MEXICO 000283\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV SNAR MX\nSUBJECT: POLICE REFORM\n\n1. (U) The Federal Investigative Agency (AFI) and the\nSecretariat of Public Security (SSP) met on Monday.\n';
const document = TextDocument.create('file:///c/09MEXICO283.txt', 'cable', 1, TEXT);
const model = parseCableFile(TEXT, { fileName: document.uri });

test('the cache reads the acronyms a cable defines, with the range of each acronym', () => {
  const definitions = new ModelCache(document).acronymDefinitions(model.cables[0]);
  assert.equal(definitions.get('AFI')?.expansion, 'Federal Investigative Agency');
  const at = TEXT.split('\n')[8].indexOf('AFI');
  assert.deepEqual(definitions.get('AFI')?.range, { start: { line: 8, character: at }, end: { line: 8, character: at + 3 } });
  assert.equal(definitions.get('SSP')?.expansion, 'Secretariat of Public Security');
});

test('one cache per model, and each cable read once', () => {
  const caches = new ModelCaches();
  const cache = caches.of(document, model);
  assert.equal(caches.of(document, model), cache);
  assert.equal(cache.acronymDefinitions(model.cables[0]), cache.acronymDefinitions(model.cables[0]));
  const other = parseCableFile(TEXT, { fileName: document.uri });
  assert.notEqual(caches.of(document, other), cache, 'a new model, as after an edit, starts a new cache');
});
