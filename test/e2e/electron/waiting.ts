/**
 * Waiting inside VS Code on the events that announce a change (diagnostics, opened documents,
 * configuration), never on sleeps: the condition is checked at once and again on each event.
 */
import type * as vscode from 'vscode';

/** Resolves with `check()`'s first defined value, checked now and on every event of `events`; rejects after `timeoutMs`. */
export function until<T>(events: vscode.Event<unknown>[], check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (settle: () => void) => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      settle();
    };
    const test = () => {
      try {
        const value = check();
        if (value !== undefined) done(() => resolve(value));
      } catch (error) {
        done(() => reject(error));
      }
    };
    const timer = setTimeout(() => done(() => reject(new Error(`${what}: not within ${timeoutMs} ms`))), timeoutMs);
    for (const event of events) subscriptions.push(event(test));
    test();
  });
}
