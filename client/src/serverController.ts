/**
 * Owns the running language client: start, restart (stop, then a fresh client), stop. Exposes the
 * current start as `ready` so that tests and commands can wait for the server.
 */
import { State, type LanguageClient } from 'vscode-languageclient/node';

export class ServerController {
  private client: LanguageClient | undefined;
  private starting: Promise<void> = Promise.reject(new Error('The cable language server has not been started.'));
  /** The restart in progress, so that a second one waits for it instead of starting a second server. */
  private restarting: Promise<void> = Promise.resolve();

  /**
   * @param createClient builds a new, unstarted client.
   * @param onStartFailed told when a start fails (the rejection still reaches whoever awaits `ready`).
   */
  constructor(
    private readonly createClient: () => LanguageClient,
    private readonly onStartFailed: (error: unknown) => void,
  ) {
    this.starting.catch(() => undefined);
  }

  /** Settles when the latest start has completed: resolves once the server answered `initialize`. */
  get ready(): Promise<void> {
    return this.starting;
  }

  start(): Promise<void> {
    const client = this.createClient();
    this.client = client;
    this.starting = client.start();
    this.starting.catch((error: unknown) => {
      if (this.client === client) this.onStartFailed(error);
    });
    return this.starting;
  }

  restart(): Promise<void> {
    const restarted = this.restarting.then(() => this.stop()).then(() => this.start());
    this.restarting = restarted.catch(() => undefined);
    return restarted;
  }

  /** Stops the server if it runs; never throws, since there is nothing the caller could do. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    // A client cannot be stopped half-way through its start; let the start finish (or fail) first.
    if (client.state === State.Starting) await this.starting.catch(() => undefined);
    const running = client.state === State.Running;
    try {
      // Disposing also marks a crashed client as done, so that it stops restarting its server.
      await client.dispose();
    } catch (error) {
      // Only a running client can be shut down; the others have no server left to stop.
      if (running) client.warn('Stopping the cable language server failed.', error);
    }
  }
}
