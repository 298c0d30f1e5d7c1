/**
 * "Cable: Check All Cables in the Workspace": the server checks every indexed cable, shows its own
 * cancellable progress and reports the problems as workspace diagnostics (which the language client
 * pulls into the Problems panel); the client only asks and then says what was found.
 */
import * as vscode from 'vscode';
import { CHECK_ALL_REQUEST, type CheckAllResult } from '../../shared/protocol';
import { checkAllMessage } from './indexWording';
import { OUTPUT_CHANNEL_NAME } from './messages';
import type { ServerController } from './serverController';

const SHOW_PROBLEMS = 'Show Problems';

export class CheckAllCommand {
  /** The check in progress: running it again while it runs would only check everything twice. */
  private running: Promise<void> | undefined;

  /** @param startServer starts the server if it is not running yet (a folder of cables with none open). */
  constructor(
    private readonly server: ServerController,
    private readonly startServer: () => Promise<void>,
  ) {}

  run(): Promise<void> {
    if (this.running !== undefined) {
      void vscode.window.showInformationMessage('A check of all cables is already running.');
      return this.running;
    }
    this.running = this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Open a folder of cables to check them all.');
      return;
    }
    try {
      await this.startServer();
    } catch {
      return; // the failed start has been reported already
    }
    let result: CheckAllResult;
    try {
      result = await this.server.sendRequest<CheckAllResult>(CHECK_ALL_REQUEST);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(
        `Checking all cables failed: ${reason}. Details are in the "${OUTPUT_CHANNEL_NAME}" output channel.`,
      );
      return;
    }
    // Not awaited: the check is over, even while the message waits to be read.
    void this.report(result);
  }

  private async report(result: CheckAllResult): Promise<void> {
    const actions = result.problems > 0 ? [SHOW_PROBLEMS] : [];
    const choice = await vscode.window.showInformationMessage(checkAllMessage(result), ...actions);
    if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}
