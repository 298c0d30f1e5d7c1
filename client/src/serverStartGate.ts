/**
 * Starts the language server only where there is something for it to do: when a cable document is
 * open or opens (a `.cable` file, or a `.txt` file that detection switched), or when the workspace
 * folders hold cables. The extension also activates on plain text and on any folder with a `.txt`
 * file; a folder without cables gets no server process.
 */
import * as vscode from 'vscode';

export class ServerStartGate implements vscode.Disposable {
  private starting: Promise<void> | undefined;
  private readonly listeners: vscode.Disposable[];

  /** @param start starts the server; called once, by whichever reason comes first. */
  /** `holdsCables` looks for cables in the workspace folders (`workspaceDetection.ts`, with the platform's file reading). */
  constructor(
    private readonly start: () => Promise<void>,
    private readonly log: (message: string) => void,
    private readonly holdsCables: () => Promise<boolean>,
  ) {
    this.listeners = [
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === 'cable') void this.startNow('a cable was opened').catch(() => undefined);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.startIfWorkspaceHoldsCables()),
    ];
  }

  /** Starts at once when a cable is open, else when the workspace turns out to hold cables. */
  async startIfNeeded(): Promise<void> {
    if (vscode.workspace.textDocuments.some((document) => document.languageId === 'cable')) {
      await this.startNow('a cable is open');
    } else {
      await this.startIfWorkspaceHoldsCables();
    }
  }

  /** Starts the server unless it was started already; settles with that start. */
  startNow(reason: string): Promise<void> {
    if (this.starting === undefined) {
      this.log(`Starting the server: ${reason}.`);
      this.dispose(); // nothing left to wait for
      this.starting = this.start();
    }
    return this.starting;
  }

  dispose(): void {
    for (const listener of this.listeners.splice(0)) listener.dispose();
  }

  private async startIfWorkspaceHoldsCables(): Promise<void> {
    if (this.starting !== undefined) return;
    let holdsCables = false;
    try {
      holdsCables = await this.holdsCables();
    } catch (error) {
      this.log(`Looking for cables in the workspace failed: ${String(error)}`);
    }
    if (holdsCables) await this.startNow('the workspace holds cables').catch(() => undefined);
    else if (this.starting === undefined) this.log('No cables in the workspace: the server starts when a cable is opened.');
  }
}
