/**
 * Wraps request handlers so one failing feature never takes the server down: a thrown error is logged with
 * its stack and the document's uri, and the request is answered with the feature's empty result. A
 * cancelled request is answered early with the same empty result, since the client no longer wants it.
 */
import { ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Where bug reports go: `connection.console` in the server, a fake in tests. */
export interface ErrorLog {
  error(message: string): void;
}

/** Formats an unexpected error with its stack, so a bug report from the output channel is actionable. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs `work` (sync or async) and answers `emptyValue` when it throws or when `token` is cancelled, before
 * or after the work. `what` names the request and `uri` the document, for the log line. A `ResponseError`
 * is a deliberate answer (e.g. "server cancelled, ask again"), not a bug: it goes to the client as it is.
 */
export async function runSafe<T>(
  log: ErrorLog,
  what: string,
  uri: string | undefined,
  emptyValue: T,
  token: CancellationToken | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return emptyValue;
  try {
    const result = await work();
    return token?.isCancellationRequested ? emptyValue : result;
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    log.error(`${what} failed${uri ? ` for ${uri}` : ''}: ${describeError(error)}`);
    return emptyValue;
  }
}

/** Runs a notification handler's work; a throw is logged like a failed request (there is nothing to answer). */
export function runSafeNotification(log: ErrorLog, what: string, uri: string | undefined, work: () => void): void {
  try {
    work();
  } catch (error) {
    log.error(`${what} failed${uri ? ` for ${uri}` : ''}: ${describeError(error)}`);
  }
}
