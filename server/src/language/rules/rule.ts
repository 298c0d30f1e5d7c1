/**
 * What a rule is: stable metadata (code, name, default severity, description) and a check over the model
 * that reports findings. Rules read the model only; they never see the text, the editor or the connection.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Dictionaries } from '../dicts/dictionaries';
import type { Cable, CableFile } from '../model';
import type { FixData } from './fixData';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * `syntax` rules judge one part on its own (a DTG whose day does not exist); `agreement` rules compare parts
 * that both parsed (the DTG against the record date). Syntax findings are reported first, so a cap keeps them.
 */
export type RuleStage = 'syntax' | 'agreement';

export interface RuleMeta {
  /** Stable code, `CBL` + three digits: 0xx file, 1xx preamble/record, 2xx routing, 3xx banner, 4xx caption, 5xx paragraphs. */
  code: string;
  /** Stable kebab-case name, usable instead of the code in `cable.rules`. */
  name: string;
  severity: Severity;
  /** One line for the README table and the settings documentation. */
  description: string;
}

/** One problem a rule found: where, what was found and what was expected, and what a quick fix needs. */
export interface Finding {
  range: Range;
  message: string;
  fix?: FixData;
}

export interface RuleContext {
  file: CableFile;
  dictionaries: Dictionaries;
  report(finding: Finding): void;
}

/** A rule that looks at one cable at a time (most rules). */
export interface CableRule extends RuleMeta {
  scope: 'cable';
  stage: RuleStage;
  check(cable: Cable, context: RuleContext): void;
}

/** A rule that looks at the file as a whole (binary content, parser failure). */
export interface FileRule extends RuleMeta {
  scope: 'file';
  stage: RuleStage;
  check(file: CableFile, context: RuleContext): void;
}

export type Rule = CableRule | FileRule;
