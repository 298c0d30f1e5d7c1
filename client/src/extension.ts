/**
 * Entry point of the Diplomatic Cables extension: starts the cable language server, registers the
 * commands and switches plain-text files that are cables to the `cable` language.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { OUTPUT_CHANNEL_NAME, reportServerGaveUp } from './messages';
import { createCableClient } from './serverClient';
import { ServerController } from './serverController';
import { registerTextFileDetection } from './textDetection';

/** What `activate` returns to other extensions and tests: `await api.ready` waits for the server. */
export interface CableExtensionApi {
  /** Settles when the latest (re)start of the server completes; rejects if it failed. */
  readonly ready: Promise<void>;
}

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CableExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const logSettingsWarning = onceEach((message: string) => output.appendLine(`[settings] ${message}`));
  const controller = new ServerController(
    () =>
      createCableClient({
        serverModule: context.asAbsolutePath('dist/server.js'),
        output,
        onGiveUp: (cause, crashLimit) => void reportServerGaveUp(cause, crashLimit),
        onSettingsWarning: logSettingsWarning,
      }),
    // vscode-languageclient has already logged why and shown it with a "Go to output" button.
    () => output.appendLine('[client] The server did not start. Run "Cable: Restart Language Server" to try again.'),
  );
  server = controller;

  context.subscriptions.push(output, registerCommands(controller, output), registerTextFileDetection());
  void controller.start().catch(() => undefined);
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

/** The server asks for settings on every change and document; say each problem with them once. */
function onceEach(log: (message: string) => void): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    log(message);
  };
}
