/**
 * `cable.detectInTextFiles`: a `.txt` file that opens as plain text but starts like a cable is switched
 * to `cable`. VS Code's `firstLine` matching cannot do this, because `.txt` is already claimed by plain
 * text, and it sees only one line. The detector is the one `cable-lint` and the server's index use.
 */
import * as vscode from 'vscode';
import { SNIFF_LINES, looksLikeCable } from '../../shared/cableDetection';
import { detectsTextFiles } from './settings';

export function registerTextFileDetection(): vscode.Disposable {
  // Open files switched once are left alone: if the user sets one back to plain text, that sticks.
  const switched = new Set<string>();

  const consider = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (switched.has(key) || !isCandidate(document) || !looksLikeCable(firstLines(document))) return;
    switched.add(key);
    vscode.languages.setTextDocumentLanguage(document, 'cable').then(undefined, () => switched.delete(key));
  };
  const considerAllOpen = (): void => vscode.workspace.textDocuments.forEach(consider);

  considerAllOpen();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(consider),
    // A language change closes and reopens the document at once; only a real close ends its
    // stay in `switched`, so that the file is detected afresh when opened again.
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((open) => open.uri.toString() === key)) switched.delete(key);
      }, 0);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cable.detectInTextFiles')) considerAllOpen();
    }),
  );
}

/** A plain-text `.txt` document whose folder (or workspace) has detection on. */
function isCandidate(document: vscode.TextDocument): boolean {
  return (
    document.languageId === 'plaintext' &&
    document.uri.path.toLowerCase().endsWith('.txt') &&
    detectsTextFiles(vscode.workspace.getConfiguration('cable', document.uri))
  );
}

/** The lines the detector reads (it cuts them to the bytes a reader of the file would see). */
function firstLines(document: vscode.TextDocument): string {
  const lines = Math.min(document.lineCount, SNIFF_LINES);
  return document.getText(new vscode.Range(0, 0, lines, 0));
}
