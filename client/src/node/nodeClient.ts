/**
 * The desktop's client: the bundled server (`dist/server.js`) run by VS Code's own Node over IPC, for cables
 * on disk and untitled ones; a debugger can attach to it in a development host.
 */
import { open } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SNIFF_BYTES } from '../../../shared/cableDetection';
import { CLIENT_ID, CLIENT_NAME, createCableClient, type CableClientOptions, type QuietableClient } from '../serverClient';

/** Port for attaching a debugger to the server when the extension runs in a development host. */
const DEBUG_PORT = 6009;

class NodeCableClient extends LanguageClient implements QuietableClient {
  quiet = false;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.quiet ? false : showNotification);
  }
}

export function createNodeCableClient(serverModule: string, options: CableClientOptions): QuietableClient {
  const transport = TransportKind.ipc;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport },
    debug: { module: serverModule, transport, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
  const selector = [
    { scheme: 'file', language: 'cable' },
    { scheme: 'untitled', language: 'cable' },
  ];
  return createCableClient(options, selector, (clientOptions) => new NodeCableClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions));
}

/** The first bytes of a local file, as the server and cable-lint read them; undefined off disk, where the server cannot read either. */
export async function readHeadFromDisk(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    const file = await open(uri.fsPath, 'r');
    try {
      const bytes = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await file.read(bytes, 0, SNIFF_BYTES, 0);
      // A character cut at the end decodes to U+FFFD, as the server's and cable-lint's readers decode it.
      return new TextDecoder().decode(bytes.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return undefined; // unreadable or gone since the search: it just does not count
  }
}
