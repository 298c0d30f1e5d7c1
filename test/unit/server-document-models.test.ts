/** The per-version model cache: one parse per document version, dropped on close. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../server/src/documentModels';
import type { CableFile } from '../../server/src/language/model';

/** A parse that counts its calls and tags each model with the text it came from. */
function countingParse() {
  const calls: string[] = [];
  const parse = (document: TextDocument): CableFile => {
    calls.push(`${document.uri}@${document.version}`);
    return { cables: [], problems: [], lineCount: document.lineCount, binary: false };
  };
  return { calls, parse };
}

const URI = 'file:///w/09MEXICO283.txt';

describe('DocumentModels', () => {
  it('parses a version once, however many features ask', () => {
    const { calls, parse } = countingParse();
    const models = new DocumentModels(parse);
    const document = TextDocument.create(URI, 'cable', 1, '09MEXICO283\n');
    const first = models.get(document);
    assert.equal(models.get(document), first);
    assert.equal(models.get(document), first);
    assert.deepEqual(calls, [`${URI}@1`]);
  });

  it('reparses the whole text for a new version and keeps only the latest', () => {
    const { calls, parse } = countingParse();
    const models = new DocumentModels(parse);
    const document = TextDocument.create(URI, 'cable', 1, '09MEXICO283\n');
    const first = models.get(document);
    TextDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'CONFIDENTIAL\n' }], 2);
    const second = models.get(document);
    assert.notEqual(second, first);
    assert.equal(second.lineCount, 3);
    assert.equal(models.get(document), second);
    assert.deepEqual(calls, [`${URI}@1`, `${URI}@2`]);
    assert.equal(models.size, 1);
  });

  it('forgets a closed document, so reopening parses again', () => {
    const { calls, parse } = countingParse();
    const models = new DocumentModels(parse);
    models.get(TextDocument.create(URI, 'cable', 1, 'a'));
    models.get(TextDocument.create('file:///w/other.cable', 'cable', 1, 'b'));
    models.delete(URI);
    assert.equal(models.size, 1);
    models.get(TextDocument.create(URI, 'cable', 1, 'a, reopened'));
    assert.deepEqual(calls, [`${URI}@1`, 'file:///w/other.cable@1', `${URI}@1`]);
  });
});
