/** Settings the language service honours, as read from `cable.*` for one document. */
export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface LanguageSettings {
  /** Rule code (`CBL101`) or name (`missing-portion-marking`) → level; unknown keys are ignored. */
  rules: Record<string, RuleLevel>;
  maxNumberOfProblems: number;
  /** The user's own acronyms (acronym → expansion); they win over the cable's and the dictionary's. */
  acronyms: Record<string, string>;
}

export const DEFAULT_SETTINGS: LanguageSettings = {
  rules: {},
  maxNumberOfProblems: 1000,
  acronyms: {},
};
