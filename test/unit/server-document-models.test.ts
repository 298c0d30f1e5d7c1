/** The per-version model cache: one parse per document version, dropped on close. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../server/src/documents/documentModels';
import { getLanguageService } from '../../server/src/language/languageService';
import type { CableFile } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

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
    TextDocument.update(
      document,
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'CONFIDENTIAL\n' }],
      2,
    );
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

describe('DocumentModels when the parser fails', () => {
  /** A parse that throws, as a parser bug would, and the log lines it leaves. */
  function throwingParse() {
    const error = new TypeError('Cannot read properties of undefined (reading "range")');
    const logged: string[] = [];
    const parse = (): CableFile => {
      throw error;
    };
    return { error, logged, models: new DocumentModels(parse, (message) => logged.push(message)) };
  }

  it('logs the error with its stack and the document’s uri, and gives the parser-failure model', () => {
    const { error, logged, models } = throwingParse();
    const model = models.get(TextDocument.create(URI, 'cable', 3, '09MEXICO283\n'));
    assert.equal(logged.length, 1);
    assert.ok(logged[0].includes(URI), logged[0]);
    assert.ok(error.stack && logged[0].includes(error.stack), `the stack is logged: ${logged[0]}`);
    assert.match(logged[0], /at throwingParse|at parse|server-document-models\.test\.ts/, 'the stack names where it was thrown');
    assert.deepEqual(model.cables, []);
    assert.deepEqual(
      model.problems.map((p) => [p.code, p.message]),
      [['parser-failure', `The cable parser failed on this text: ${error.message}. Please report it.`]],
    );
  });

  it('logs a failure once per version: the failure model is cached like any other', () => {
    const { logged, models } = throwingParse();
    const document = TextDocument.create(URI, 'cable', 1, 'x');
    models.get(document);
    models.get(document);
    assert.equal(logged.length, 1);
  });

  it('logs what the parser caught itself, with the stack, through the language service', () => {
    const logged: string[] = [];
    const service = getLanguageService();
    const models = new DocumentModels(
      (document, onFailure) => service.parse(document, onFailure),
      (message) => logged.push(message),
    );
    // Text that is no string makes the parser itself fail, inside its own guard (splitting the text into lines).
    const broken = { uri: URI, version: 1, languageId: 'cable', lineCount: 1, getText: () => ({}) } as unknown as TextDocument;
    const model = models.get(broken);
    assert.equal(model.problems[0]?.code, 'parser-failure');
    assert.equal(logged.length, 1);
    assert.ok(logged[0].startsWith(`The cable parser failed on ${URI} (version 1): TypeError: `), logged[0]);
    assert.match(logged[0], /\n\s+at .*parseCableFile\.ts/, 'the stack reaches into the parser');
  });
});

describe('parseCableFile onFailure', () => {
  it('hears the error the parser caught, stack and all, and still returns the failure model', () => {
    const heard: unknown[] = [];
    const model = parseCableFile('09MEXICO283\nTITLE\n', { fileName: {} as unknown as string, onFailure: (error) => heard.push(error) });
    assert.equal(heard.length, 1);
    assert.ok(heard[0] instanceof Error && typeof heard[0].stack === 'string' && heard[0].stack.includes('parseCableFile'));
    assert.equal(model.problems[0]?.code, 'parser-failure');
  });

  it('never throws, even when the listener does', () => {
    const model = parseCableFile('09MEXICO283\n', {
      fileName: {} as unknown as string,
      onFailure: () => {
        throw new Error('listener bug');
      },
    });
    assert.equal(model.problems[0]?.code, 'parser-failure');
  });
});
