/**
 * Properties of the parser's model for any text: no parser failure (the parser's catch-all turns a crash into
 * a `parser-failure` problem, which here counts as a failure), every range inside the text and every part of a
 * cable inside the cable, lines counted as the editor counts them, the same model for the same text, and the
 * same model whatever the line breaks.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Cable, CableFile } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { assertRangesInside } from './ranges';

/** Checks `model`, parsed from `text` (with `fileName`), against every model property; parses `text` once more. */
export function checkModel(text: string, model: CableFile, fileName?: string): void {
  const failure = model.problems.find((p) => p.code === 'parser-failure');
  assert.ok(!failure, failure?.message);
  assertRangesInside(model, text, 'model');
  for (const cable of model.cables) assertPartsInside(cable);
  assert.equal(model.lineCount, TextDocument.create('untitled:x', 'cable', 1, text).lineCount, 'the model counts lines as the editor does');
  assert.deepEqual(parseCableFile(text, { fileName }), model, 'the same text gives the same model');
}

/** LF, CRLF and CR between the same lines give the same model: ranges do not count line breaks. */
export function checkLineBreaks(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const [lf, crlf, cr] = ['\n', '\r\n', '\r'].map((lineBreak) => parseCableFile(lines.join(lineBreak)));
  assert.deepEqual(crlf, lf, 'CRLF gives the LF model');
  assert.deepEqual(cr, lf, 'CR gives the LF model');
}

/**
 * Every range in a cable lies inside the cable's range: the outline nests symbols by these ranges. The one
 * exception is by design: a record's row id glued to the end of the previous cable's last line.
 */
function assertPartsInside(cable: Cable): void {
  const visit = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, `${path}[]`));
    if (isRange(node)) {
      assert.ok(contains(cable.range, node), `${path} ${JSON.stringify(node)} lies outside its cable ${JSON.stringify(cable.range)}`);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (path === 'cable' && key === 'range') continue;
      if (path === 'cable.record' && key === 'rowId') continue;
      visit(child, `${path}.${key}`);
    }
  };
  visit(cable, 'cable');
}

function isRange(node: object): node is Range {
  const { start, end } = node as Partial<Range>;
  return typeof start?.line === 'number' && typeof end?.line === 'number';
}

export function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
