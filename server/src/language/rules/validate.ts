/**
 * Runs the rules over a parsed file and returns LSP diagnostics: syntax findings first, then agreement
 * findings, each at the severity the settings give, cut at `maxNumberOfProblems`. A rule that throws is
 * reported once (CBL000) and skipped; the other rules still run.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Dictionaries } from '../dicts/dictionaries';
import type { CableFile } from '../model';
import type { LanguageSettings } from '../settings';
import { ALL_RULES, RULE_FAILURE } from './registry';
import type { Finding, Rule, RuleContext, RuleMeta, RuleStage } from './rule';
import { ruleDocsUrl } from './ruleDocs';
import { effectiveLevel, toDiagnosticSeverity } from './severity';

export interface ValidateOptions {
  /** The rules to run; all of them by default. Tests inject their own. */
  rules?: readonly Rule[];
  /** Told about each rule that threw, with the error and its stack, so the host can log it. */
  onRuleFailure?: (rule: RuleMeta, error: unknown) => void;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** True when `maxNumberOfProblems` cut the list. */
  capped: boolean;
}

const STAGES: RuleStage[] = ['syntax', 'agreement'];

export function validateCableFile(
  model: CableFile,
  settings: LanguageSettings,
  dictionaries: Dictionaries,
  options: ValidateOptions = {},
): ValidationResult {
  const rules = options.rules ?? ALL_RULES;
  const limit = problemLimit(settings.maxNumberOfProblems);
  const diagnostics: Diagnostic[] = [];
  // One past the limit is enough to know the list was cut; later findings would be cut anyway.
  const full = () => diagnostics.length > limit;
  const failed = new Set<Rule>();
  for (const stage of STAGES) {
    for (const rule of rules) {
      if (full()) break;
      if (rule.stage !== stage || failed.has(rule)) continue;
      const level = effectiveLevel(rule, settings);
      if (level === 'off') continue;
      const context: RuleContext = {
        file: model,
        dictionaries,
        report: (finding) => {
          if (!full()) diagnostics.push(toDiagnostic(rule, level, finding));
        },
      };
      try {
        runRule(rule, model, context);
      } catch (error) {
        failed.add(rule);
        options.onRuleFailure?.(rule, error);
        const failure = ruleFailure(rule, error, settings);
        if (failure && !full()) diagnostics.push(failure);
      }
    }
  }
  return full() ? { diagnostics: diagnostics.slice(0, limit), capped: true } : { diagnostics, capped: false };
}

function runRule(rule: Rule, model: CableFile, context: RuleContext): void {
  if (rule.scope === 'file') rule.check(model, context);
  else for (const cable of model.cables) rule.check(cable, context);
}

function toDiagnostic(rule: RuleMeta, level: Exclude<ReturnType<typeof effectiveLevel>, 'off'>, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: toDiagnosticSeverity(level),
    code: rule.code,
    // Editors link the code to the rule's page (VS Code's Problems panel and hover).
    codeDescription: { href: ruleDocsUrl(rule.code) },
    source: 'cable',
    message: finding.message,
  };
  if (finding.fix) diagnostic.data = finding.fix;
  return diagnostic;
}

/** The CBL000 diagnostic for a rule that threw, on line 0, or undefined when the user turned CBL000 off. */
function ruleFailure(rule: RuleMeta, error: unknown, settings: LanguageSettings): Diagnostic | undefined {
  const level = effectiveLevel(RULE_FAILURE, settings);
  if (level === 'off') return undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return toDiagnostic(RULE_FAILURE, level, {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `The rule ${rule.code} ${rule.name} failed and was skipped: ${reason}. Please report this bug; the other rules still ran.`,
  });
}

/** The most diagnostics to return; a missing or nonsensical maximum means no limit. */
function problemLimit(max: number | undefined): number {
  return typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : Infinity;
}
