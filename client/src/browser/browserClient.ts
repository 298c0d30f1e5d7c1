/**
 * The browser's client (vscode.dev, github.dev): the bundled server (`dist/browser/server.js`) runs in a Web
 * Worker, for cables on any file system VS Code has. The server reads the workspace's files through this
 * client (`workspaceFiles.ts`).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { SNIFF_BYTES } from '../../../shared/cableDetection';
import { DEFAULT_CABLE_SETTINGS } from '../../../shared/settings';
import { CLIENT_ID, CLIENT_NAME, createCableClient, type CableClientOptions, type QuietableClient } from '../serverClient';
import { registerWorkspaceFiles } from './workspaceFiles';

/** The web extension host's `Worker` (the project's types are Node's, which do not declare it). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

class BrowserCableClient extends LanguageClient implements QuietableClient {
  quiet = false;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.quiet ? false : showNotification);
  }
}

/**
 * The server script as a `blob:` URL, which a Worker can always start from: the extension's own URI may be of
 * another origin or scheme (`vscode-remote:` when the extension is installed on a server), which a Worker
 * refuses. Read once; every restart starts a new Worker from it.
 */
export async function serverScriptUrl(serverScript: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(serverScript);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

export function createBrowserCableClient(serverScriptUrl: string, options: CableClientOptions): QuietableClient {
  const client = createCableClient(options, [{ language: 'cable' }], (clientOptions) => {
    const worker = new Worker(serverScriptUrl, { name: CLIENT_NAME });
    return new BrowserCableClient(CLIENT_ID, CLIENT_NAME, clientOptions, worker);
  });
  registerWorkspaceFiles(client);
  return client;
}

/**
 * The first bytes of a file as text, through `vscode.workspace.fs`, which reads files whole: files past the
 * index's default size limit, which the index would leave out, are not read.
 */
export async function readHeadThroughWorkspaceFs(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > DEFAULT_CABLE_SETTINGS.index.maxFileSizeMB * 1024 * 1024) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  } catch {
    return undefined;
  }
}
