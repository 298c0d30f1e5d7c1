/**
 * The raw `cable` configuration section → the settings the server and the language service use. Every
 * client sends what its user typed (VS Code's passes settings.json through; Neovim or Emacs send their Lua
 * or Lisp tables), and all are read by the same rules, `normaliseCableSettings` in `shared/settings.ts`:
 * anything missing or invalid takes its default and each dropped value is logged once per reading. A
 * setting's problems are logged by the reading that uses it: per document for the folder settings, once
 * for the workspace for the window settings (`WINDOW_SCOPED_SETTINGS`).
 */
import {
  normaliseCableSettings,
  WINDOW_SCOPED_SETTINGS,
  type CableIndexSettings,
  type CableSettings,
  type SettingWarning,
  type ValidateRun,
  type ValidateScope,
} from '../../../shared/settings';
import type { LanguageSettings } from '../language/settings';

export { canonicalRuleKey } from '../../../shared/settings';
export type { ValidateRun, ValidateScope } from '../../../shared/settings';

/** Everything the server needs to know about one document's settings. */
export interface DocumentSettings {
  language: LanguageSettings;
  validate: { enable: boolean; run: ValidateRun; scope: ValidateScope };
}

/** `cable.index.*`: how much of the workspace the index reads. */
export interface IndexSettings {
  /** Cable files read at most, over all folders; the default holds the whole release (251,287 cables). */
  maxFiles: number;
  /** Files bigger than this (in bytes) are left out: a cable is a few KB, a 5 MB file is a dump. */
  maxFileBytes: number;
}

/** The settings that hold for the whole workspace: the index's limits and whose problems are listed. */
export interface WorkspaceSettings {
  index: IndexSettings;
  scope: ValidateScope;
}

const DEFAULTS = normaliseCableSettings(undefined).value;
export const DEFAULT_DOCUMENT_SETTINGS: Readonly<DocumentSettings> = documentSettingsOf(DEFAULTS);
export const DEFAULT_INDEX_SETTINGS: Readonly<IndexSettings> = indexSettingsOf(DEFAULTS.index);

/** Reads the `cable` section for one document, logging the problems of the folder settings. */
export function toDocumentSettings(raw: unknown, log: (message: string) => void = () => {}): DocumentSettings {
  const { value, warnings } = normaliseCableSettings(raw);
  report(warnings, (setting) => !isWindowScoped(setting), log);
  return documentSettingsOf(value);
}

/** Reads the `cable` section for the workspace, logging the problems of the window settings. */
export function toWorkspaceSettings(raw: unknown, log: (message: string) => void = () => {}): WorkspaceSettings {
  const { value, warnings } = normaliseCableSettings(raw);
  report(warnings, isWindowScoped, log);
  return { index: indexSettingsOf(value.index), scope: value.validate.scope };
}

/** Reads the `index` member of the `cable` section (`{ maxFiles, maxFileSizeMB }`). */
export function toIndexSettings(raw: unknown, log: (message: string) => void = () => {}): IndexSettings {
  return toWorkspaceSettings(raw === undefined ? undefined : { index: raw }, log).index;
}

function documentSettingsOf(settings: CableSettings): DocumentSettings {
  return {
    language: { rules: settings.rules, maxNumberOfProblems: settings.maxNumberOfProblems, acronyms: settings.acronyms },
    validate: settings.validate,
  };
}

function indexSettingsOf(index: CableIndexSettings): IndexSettings {
  return { maxFiles: index.maxFiles, maxFileBytes: Math.floor(index.maxFileSizeMB * 1024 * 1024) };
}

/** A window setting, or a group holding one (`cable.index`, `cable.validate`): a group's problem is then logged once, by the workspace reading. */
function isWindowScoped(setting: string): boolean {
  return WINDOW_SCOPED_SETTINGS.some((window) => window === setting || window.startsWith(`${setting}.`));
}

function report(warnings: readonly SettingWarning[], mine: (setting: string) => boolean, log: (message: string) => void): void {
  for (const warning of warnings) if (mine(warning.setting)) log(warning.message);
}
