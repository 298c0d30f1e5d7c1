/**
 * The status bar item that says how far the workspace index has got (`cable/indexStatus`), so a
 * researcher knows whether "not in the workspace" can be trusted. Shown while the server runs for a
 * workspace folder; a click shows the Cables view.
 */
import * as vscode from 'vscode';
import { INDEX_STATUS_NOTIFICATION, type IndexStatus } from '../../shared/protocol';
import { statusBarText, statusBarTooltip } from './indexWording';
import type { ServerController } from './serverController';

export function registerIndexStatusBar(server: ServerController): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('cable.indexStatus', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Cable Index';
  item.command = 'cable.cablesView.focus';
  let status: IndexStatus | undefined;

  const update = (): void => {
    // Without a folder there is no index to speak of, only the open cables.
    if (status === undefined || !server.isRunning || !vscode.workspace.workspaceFolders?.length) {
      item.hide();
      return;
    }
    item.text = statusBarText(status);
    item.tooltip = statusBarTooltip(status);
    item.backgroundColor = status.state === 'limited' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  return vscode.Disposable.from(
    item,
    server.onNotification(INDEX_STATUS_NOTIFICATION, (params) => {
      status = params as IndexStatus;
      update();
    }),
    server.onDidChangeRunning((running) => {
      if (!running) status = undefined; // a restarted server reports afresh
      update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  );
}
