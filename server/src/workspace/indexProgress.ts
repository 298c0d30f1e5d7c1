/**
 * Work-done progress for the index's scans (`window/workDoneProgress/create`, then `$/progress` begin, report,
 * end): "Indexing cables: 12,000 of 251,287 files". Reports are throttled; the end is always sent.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ScanProgress } from './serverWorkspace';
import { throttled } from './throttle';

const REPORT_INTERVAL_MS = 250;

/** Starts a progress in the editor; `undefined` when the client shows none. */
export function progressStarter(connection: Connection, supported: boolean): ((title: string) => ScanProgress) | undefined {
  if (!supported) return undefined;
  return (title) => {
    // The editor must accept the token before `begin`; until then reports wait, and only the latest counts.
    const reporter: Promise<WorkDoneProgressServerReporter | undefined> = connection.window
      .createWorkDoneProgress()
      .then((progress) => {
        progress.begin(title, 0, undefined, false);
        return progress;
      })
      .catch(() => undefined);
    const report = throttled<{ message: string; percentage?: number }>(
      REPORT_INTERVAL_MS,
      ({ message, percentage }) => void reporter.then((progress) => progress?.report(percentage ?? 0, message)),
    );
    return {
      report: (message, percentage) => report({ message, percentage }),
      done: (message) => {
        report.flush();
        void reporter.then((progress) => {
          progress?.report(100, message);
          progress?.done();
        });
      },
    };
  };
}
