/**
 * Settings the language service honours, as read from `cable.*` for one document. Their types and defaults
 * come from `shared/settings.ts`, the one reading of the settings for every editor and for cable-lint.
 */
import { DEFAULT_CABLE_SETTINGS, type RuleLevel } from '../../../shared/settings';

export type { RuleLevel } from '../../../shared/settings';

export interface LanguageSettings {
  /** Rule code (`CBL101`) or name (`missing-portion-marking`) → level; unknown keys are ignored. */
  rules: Record<string, RuleLevel>;
  maxNumberOfProblems: number;
  /** The user's own acronyms (acronym → expansion); they win over the cable's and the dictionary's. */
  acronyms: Record<string, string>;
}

export const DEFAULT_SETTINGS: LanguageSettings = {
  rules: { ...DEFAULT_CABLE_SETTINGS.rules },
  maxNumberOfProblems: DEFAULT_CABLE_SETTINGS.maxNumberOfProblems,
  acronyms: { ...DEFAULT_CABLE_SETTINGS.acronyms },
};
