/**
 * Keeps vscode-languageclient's restart policy (restart a crashed server, give up after too many
 * crashes in three minutes) but reports what it decides, so that the client can keep quiet while it
 * restarts and tell the user properly when it gives up: the stock message says "see the output"
 * without saying which, and offers no way back.
 */
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient';
import type { GiveUpCause } from './messages';

export interface RestartListener {
  /** The server died and is being restarted. */
  onRestart(): void;
  /** The server is down for good. */
  onGiveUp(cause: GiveUpCause): void;
}

export class ReportingErrorHandler implements ErrorHandler {
  /** The policy that decides; set once the client exists, since the default handler needs the client. */
  private policy: ErrorHandler | undefined;

  constructor(private readonly listener: RestartListener) {}

  /** Takes the policy, e.g. `client.createDefaultErrorHandler(4)`. */
  usePolicy(policy: ErrorHandler): void {
    this.policy = policy;
  }

  async error(error: Error, message: Message | undefined, count: number | undefined): Promise<ErrorHandlerResult> {
    const result = this.policy ? await this.policy.error(error, message, count) : { action: ErrorAction.Shutdown };
    if (result.action !== ErrorAction.Shutdown) return result;
    this.listener.onGiveUp('connection');
    // `handled`: the client only logs this message to the output channel instead of showing it too.
    return {
      action: ErrorAction.Shutdown,
      message: result.message ?? `Connection errors (${error.message}); stopping the server.`,
      handled: true,
    };
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = this.policy ? await this.policy.closed() : { action: CloseAction.DoNotRestart };
    if (result.action === CloseAction.Restart) {
      this.listener.onRestart();
      return result;
    }
    this.listener.onGiveUp('crashed');
    return { action: CloseAction.DoNotRestart, message: result.message ?? 'The server stopped; not restarting it.', handled: true };
  }
}
