/**
 * "Cable: Open Preview" and "Cable: Open Preview to the Side", as Markdown's: one preview per cable file, shown
 * again (not opened twice) when asked for again; every open preview follows the workspace's cables (cited cables
 * appear as links once indexed) and a restarted server.
 */
import * as vscode from 'vscode';
import { CABLES_CHANGED_NOTIFICATION } from '../../../shared/protocol';
import type { ServerController } from '../serverController';
import { CablePreview } from './cablePreview';

export function registerPreview(context: vscode.ExtensionContext, server: ServerController): vscode.Disposable {
  const previews = new Map<string, CablePreview>();
  const refreshAll = () => {
    for (const preview of previews.values()) preview.scheduleUpdate(500);
  };

  const open = async (resource: unknown, toSide: boolean): Promise<void> => {
    const document = await documentToPreview(resource);
    if (!document) {
      void vscode.window.showInformationMessage('Open a cable to preview it.');
      return;
    }
    const key = document.uri.toString();
    const active = vscode.window.activeTextEditor;
    const column = toSide ? vscode.ViewColumn.Beside : (active?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = previews.get(key);
    if (existing) {
      existing.reveal(column, toSide);
      return;
    }
    const preview = new CablePreview(document.uri, column, toSide, context.extensionUri, server);
    previews.set(key, preview);
    preview.onDidDispose(() => previews.delete(key));
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('cable.openPreview', (resource?: unknown) => open(resource, false)),
    vscode.commands.registerCommand('cable.openPreviewToSide', (resource?: unknown) => open(resource, true)),
    server.onNotification(CABLES_CHANGED_NOTIFICATION, refreshAll),
    server.onDidChangeRunning((running) => {
      if (running) refreshAll();
    }),
    { dispose: () => [...previews.values()].forEach((preview) => preview.dispose()) },
  );
}

/** The cable to preview: the file the editor title or Explorer passed, else the active editor's, if a cable. */
async function documentToPreview(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString());
    const document = open ?? (await vscode.workspace.openTextDocument(resource));
    return document.languageId === 'cable' ? document : undefined;
  }
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'cable' ? document : undefined;
}
