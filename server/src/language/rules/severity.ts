/** The severity a rule reports at: the user's setting by code, else by name, else the rule's default. */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageSettings, RuleLevel } from '../settings';
import type { RuleMeta, Severity } from './rule';

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);

/** `off`, or the severity to report at. A level that is no level (a bad setting) leaves the default. */
export function effectiveLevel(rule: RuleMeta, settings: Pick<LanguageSettings, 'rules'>): RuleLevel {
  const rules = settings.rules ?? {};
  for (const key of [rule.code, rule.name]) {
    const level = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (level !== undefined && LEVELS.has(level)) return level;
  }
  return rule.severity;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnosticSeverity(severity: Severity): DiagnosticSeverity {
  return LSP_SEVERITY[severity];
}
