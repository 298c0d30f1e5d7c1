/** The commands the extension contributes (see `contributes.commands` in package.json). */
import * as vscode from 'vscode';
import type { CablesView } from './cablesView';
import type { CheckAllCommand } from './checkAll';
import type { ServerController } from './serverController';

export interface CommandTargets {
  server: ServerController;
  /** Whatever must exist before a server starts (its cache folder). */
  beforeStart: () => Promise<void>;
  output: vscode.OutputChannel;
  cablesView: CablesView;
  checkAll: CheckAllCommand;
}

export function registerCommands({ server, beforeStart, output, cablesView, checkAll }: CommandTargets): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('cable.restartServer', () => restartServer(server, beforeStart)),
    vscode.commands.registerCommand('cable.showOutput', () => output.show()),
    vscode.commands.registerCommand('cable.treatAsCable', (uri?: unknown) => treatAsCable(uri)),
    vscode.commands.registerCommand('cable.checkAllCables', () => checkAll.run()),
    vscode.commands.registerCommand('cable.cablesView.groupBy', () => cablesView.chooseGrouping()),
    vscode.commands.registerCommand('cable.cablesView.filter', () => cablesView.editFilter()),
    vscode.commands.registerCommand('cable.cablesView.clearFilter', () => cablesView.clearFilter()),
    vscode.commands.registerCommand('cable.cablesView.refresh', () => cablesView.refresh()),
    // The "Show 500 more…" row of a long list passes itself.
    vscode.commands.registerCommand('cable.cablesView.showMore', (row?: unknown) => cablesView.showMore(row)),
  );
}

async function restartServer(server: ServerController, beforeStart: () => Promise<void>): Promise<void> {
  try {
    await beforeStart();
    await server.restart();
    void vscode.window.showInformationMessage('Cable language server restarted.');
  } catch {
    // The failure has been shown already: by the give-up message, or by the language client itself.
  }
}

/** Switches the file passed in (by a keybinding or another extension), else the active editor's document, to `cable`. */
async function treatAsCable(uri: unknown): Promise<void> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage('Open the file you want to treat as a cable first.');
    return;
  }
  if (document.languageId !== 'cable') await vscode.languages.setTextDocumentLanguage(document, 'cable');
}
