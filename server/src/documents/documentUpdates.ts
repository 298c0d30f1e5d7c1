/**
 * How the server applies a client's incremental edits. `TextDocument.update` keeps its line table
 * incrementally and loses track when an edit joins a lone CR to an LF or starts past the last line, which
 * VS Code never sends but other clients may. The model cache finds what changed by comparing the versions'
 * texts (`reparseCableFile`), not from the edits, so each edit is applied to the text itself and the document
 * made afresh: always right, O(n).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export function updateDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let current = document;
  for (const change of changes) {
    if (!('range' in change)) {
      current = TextDocument.create(current.uri, current.languageId, version, change.text);
      continue;
    }
    // A fresh document's offsetAt clamps positions past the end of a line or of the text.
    const text = current.getText();
    const start = current.offsetAt(change.range.start);
    const end = Math.max(start, current.offsetAt(change.range.end));
    current = TextDocument.create(current.uri, current.languageId, version, text.slice(0, start) + change.text + text.slice(end));
  }
  return changes.length ? current : TextDocument.create(document.uri, document.languageId, version, document.getText());
}

/** What `new TextDocuments(…)` takes: documents made as usual, edits applied as above. */
export const documentConfiguration = { create: TextDocument.create, update: updateDocument };
