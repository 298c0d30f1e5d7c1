/** The parser never throws and keeps ranges inside the text, whatever the input. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

test('empty text', () => {
  const model = parseCableFile('');
  assert.equal(model.cables.length, 1);
  assert.equal(model.lineCount, 1);
  assert.equal(model.cables[0].body.paragraphs.length, 0);
});

test('binary text gets exactly one problem', () => {
  const binary = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
  const model = parseCableFile(binary);
  assert.equal(model.binary, true);
  assert.deepEqual(
    model.problems.map((p) => p.code),
    ['binary-content'],
  );
  assert.equal(model.cables.length, 0);
});

test('CRLF, CR, BOM and tabs give the same structure as LF', () => {
  const lf =
    '\uFEFFVZCZCXRO3019\nDE RUEHME #0283/01 0351708\n\tR 041708Z FEB 09\n\nC O N F I D E N T I A L MEXICO 000283\n\n¶1. (C) Text.\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  const cr = lf.replace(/\n/g, '\r');
  const shape = (text: string) => {
    const cable = parseCableFile(text).cables[0];
    return [cable.refId?.value.text, cable.routing?.de?.station?.range, cable.body.paragraphs[0]?.marking?.range];
  };
  assert.deepEqual(shape(crlf), shape(lf));
  assert.deepEqual(shape(cr), shape(lf));
  const bomStation = parseCableFile(lf).cables[0].routing?.transmissionId?.range;
  assert.deepEqual(bomStation?.start, { line: 0, character: 1 }, 'ranges count the BOM');
  assert.equal(shape(lf)[0], '09MEXICO283');
});

test('a 1 MB single line', () => {
  for (const unit of ['(((((', 'A. ', 'RUEH', ' ', '¶1. (C) ', 'C O N F I D E N T I A L ']) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const model = parseCableFile(text);
    assert.equal(model.lineCount, 1);
  }
});

test('every range lies inside the text on a messy document', () => {
  const text =
    'TAGS:\nREF:\nSUBJECT:\nClassified By:\n¶\n¶1.\n1.(\nDE\nZNY\nR 999999Z XXX 99\nFM\nTO\nINFO\n<br>\u0000\u202e\ud83d\ude00\n';
  const model = parseCableFile(text);
  const lines = text.split('\n');
  const check = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if ('line' in record && 'character' in record && typeof record.line === 'number') {
      assert.ok(record.line < lines.length && (record.character as number) <= lines[record.line].length, JSON.stringify(record));
      return;
    }
    for (const child of Object.values(record)) check(child);
  };
  check(model);
});
