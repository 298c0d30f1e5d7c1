/** The commands the extension contributes (see `contributes.commands` in package.json). */
import * as vscode from 'vscode';
import type { ServerController } from './serverController';

export function registerCommands(server: ServerController, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('cable.restartServer', () => restartServer(server)),
    vscode.commands.registerCommand('cable.showOutput', () => output.show()),
    vscode.commands.registerCommand('cable.treatAsCable', (uri?: unknown) => treatAsCable(uri)),
  );
}

async function restartServer(server: ServerController): Promise<void> {
  try {
    await server.restart();
    void vscode.window.showInformationMessage('Cable language server restarted.');
  } catch {
    // The failure has been shown already: by the give-up message, or by the language client itself.
  }
}

/** Switches the file passed in (by a keybinding or another extension), else the active editor's document, to `cable`. */
async function treatAsCable(uri: unknown): Promise<void> {
  const document =
    uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage('Open the file you want to treat as a cable first.');
    return;
  }
  if (document.languageId !== 'cable') await vscode.languages.setTextDocumentLanguage(document, 'cable');
}
