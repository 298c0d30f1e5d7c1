/**
 * The `cable.*` settings: their types, their defaults (the manifest's `contributes.configuration` declares
 * the same, which a test checks) and the one reading of a raw `cable` section into valid values. The
 * server reads every editor's settings with it — VS Code's, Neovim's, Emacs' — so a value means the same
 * wherever it was typed; the VS Code client reads its own settings (`detectInTextFiles`) with it too.
 *
 * settings.json is hand-edited, so values arrive with odd case, as strings where numbers belong, or simply
 * misspelt: what can be read unambiguously is (`"Warning"`, `"25"`), the rest takes its default with a
 * warning naming the setting. Pure (no imports), bundled into the client and the server alike.
 */

export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type ValidateRun = 'onType' | 'onSave';
/** Whose problems are reported: the open files', or every cable's of the workspace. */
export type ValidateScope = 'openFiles' | 'workspace';
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The values each enumerated setting takes, as the manifest's `enum`s list them. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
export const VALIDATE_RUNS: readonly ValidateRun[] = ['onType', 'onSave'];
export const VALIDATE_SCOPES: readonly ValidateScope[] = ['openFiles', 'workspace'];
export const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];

/** The `cable` section with every value valid, in the shape of the settings: `{ validate: { enable, run, scope }, rules, … }`. */
export interface CableSettings {
  validate: { enable: boolean; run: ValidateRun; scope: ValidateScope };
  /** Limits of the workspace index: at most `maxFiles` files, none bigger than `maxFileSizeMB`. */
  index: CableIndexSettings;
  /** Rule code (`CBL101`, upper case) or name (`missing-portion-marking`, lower case) → level. */
  rules: Record<string, RuleLevel>;
  maxNumberOfProblems: number;
  /** The user's acronyms (acronym → expansion); they win over the cable's and the dictionary's. */
  acronyms: Record<string, string>;
  detectInTextFiles: boolean;
  trace: { server: TraceLevel };
}

export interface CableIndexSettings {
  maxFiles: number;
  maxFileSizeMB: number;
}

export const DEFAULT_CABLE_SETTINGS: Readonly<CableSettings> = {
  validate: { enable: true, run: 'onType', scope: 'openFiles' },
  // The whole Cablegate release is 251,287 cables, one a file: the default holds it with room to spare.
  index: { maxFiles: 500_000, maxFileSizeMB: 5 },
  rules: {},
  maxNumberOfProblems: 1000,
  acronyms: {},
  detectInTextFiles: true,
  trace: { server: 'off' },
};

/**
 * The settings that hold for the whole window rather than per folder (the manifest's `"scope": "window"`):
 * the server reads them once for the workspace, the others per document.
 */
export const WINDOW_SCOPED_SETTINGS: readonly string[] = [
  'cable.trace.server',
  'cable.validate.scope',
  'cable.index.maxFiles',
  'cable.index.maxFileSizeMB',
];

/** A value dropped or replaced: `{ setting: 'cable.rules', message: 'cable.rules: ignored "CBL101": "loud" …' }`. */
export interface SettingWarning {
  /** The setting the value was given for, e.g. `cable.index.maxFiles`, or `cable.index` for the whole group. */
  setting: string;
  /** What was wrong and what is used instead, for the user. */
  message: string;
}

/** A cleaned value and what was dropped or replaced on the way. */
export interface Normalised<T> {
  value: T;
  warnings: SettingWarning[];
}

type Warn = (setting: string, message: string) => void;

