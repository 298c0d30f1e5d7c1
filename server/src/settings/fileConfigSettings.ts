/**
 * Where a document's `.cable-lint.json` configurations meet the editor's settings: the editor's `cable.rules`
 * and `cable.acronyms` win, and a file the configurations ignore is not checked.
 */
import { layerRules, type FileConfig } from '../language/config/effectiveConfig';
import type { DocumentSettings } from './settingsMapping';

/** The editor's settings on top of the file's configurations; an ignored file is not checked. */
export function withFileConfig(settings: DocumentSettings, config: FileConfig | undefined): DocumentSettings {
  if (!config) return settings;
  return {
    language: {
      ...settings.language,
      rules: layerRules(config.rules, settings.language.rules),
      acronyms: { ...config.acronyms, ...settings.language.acronyms },
    },
    validate: config.ignored ? { ...settings.validate, enable: false } : settings.validate,
  };
}
