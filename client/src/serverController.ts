/**
 * Owns the running language client: start, restart (stop, then a fresh client), stop. Exposes the
 * current start as `ready` so that tests and commands can wait for the server, and carries the
 * extension's own notification handlers and requests over to each new client.
 */
import { State, type BaseLanguageClient } from 'vscode-languageclient';

type NotificationHandler = (params: unknown) => void;

export class ServerController {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<void>;
  /** Settles with the first start: the server starts only once the workspace turns out to hold cables. */
  private readonly firstStart: { resolve: () => void; reject: (error: unknown) => void };
  private started = false;
  /** The restart in progress, so that a second one waits for it instead of starting a second server. */
  private restarting: Promise<void> = Promise.resolve();
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private readonly runningListeners = new Set<(running: boolean) => void>();
  private running = false;

  /**
   * @param createClient builds a new, unstarted client.
   * @param onStartFailed told when a start fails (the rejection still reaches whoever awaits `ready`).
   */
  constructor(
    private readonly createClient: () => BaseLanguageClient,
    private readonly onStartFailed: (error: unknown) => void,
  ) {
    let settle: ServerController['firstStart'] = { resolve: () => undefined, reject: () => undefined };
    this.starting = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    this.firstStart = settle;
    this.starting.catch(() => undefined);
  }

  /** Settles when the latest start has completed: resolves once the server answered `initialize`; waits for the first start. */
  get ready(): Promise<void> {
    return this.starting;
  }

  /** True once a start was asked for (until `stop`): the server is meant to run for this workspace. */
  get isStarted(): boolean {
    return this.client !== undefined;
  }

  /** True while the current client's server is up (between `initialize` and its stop or crash). */
  get isRunning(): boolean {
    return this.running;
  }

  start(): Promise<void> {
    const client = this.createClient();
    this.client = client;
    for (const method of this.handlers.keys()) this.forward(client, method);
    client.onDidChangeState(({ newState }) => {
      if (this.client === client) this.setRunning(newState === State.Running);
    });
    const starting = client.start();
    this.starting = starting;
    if (!this.started) {
      this.started = true;
      starting.then(this.firstStart.resolve, this.firstStart.reject);
    }
    starting.catch((error: unknown) => {
      if (this.client === client) this.onStartFailed(error);
    });
    return starting;
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
    this.setRunning(false);
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

  /** Sends a request to the server once it is ready; rejects when no server was started or it failed. */
  async sendRequest<R>(method: string, params?: unknown): Promise<R> {
    await this.ready;
    const client = this.client;
    if (client === undefined) throw new Error('The cable language server is not running.');
    return params === undefined ? client.sendRequest<R>(method) : client.sendRequest<R>(method, params);
  }

  /** Handles a server notification from every client this controller starts, the current and the next ones. */
  onNotification(method: string, handler: NotificationHandler): { dispose(): void } {
    let forMethod = this.handlers.get(method);
    if (forMethod === undefined) {
      forMethod = new Set();
      this.handlers.set(method, forMethod);
      if (this.client !== undefined) this.forward(this.client, method);
    }
    forMethod.add(handler);
    return { dispose: () => forMethod.delete(handler) };
  }

  /** Told `true` when a server is up and answering, `false` when it stopped or crashed. */
  onDidChangeRunning(listener: (running: boolean) => void): { dispose(): void } {
    this.runningListeners.add(listener);
    return { dispose: () => this.runningListeners.delete(listener) };
  }

  /** A client keeps one handler per method: ours dispatches to every handler registered here. */
  private forward(client: BaseLanguageClient, method: string): void {
    client.onNotification(method, (params: unknown) => {
      for (const handler of this.handlers.get(method) ?? []) handler(params);
    });
  }

  private setRunning(running: boolean): void {
    if (running === this.running) return;
    this.running = running;
    for (const listener of this.runningListeners) listener(running);
  }
}
