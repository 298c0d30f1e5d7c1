/**
 * What every cable language client shares, on the desktop (`node/nodeClient.ts`: `dist/server.js` run by
 * VS Code's own Node over IPC) and in a browser (`browser/browserClient.ts`: `dist/browser/server.js` in a
 * Web Worker): its options, error handling and restart policy. One client per server run: a client whose
 * start failed cannot be started again, so a restart builds a new one.
 */
import type { OutputChannel } from 'vscode';
import {
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type DocumentSelector,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import type { CableInitializationOptions } from '../../shared/protocol';
import { ReportingErrorHandler } from './errorHandler';
import type { GiveUpCause } from './messages';

/** The client id: also makes vscode-languageclient read the `cable.trace.server` setting. */
export const CLIENT_ID = 'cable';
export const CLIENT_NAME = 'Cable Language Server';
/** Restarts after crashes within three minutes before giving up (vscode-languageclient's default). */
export const MAX_RESTARTS = 4;

export interface CableClientOptions {
  output: OutputChannel;
  /** Told when the server is down for good; `crashLimit` is how many crashes that took. */
  onGiveUp: (cause: GiveUpCause, crashLimit: number) => void;
  /** A folder the server may keep its index cache in; without one it uses its own default. */
  cacheDirectory?: string;
}

/**
 * A client that can keep the library's own errors out of pop-ups. While a crashed server is being restarted,
 * and after the user has been told it is down for good, "couldn't create connection to server" or
 * "Restarting server failed" are pop-ups without context that either resolve themselves or repeat our
 * message: they go to the output channel alone. Each platform's client class overrides `error` so.
 */
export interface QuietableClient extends BaseLanguageClient {
  quiet: boolean;
}

/** Builds a client with `make` (the platform's class and transport), with the options and policies every platform shares. */
export function createCableClient<C extends QuietableClient>(
  options: CableClientOptions,
  documentSelector: DocumentSelector,
  make: (clientOptions: LanguageClientOptions) => C,
): C {
  const errorHandler = new ReportingErrorHandler({
    onRestart: () => (client.quiet = true),
    onGiveUp: (cause) => {
      client.quiet = true;
      options.onGiveUp(cause, MAX_RESTARTS + 1);
    },
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // The server reads `workspace/configuration` answers as they are, by the rules of shared/settings.ts, for
    // every editor alike; its problems with a value go to this output channel (the server's log).
    synchronize: { configurationSection: 'cable' },
    outputChannel: options.output,
    traceOutputChannel: options.output,
    // Failures are announced by our own messages, which offer to open the channel.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: 'cable',
    initializationOptions: { cacheDirectory: options.cacheDirectory } satisfies CableInitializationOptions,
    errorHandler,
    // The stock handler pops up the bare error text, e.g. "Pending response rejected since connection
    // got disposed" when the server died while starting. Log it; the failed start is reported anyway.
    initializationFailedHandler: (error) => {
      client.error('The server failed to initialize.', error, false);
      return false;
    },
  };
  const client = make(clientOptions);
  errorHandler.usePolicy(client.createDefaultErrorHandler(MAX_RESTARTS));
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Running) client.quiet = false;
  });
  return client;
}
