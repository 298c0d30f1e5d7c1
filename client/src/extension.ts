/**
 * Entry point of the Diplomatic Cables extension: registers the commands, the Cables view and the
 * index's status bar item, switches plain-text files that are cables to the `cable` language, and
 * starts the cable language server once there is a cable to serve (one open, or one in the folders).
 */
import * as vscode from 'vscode';
import { CablesView } from './cablesView';
import { CheckAllCommand } from './checkAll';
import { registerCommands } from './commands';
import { registerIndexStatusBar } from './indexStatusBar';
import { OUTPUT_CHANNEL_NAME, reportServerGaveUp } from './messages';
import { registerPreview } from './preview/registerPreview';
import { createCableClient } from './serverClient';
import { ServerController } from './serverController';
import { ServerStartGate } from './serverStartGate';
import { registerTextFileDetection } from './textDetection';

/** What `activate` returns to other extensions and tests: `await api.ready` waits for the server. */
export interface CableExtensionApi {
  /**
   * Settles when the latest (re)start of the server completes; rejects if it failed. Until the first
   * start (the server starts once a cable is open or the workspace holds cables) it waits for it.
   */
  readonly ready: Promise<void>;
}

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CableExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  // The workspace's own storage when a folder is open, so each workspace keeps its own index cache.
  const cacheDirectory = (context.storageUri ?? context.globalStorageUri).fsPath;
  const controller = new ServerController(
    () =>
      createCableClient({
        serverModule: context.asAbsolutePath('dist/server.js'),
        output,
        onGiveUp: (cause, crashLimit) => void reportServerGaveUp(cause, crashLimit),
        cacheDirectory,
      }),
    // vscode-languageclient has already logged why and shown it with a "Go to output" button.
    () => output.appendLine('[client] The server did not start. Run "Cable: Restart Language Server" to try again.'),
  );
  server = controller;

  const beforeStart = async (): Promise<void> => {
    try {
      await vscode.workspace.fs.createDirectory(context.storageUri ?? context.globalStorageUri);
    } catch (error) {
      // The server then keeps no cache, or its own; it works either way.
      output.appendLine(`[client] Could not create the cache folder ${cacheDirectory}: ${String(error)}`);
    }
  };
  const gate = new ServerStartGate(async () => {
    await beforeStart();
    // "Restart Language Server" may have started it in the meantime.
    if (controller.isStarted) await controller.ready;
    else await controller.start();
  }, (message) => output.appendLine(`[client] ${message}`));

  const cablesView = new CablesView(controller, context.workspaceState, (message) => output.appendLine(`[client] ${message}`));
  const checkAll = new CheckAllCommand(controller, () => gate.startNow('Check All Cables was run'));
  context.subscriptions.push(
    output,
    gate,
    cablesView,
    registerIndexStatusBar(controller),
    registerCommands({ server: controller, beforeStart, output, cablesView, checkAll }),
    registerTextFileDetection(),
    registerPreview(context, controller),
  );
  void gate.startIfNeeded().catch(() => undefined);
  return {
    get ready() {
      return controller.ready;
    },
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
