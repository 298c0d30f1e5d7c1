/** Which positions the feature handlers accept: inside the document, up to the end of a line. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside } from '../../server/src/featureHandlers';

describe('isInside', () => {
  const document = TextDocument.create('file:///w/a.cable', 'cable', 1, 'TAGS: PGOV\r\n¶1. (C) Text\nlast');

  it('accepts every character and the end of each line', () => {
    assert.equal(isInside(document, { line: 0, character: 0 }), true);
    assert.equal(isInside(document, { line: 0, character: 10 }), true, 'end of line, before CRLF');
    assert.equal(isInside(document, { line: 1, character: 12 }), true);
    assert.equal(isInside(document, { line: 2, character: 4 }), true, 'end of the last line, without EOL');
  });

  it('refuses positions past a line end, past the last line, or negative', () => {
    assert.equal(isInside(document, { line: 0, character: 11 }), false);
    assert.equal(isInside(document, { line: 2, character: 5 }), false);
    assert.equal(isInside(document, { line: 3, character: 0 }), false);
    assert.equal(isInside(document, { line: -1, character: 0 }), false);
  });
});