/** Reads the whole `cable` section; anything missing or invalid takes its default. */
export function normaliseCableSettings(raw: unknown): Normalised<CableSettings> {
  const warnings: SettingWarning[] = [];
  const warn: Warn = (setting, message) => warnings.push({ setting, message: `${setting}: ${message}` });
  const section = asRecord(raw);
  const defaults = DEFAULT_CABLE_SETTINGS;
  const validate = asRecord(section.validate, 'cable.validate', warn);
  const index = asRecord(section.index, 'cable.index', warn);
  const value: CableSettings = {
    validate: {
      enable: booleanOr(validate.enable, 'cable.validate.enable', defaults.validate.enable, warn),
      run: oneOf(validate.run, 'cable.validate.run', VALIDATE_RUNS, defaults.validate.run, warn),
      scope: oneOf(validate.scope, 'cable.validate.scope', VALIDATE_SCOPES, defaults.validate.scope, warn),
    },
    index: {
      maxFiles: Math.floor(numberAtLeastZero(index.maxFiles, 'cable.index.maxFiles', defaults.index.maxFiles, warn)),
      // Fractions are meant: 0.5 MB is a real limit.
      maxFileSizeMB: numberAtLeastZero(index.maxFileSizeMB, 'cable.index.maxFileSizeMB', defaults.index.maxFileSizeMB, warn),
    },
    rules: normaliseRules(section.rules, warn),
    maxNumberOfProblems: Math.floor(
      numberAtLeastZero(section.maxNumberOfProblems, 'cable.maxNumberOfProblems', defaults.maxNumberOfProblems, warn),
    ),
    acronyms: normaliseAcronyms(section.acronyms, warn),
    detectInTextFiles: booleanOr(section.detectInTextFiles, 'cable.detectInTextFiles', defaults.detectInTextFiles, warn),
    trace: {
      server: oneOf(asRecord(section.trace, 'cable.trace', warn).server, 'cable.trace.server', TRACE_LEVELS, defaults.trace.server, warn),
    },
  };
  return { value, warnings };
}

/** Parses one rule level in any case (`Warning`); undefined when it is not one. */
export function parseRuleLevel(raw: unknown): RuleLevel | undefined {
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  return (RULE_LEVELS as readonly string[]).includes(word) ? (word as RuleLevel) : undefined;
}

/** Rule keys in the case the rules registry uses: codes upper (`cbl101` → `CBL101`), names lower. */
export function canonicalRuleKey(key: string): string {
  const trimmed = key.trim();
  return /^[A-Za-z]+\d+$/.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

function normaliseRules(raw: unknown, warn: Warn): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const [key, value] of Object.entries(asRecord(raw, 'cable.rules', warn))) {
    const level = parseRuleLevel(value);
    const ruleKey = canonicalRuleKey(key);
    if (level === undefined || ruleKey === '') {
      warn('cable.rules', `ignored ${JSON.stringify(key)}: ${JSON.stringify(value)} is not one of ${RULE_LEVELS.join(', ')}.`);
    } else {
      rules[ruleKey] = level;
    }
  }
  return rules;
}

function normaliseAcronyms(raw: unknown, warn: Warn): Record<string, string> {
  const acronyms: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(raw, 'cable.acronyms', warn))) {
    const acronym = key.trim();
    const expansion = typeof value === 'string' ? value.trim() : '';
    if (acronym === '' || expansion === '') {
      warn('cable.acronyms', `ignored ${JSON.stringify(key)}: the expansion must be non-empty text.`);
    } else {
      acronyms[acronym] = expansion;
    }
  }
  return acronyms;
}

/** One of `choices` in any case and with spaces around (`" ONSAVE "` → `onSave`); else the fallback, with a warning. */
function oneOf<T extends string>(raw: unknown, setting: string, choices: readonly T[], fallback: T, warn: Warn): T {
  if (raw === undefined || raw === null) return fallback;
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const choice = choices.find((candidate) => candidate.toLowerCase() === word);
  if (choice !== undefined) return choice;
  warn(setting, `${JSON.stringify(raw)} is not one of ${choices.join(', ')}; using ${fallback}.`);
  return fallback;
}

/** A number of 0 or more, also when typed as a string (`"25"`); else the fallback, with a warning. */
function numberAtLeastZero(raw: unknown, setting: string, fallback: number, warn: Warn): number {
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    warn(setting, `${JSON.stringify(raw)} is not a number of 0 or more; using ${fallback}.`);
    return fallback;
  }
  return value;
}

function booleanOr(raw: unknown, setting: string, fallback: boolean, warn: Warn): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'boolean') return raw;
  warn(setting, `${JSON.stringify(raw)} is not true or false; using ${fallback}.`);
  return fallback;
}

/**
 * An object's own entries, or an empty object (with a warning when a named setting had another type). An
 * empty array is an empty object: Lua has one kind of table, and an empty one may be sent as `[]`.
 */
function asRecord(raw: unknown, setting?: string, warn?: Warn): Record<string, unknown> {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return raw as Record<string, unknown>;
  const unset = raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0);
  if (setting !== undefined && !unset) warn?.(setting, `expected an object, got ${JSON.stringify(raw)}; ignored.`);
  return {};
}
