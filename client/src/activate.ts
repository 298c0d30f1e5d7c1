/**
 * The Diplomatic Cables extension, on every platform: registers the commands, the Cables view and the
 * index's status bar item, switches plain-text files that are cables to the `cable` language, and
 * starts the cable language server once there is a cable to serve (one open, or one in the folders).
 * The entries (`extension.ts` for the desktop, `browser/extension.ts` for vscode.dev) say how the server
 * runs and how files are read.
 */
import * as vscode from 'vscode';
import { CablesView } from './cablesView';
import { CheckAllCommand } from './checkAll';
import { registerCommands } from './commands';
import { registerIndexStatusBar } from './indexStatusBar';
import { OUTPUT_CHANNEL_NAME, reportServerGaveUp } from './messages';
import { registerPreview } from './preview/registerPreview';
import type { CableClientOptions, QuietableClient } from './serverClient';
import { ServerController } from './serverController';
import { ServerStartGate } from './serverStartGate';
import { registerTextFileDetection } from './textDetection';
import { workspaceHoldsCables, type ReadHead } from './workspaceDetection';

/** What differs between the desktop and the browser. */
export interface ClientPlatform {
  /** A new, unstarted client for the platform's server. */
  createClient(options: CableClientOptions): QuietableClient;
  readHead: ReadHead;
  /** The folder the server may keep its index cache in, when it keeps one. */
  cacheDirectory?: vscode.Uri;
}

/** What `activate` returns to other extensions and tests: `await api.ready` waits for the server. */
export interface CableExtensionApi {
  /**
   * Settles when the latest (re)start of the server completes; rejects if it failed. Until the first
   * start (the server starts once a cable is open or the workspace holds cables) it waits for it.
   */
  readonly ready: Promise<void>;
}

let server: ServerController | undefined;

export async function activateCableExtension(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<CableExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const cacheDirectory = platform.cacheDirectory;
  const controller = new ServerController(
    () =>
      platform.createClient({
        output,
        onGiveUp: (cause, crashLimit) => void reportServerGaveUp(cause, crashLimit),
        cacheDirectory: cacheDirectory?.fsPath,
      }),
    // vscode-languageclient has already logged why and shown it with a "Go to output" button.
    () => output.appendLine('[client] The server did not start. Run "Cable: Restart Language Server" to try again.'),
  );
  server = controller;

  const beforeStart = async (): Promise<void> => {
    if (!cacheDirectory) return;
    try {
      await vscode.workspace.fs.createDirectory(cacheDirectory);
    } catch (error) {
      // The server then keeps no cache, or its own; it works either way.
      output.appendLine(`[client] Could not create the cache folder ${cacheDirectory.fsPath}: ${String(error)}`);
    }
  };
  const gate = new ServerStartGate(
    async () => {
      await beforeStart();
      // "Restart Language Server" may have started it in the meantime.
      if (controller.isStarted) await controller.ready;
      else await controller.start();
    },
    (message) => output.appendLine(`[client] ${message}`),
    () => workspaceHoldsCables(platform.readHead),
  );

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

export async function deactivateCableExtension(): Promise<void> {
  await server?.stop();
  server = undefined;
}
