/**
 * Browser entry of the Diplomatic Cables extension (the manifest's `browser`), for vscode.dev and github.dev:
 * the server runs in a Web Worker and reads the workspace's files through VS Code; it keeps no index cache.
 */
import * as vscode from 'vscode';
import { activateCableExtension, deactivateCableExtension, type CableExtensionApi } from '../activate';
import { createBrowserCableClient, readHeadThroughWorkspaceFs, serverScriptUrl } from './browserClient';

export type { CableExtensionApi } from '../activate';

export async function activate(context: vscode.ExtensionContext): Promise<CableExtensionApi> {
  const script = await serverScriptUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js'));
  return activateCableExtension(context, {
    createClient: (options) => createBrowserCableClient(script, options),
    readHead: readHeadThroughWorkspaceFs,
  });
}

export const deactivate = deactivateCableExtension;
