/**
 * Cleans the `cable.*` settings before the server sees them. The server asks for them per document
 * (`workspace/configuration`); settings.json is hand-edited, so values arrive with odd case, as
 * strings where numbers belong, or simply misspelt. Normalising here keeps the server's reading
 * simple and lets the client explain, once, in its output channel what it ignored.
 *
 * Pure (no `vscode` import) so it can be unit-tested.
 */

export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type ValidateRun = 'onType' | 'onSave';
/** Whose problems are reported: the open files', or every cable's of the workspace. */
export type ValidateScope = 'openFiles' | 'workspace';
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The `cable` section with every value valid; same shape as the settings, so the server can read either. */
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

/** A cleaned value and what was dropped or replaced on the way, as messages for the user. */
export interface Normalised<T> {
  value: T;
  warnings: string[];
}

const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];

/** Normalises one item of a `workspace/configuration` request; sections other than `cable` and its parts pass through. */
export function normaliseConfigurationItem(section: string | undefined, raw: unknown): Normalised<unknown> {
  switch (section) {
    case 'cable':
      return normaliseCableSettings(raw);
    case 'cable.rules':
      return collect((warnings) => normaliseRules(raw, warnings));
    case 'cable.acronyms':
      return collect((warnings) => normaliseAcronyms(raw, warnings));
    case 'cable.validate':
      return collect((warnings) => normaliseValidate(raw, warnings));
    case 'cable.maxNumberOfProblems':
      return collect((warnings) => normaliseMaxProblems(raw, warnings));
    case 'cable.index':
      return collect((warnings) => normaliseIndex(raw, warnings));
    default:
      return { value: raw, warnings: [] };
  }
}

/** Normalises the whole `cable` section; anything missing or invalid takes its default. */
export function normaliseCableSettings(raw: unknown): Normalised<CableSettings> {
  return collect((warnings) => {
    const section = asRecord(raw);
    return {
      validate: normaliseValidate(section.validate, warnings),
      index: normaliseIndex(section.index, warnings),
      rules: normaliseRules(section.rules, warnings),
      maxNumberOfProblems: normaliseMaxProblems(section.maxNumberOfProblems, warnings),
      acronyms: normaliseAcronyms(section.acronyms, warnings),
      detectInTextFiles: booleanOr(section.detectInTextFiles, DEFAULT_CABLE_SETTINGS.detectInTextFiles),
      trace: { server: normaliseTrace(asRecord(section.trace).server, warnings) },
    };
  });
}

/** Parses one rule level in any case (`Warning`); undefined when it is not one. */
export function parseRuleLevel(raw: unknown): RuleLevel | undefined {
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  return (RULE_LEVELS as readonly string[]).includes(word) ? (word as RuleLevel) : undefined;
}

/** Rule keys in canonical case: codes upper (`cbl101` → `CBL101`), names lower. */
export function canonicalRuleKey(key: string): string {
  const trimmed = key.trim();
  return /^[A-Za-z]+\d+$/.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}

function normaliseRules(raw: unknown, warnings: string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const [key, value] of Object.entries(asRecord(raw, 'cable.rules', warnings))) {
    const level = parseRuleLevel(value);
    const ruleKey = canonicalRuleKey(key);
    if (level === undefined || ruleKey === '') {
      warnings.push(`cable.rules: ignored ${JSON.stringify(key)}: ${JSON.stringify(value)} (levels are ${RULE_LEVELS.join(', ')}).`);
    } else {
      rules[ruleKey] = level;
    }
  }
  return rules;
}

function normaliseAcronyms(raw: unknown, warnings: string[]): Record<string, string> {
  const acronyms: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(raw, 'cable.acronyms', warnings))) {
    const acronym = key.trim();
    const expansion = typeof value === 'string' ? value.trim() : '';
    if (acronym === '' || expansion === '') {
      warnings.push(`cable.acronyms: ignored ${JSON.stringify(key)}: the expansion must be non-empty text.`);
    } else {
      acronyms[acronym] = expansion;
    }
  }
  return acronyms;
}

function normaliseValidate(raw: unknown, warnings: string[]): CableSettings['validate'] {
  const validate = asRecord(raw);
  const defaults = DEFAULT_CABLE_SETTINGS.validate;
  const run = typeof validate.run === 'string' ? validate.run.trim().toLowerCase() : undefined;
  if (validate.run !== undefined && run !== 'ontype' && run !== 'onsave') {
    warnings.push(`cable.validate.run: ${JSON.stringify(validate.run)} is not onType or onSave; using ${defaults.run}.`);
  }
  return {
    enable: booleanOr(validate.enable, defaults.enable),
    run: run === 'onsave' ? 'onSave' : run === 'ontype' ? 'onType' : defaults.run,
    scope: normaliseScope(validate.scope, warnings),
  };
}

function normaliseScope(raw: unknown, warnings: string[]): ValidateScope {
  const fallback = DEFAULT_CABLE_SETTINGS.validate.scope;
  if (raw === undefined || raw === null) return fallback;
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (word === 'openfiles') return 'openFiles';
  if (word === 'workspace') return 'workspace';
  warnings.push(`cable.validate.scope: ${JSON.stringify(raw)} is not openFiles or workspace; using ${fallback}.`);
  return fallback;
}

function normaliseIndex(raw: unknown, warnings: string[]): CableIndexSettings {
  const index = asRecord(raw, 'cable.index', warnings);
  const defaults = DEFAULT_CABLE_SETTINGS.index;
  return {
    maxFiles: Math.floor(numberAtLeastZero(index.maxFiles, 'cable.index.maxFiles', defaults.maxFiles, warnings)),
    // Fractions are meant: 0.5 MB is a real limit.
    maxFileSizeMB: numberAtLeastZero(index.maxFileSizeMB, 'cable.index.maxFileSizeMB', defaults.maxFileSizeMB, warnings),
  };
}

function normaliseMaxProblems(raw: unknown, warnings: string[]): number {
  return Math.floor(numberAtLeastZero(raw, 'cable.maxNumberOfProblems', DEFAULT_CABLE_SETTINGS.maxNumberOfProblems, warnings));
}

/** A number of 0 or more, also when typed as a string (`"25"`); else the fallback, with a warning. */
function numberAtLeastZero(raw: unknown, name: string, fallback: number, warnings: string[]): number {
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    warnings.push(`${name}: ${JSON.stringify(raw)} is not a number of 0 or more; using ${fallback}.`);
    return fallback;
  }
  return value;
}

function normaliseTrace(raw: unknown, warnings: string[]): TraceLevel {
  if (raw === undefined) return DEFAULT_CABLE_SETTINGS.trace.server;
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if ((TRACE_LEVELS as readonly string[]).includes(word)) return word as TraceLevel;
  warnings.push(`cable.trace.server: ${JSON.stringify(raw)} is not one of ${TRACE_LEVELS.join(', ')}; using off.`);
  return 'off';
}

function booleanOr(raw: unknown, fallback: boolean): boolean {
  return typeof raw === 'boolean' ? raw : fallback;
}

/** An object's own entries, or an empty object (with a warning when a named setting had the wrong type). */
function asRecord(raw: unknown, name?: string, warnings?: string[]): Record<string, unknown> {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return raw as Record<string, unknown>;
  if (name !== undefined && raw !== undefined && raw !== null) warnings?.push(`${name}: expected an object, got ${JSON.stringify(raw)}; ignored.`);
  return {};
}

function collect<T>(build: (warnings: string[]) => T): Normalised<T> {
  const warnings: string[] = [];
  const value = build(warnings);
  return { value, warnings };
}
