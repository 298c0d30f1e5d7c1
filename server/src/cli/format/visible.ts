/** Which diagnostics a format prints: all of them, or only errors under `--quiet`. */
import type { ReportDiagnostic } from '../report';

export function visibleDiagnostics(diagnostics: readonly ReportDiagnostic[], quiet: boolean): ReportDiagnostic[] {
  return quiet ? diagnostics.filter((d) => d.severity === 'error') : [...diagnostics];
}
