/**
 * Desktop entry of the Diplomatic Cables extension (the manifest's `main`): the server runs in VS Code's own
 * Node (`dist/server.js`) and keeps its index cache in the workspace's storage.
 */
import type * as vscode from 'vscode';
import { activateCableExtension, deactivateCableExtension, type CableExtensionApi } from './activate';
import { createNodeCableClient, readHeadFromDisk } from './node/nodeClient';

export type { CableExtensionApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CableExtensionApi> {
  return activateCableExtension(context, {
    createClient: (options) => createNodeCableClient(context.asAbsolutePath('dist/server.js'), options),
    readHead: readHeadFromDisk,
    // The workspace's own storage when a folder is open, so each workspace keeps its own index cache.
    cacheDirectory: context.storageUri ?? context.globalStorageUri,
  });
}

export const deactivate = deactivateCableExtension;
