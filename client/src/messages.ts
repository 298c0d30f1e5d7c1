/**
 * What the user is told when the server is down for good. The message names the output channel,
 * because the server's own explanation (a stack trace, a missing file) is only there, and offers
 * the way back.
 */
import * as vscode from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Cable Language Server';

const SHOW_OUTPUT = 'Show Output';
const RESTART = 'Restart Server';

/** Why the client stopped trying: the server process kept dying, or the connection kept failing. */
export type GiveUpCause = 'crashed' | 'connection';

export async function reportServerGaveUp(cause: GiveUpCause, crashLimit: number): Promise<void> {
  const what =
    cause === 'crashed'
      ? `The cable language server crashed ${crashLimit} times within 3 minutes and will not be restarted.`
      : 'The connection to the cable language server kept failing, so the server was stopped.';
  const choice = await vscode.window.showErrorMessage(
    `${what} Diagnostics, hovers and the outline for cables are off until it runs again. ` +
      `Details are in the "${OUTPUT_CHANNEL_NAME}" output channel.`,
    SHOW_OUTPUT,
    RESTART,
  );
  if (choice === SHOW_OUTPUT) await vscode.commands.executeCommand('cable.showOutput');
  if (choice === RESTART) await vscode.commands.executeCommand('cable.restartServer');
}
