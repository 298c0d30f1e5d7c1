/** The JSON Lines format: one object per linted file, `{"file", "cables", "diagnostics"}`, 1-based positions. */
import type { FileReport } from '../report';
import { visibleDiagnostics } from './visible';

/** One line, ending with a newline; failed inputs have none (they are named on stderr). */
export function formatJsonLine(report: FileReport, quiet: boolean): string {
  if (report.failure) return '';
  const diagnostics = visibleDiagnostics(report.diagnostics, quiet).map(
    ({ line, column, endLine, endColumn, severity, code, message }) => ({
      line,
      column,
      endLine,
      endColumn,
      severity,
      code,
      message,
    }),
  );
  return JSON.stringify({ file: report.file, cables: report.cables, diagnostics }) + '\n';
}
