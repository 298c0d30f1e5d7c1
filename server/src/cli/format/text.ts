/**
 * The text format: per file, a readable summary of each cable, then one compiler-style line per problem
 * (`file:line:col: severity CODE message`) that editors' problem matchers and grep understand.
 * The file's name stands alone on its line and summaries are indented, so neither can pass for a problem line.
 */
import type { CableSummary, FileReport, ReportDiagnostic } from '../report';
import { countsLine, plural } from './words';
import { visibleDiagnostics } from './visible';

export interface TextOptions {
  quiet: boolean;
  summaryOnly: boolean;
}

/** `09MEXICO283.txt:31:1: warning CBL201 E.O. line …`. */
export function formatDiagnosticLine(file: string, d: ReportDiagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${oneLine(d.message)}`;
}

/** One file's block, ending with a newline; empty when `--quiet` leaves nothing to say or the file failed (stderr says why). */
export function formatTextReport(report: FileReport, options: TextOptions): string {
  if (report.failure) return '';
  const diagnostics = visibleDiagnostics(report.diagnostics, options.quiet);
  const problemLines = diagnostics.map((d) => formatDiagnosticLine(report.file, d));
  // Quiet runs are for CI logs: only the errors, no summaries.
  if (options.quiet) return problemLines.map((line) => line + '\n').join('');
  const lines = [report.file];
  if (report.cables.length === 0) lines.push('  (no cable found)');
  for (const cable of report.cables) lines.push(...formatCableLines(cable));
  if (options.summaryOnly) lines.push(`  ${formatCounts(report.diagnostics)}`);
  else lines.push(...problemLines);
  if (report.capped) lines.push('  (the list of problems was cut at the per-cable limit)');
  return lines.join('\n') + '\n\n';
}

/** `  09MEXICO283 | 2009-02-04T17:08:00Z | CONFIDENTIAL | Embassy Mexico | ROUTINE | 12 paragraphs`, then the subject. */
export function formatCableLines(cable: CableSummary): string[] {
  const facts = [
    cable.refId ?? 'no ref id',
    cable.date ?? 'no date',
    cable.classification ?? 'no classification',
    cable.origin ?? 'no origin',
    ...(cable.precedence ? [cable.precedence] : []),
    plural(cable.paragraphs, 'paragraph'),
  ];
  return [`  ${facts.join(' | ')}`, `  ${cable.subject ? oneLine(cable.subject) : '(no subject)'}`];
}

/** `2 errors, 1 warning` or `no problems`, for `--summary-only`. */
export function formatCounts(diagnostics: readonly ReportDiagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return countsLine(counts);
}

/** A message or subject with a line break would break the one-line-per-item shape. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
