/**
 * The text format: one compiler-style line per problem (`file:line:col: severity CODE message`) that editors'
 * problem matchers and grep understand, and nothing for a file without problems. `--summary-only` prints
 * instead a readable summary of each file's cables and its counts, for every file. The file's name stands
 * alone on its line and summaries are indented, so neither can pass for a problem line.
 */
import { ruleDocsUrl } from '../../language/rules/ruleDocs';
import type { CableSummary, FileReport, ReportDiagnostic, Severity } from '../report';
import { PLAIN_STYLE, type Style } from './style';
import { countsLine, plural } from './words';
import { visibleDiagnostics } from './visible';

export interface TextOptions {
  quiet: boolean;
  summaryOnly: boolean;
  /** Plain when absent. */
  style?: Style;
}

/** `09MEXICO283.txt:31:1: warning CBL201 E.O. line …`; in colour the code links to the rule's page. */
export function formatDiagnosticLine(file: string, d: ReportDiagnostic, style: Style = PLAIN_STYLE): string {
  const code = d.code ? style.link(style.dim(d.code), ruleDocsUrl(d.code)) : d.code;
  return `${style.bold(`${file}:${d.line}:${d.column}:`)} ${severityStyle(d.severity, style)(d.severity)} ${code} ${oneLine(d.message)}`;
}

/** Errors red, warnings yellow, info cyan, hints dim: as compilers and other linters colour them. */
export function severityStyle(severity: Severity, style: Style): (text: string) => string {
  switch (severity) {
    case 'error':
      return (text) => style.bold(style.red(text));
    case 'warning':
      return (text) => style.bold(style.yellow(text));
    case 'info':
      return style.cyan;
    case 'hint':
      return style.dim;
  }
}

/**
 * One file's output, ending with a newline: its problem lines (only errors under `--quiet`), or with
 * `--summary-only` its block of cables and counts. Empty for a file with nothing to show, and for a file
 * that failed (stderr says why).
 */
export function formatTextReport(report: FileReport, options: TextOptions): string {
  if (report.failure) return '';
  const style = options.style ?? PLAIN_STYLE;
  // Quiet runs are for CI logs: only the errors, whatever else was asked.
  if (options.summaryOnly && !options.quiet) return formatSummaryBlock(report);
  const diagnostics = visibleDiagnostics(report.diagnostics, options.quiet);
  const lines = diagnostics.map((d) => formatDiagnosticLine(report.file, d, style));
  if (report.capped && lines.length) lines.push(`${report.file}: the list of problems was cut at the per-cable limit`);
  return lines.map((line) => line + '\n').join('');
}

/** `--summary-only`: the file's name, each cable's summary and the file's counts, then a blank line. */
function formatSummaryBlock(report: FileReport): string {
  const lines = [report.file];
  if (report.cables.length === 0) lines.push('  (no cable found)');
  for (const cable of report.cables) lines.push(...formatCableLines(cable));
  lines.push(`  ${formatCounts(report.diagnostics)}`);
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
