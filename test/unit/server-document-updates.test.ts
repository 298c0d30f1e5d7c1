/** The server's own edit application, where `TextDocument.update` would lose track of lines. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { updateDocument } from '../../server/src/documents/documentUpdates';

const fresh = (document: TextDocument) => TextDocument.create(document.uri, document.languageId, document.version, document.getText());

describe('updateDocument', () => {
  it('joins a lone CR and an inserted LF into one line break', () => {
    const document = updateDocument(
      TextDocument.create('file:///a.cable', 'cable', 1, 'a\rb'),
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }],
      2,
    );
    assert.equal(document.getText(), 'a\r\nb');
    assert.equal(document.lineCount, fresh(document).lineCount);
    assert.equal(document.version, 2);
  });

  it('clamps a change that starts past the last line', () => {
    let document = TextDocument.create('file:///a.cable', 'cable', 1, '');
    document = updateDocument(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' }], 2);
    document = updateDocument(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 3);
    assert.equal(document.getText(), '\n');
  });

  it('applies several changes in order, and whole-text changes', () => {
    let document = TextDocument.create('file:///a.cable', 'cable', 1, '¶1. (C) Text.');
    document = updateDocument(
      document,
      [
        { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: '(S)' },
        { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: '\n¶2. (U) More.' },
      ],
      2,
    );
    assert.equal(document.getText(), '¶1. (S) Text.\n¶2. (U) More.');
    assert.equal(updateDocument(document, [{ text: 'all new' }], 3).getText(), 'all new');
  });
});
