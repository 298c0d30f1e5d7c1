/**
 * Reads the raw `cable` configuration section into the settings the server and the language service use.
 * Every client sends something different (VS Code's client cleans values first; Neovim or Emacs send what
 * the user typed), so anything missing or invalid takes its default and each dropped value is logged once
 * per reading.
 */
import { DEFAULT_SETTINGS, type LanguageSettings, type RuleLevel } from './language/settings';

export type ValidateRun = 'onType' | 'onSave';
/** Whose problems are shown: the open files', or every cable's of the workspace. */
export type ValidateScope = 'openFiles' | 'workspace';

/** Everything the server needs to know about one document's settings. */
export interface DocumentSettings {
  language: LanguageSettings;
  validate: { enable: boolean; run: ValidateRun; scope: ValidateScope };
}

export const DEFAULT_DOCUMENT_SETTINGS: Readonly<DocumentSettings> = {
  language: DEFAULT_SETTINGS,
  validate: { enable: true, run: 'onType', scope: 'openFiles' },
};

/** `cable.index.*`: how much of the workspace the index reads. */
export interface IndexSettings {
  /** Cable files read at most, over all folders; the default holds the whole release (251,287 cables). */
  maxFiles: number;
  /** Files bigger than this (in bytes) are left out: a cable is a few KB, a 5 MB file is a dump. */
  maxFileBytes: number;
}

export const DEFAULT_INDEX_SETTINGS: Readonly<IndexSettings> = { maxFiles: 500_000, maxFileBytes: 5 * 1024 * 1024 };

/** Maps the `index` member of the `cable` section (`{ maxFiles, maxFileSizeMB }`). */
export function toIndexSettings(raw: unknown, log: (message: string) => void = () => {}): IndexSettings {
  const section = asRecord(raw);
  const maxFiles = nonNegative(section.maxFiles, 'cable.index.maxFiles', DEFAULT_INDEX_SETTINGS.maxFiles, log);
  const megabytes = nonNegative(section.maxFileSizeMB, 'cable.index.maxFileSizeMB', DEFAULT_INDEX_SETTINGS.maxFileBytes / (1024 * 1024), log);
  return { maxFiles: Math.floor(maxFiles), maxFileBytes: Math.floor(megabytes * 1024 * 1024) };
}

function nonNegative(raw: unknown, name: string, fallback: number, log: (message: string) => void): number {
  if (raw === undefined) return fallback;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return raw;
  log(`${name}: ${JSON.stringify(raw)} is not a number ≥ 0; using ${fallback}.`);
  return fallback;
}

const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Maps the `cable` section (`{ validate: { enable, run }, rules, maxNumberOfProblems, acronyms }`). */
export function toDocumentSettings(raw: unknown, log: (message: string) => void = () => {}): DocumentSettings {
  const section = asRecord(raw);
  const validate = asRecord(section.validate);
  return {
    language: {
      rules: toRules(section.rules, log),
      maxNumberOfProblems: toMaxProblems(section.maxNumberOfProblems, log),
      acronyms: toAcronyms(section.acronyms, log),
    },
    validate: {
      enable: typeof validate.enable === 'boolean' ? validate.enable : DEFAULT_DOCUMENT_SETTINGS.validate.enable,
      run: validate.run === 'onSave' || validate.run === 'onType' ? validate.run : DEFAULT_DOCUMENT_SETTINGS.validate.run,
      scope: validate.scope === 'workspace' || validate.scope === 'openFiles' ? validate.scope : DEFAULT_DOCUMENT_SETTINGS.validate.scope,
    },
  };
}

/** Rule keys in the case the rules registry uses: codes upper (`cbl101` → `CBL101`), names lower. */
export function canonicalRuleKey(key: string): string {
  const trimmed = key.trim();
  return /^[A-Za-z]+\d+$/.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

function toRules(raw: unknown, log: (message: string) => void): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const [key, value] of Object.entries(asRecord(raw))) {
    const level = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (level !== undefined && (RULE_LEVELS as readonly string[]).includes(level) && key.trim() !== '') {
      rules[canonicalRuleKey(key)] = level as RuleLevel;
    } else {
      log(`cable.rules: ignored ${JSON.stringify(key)}: ${JSON.stringify(value)} is not one of ${RULE_LEVELS.join(', ')}.`);
    }
  }
  return rules;
}

function toMaxProblems(raw: unknown, log: (message: string) => void): number {
  if (raw === undefined) return DEFAULT_SETTINGS.maxNumberOfProblems;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return Math.floor(raw);
  log(`cable.maxNumberOfProblems: ${JSON.stringify(raw)} is not a number ≥ 0; using ${DEFAULT_SETTINGS.maxNumberOfProblems}.`);
  return DEFAULT_SETTINGS.maxNumberOfProblems;
}

function toAcronyms(raw: unknown, log: (message: string) => void): Record<string, string> {
  const acronyms: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(raw))) {
    if (typeof value === 'string' && key.trim() !== '' && value.trim() !== '') {
      acronyms[key.trim()] = value.trim();
    } else {
      log(`cable.acronyms: ignored ${JSON.stringify(key)}: the expansion must be non-empty text.`);
    }
  }
  return acronyms;
}

function asRecord(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}
