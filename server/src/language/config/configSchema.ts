/**
 * The JSON schema of `.cable-lint.json` (`schemas/cable-lint.schema.json`), built from the rules registry so
 * that VS Code completes every rule code and name with its description and flags any other. The file is
 * checked against this in the unit tests; `CABLE_UPDATE_SCHEMA=1` there writes it again. Pure.
 */
import { RULES } from '../rules/registry';
import { RULE_LEVELS } from './cableLintConfig';

const LEVEL_DESCRIPTIONS: Record<string, string> = {
  off: 'Not reported.',
  hint: 'Reported as a hint (dots under the text in VS Code, not listed in the Problems panel).',
  info: 'Reported as information.',
  warning: 'Reported as a warning.',
  error: 'Reported as an error (cable-lint exits 1).',
};

export function buildConfigSchema(): Record<string, unknown> {
  const level = (ruleDescription: string, defaultLevel: string) => ({
    description: `${ruleDescription} Default: ${defaultLevel}.`,
    $ref: '#/definitions/level',
  });
  const ruleProperties = Object.fromEntries(
    RULES.flatMap((rule) => [
      [rule.code, level(`${rule.name}: ${rule.description}`, rule.severity)],
      [rule.name, level(`${rule.code}: ${rule.description}`, rule.severity)],
    ]),
  );
  const rules = {
    type: 'object',
    description:
      'Level per rule, by code (CBL501) or name (missing-portion-marking), as the cable.rules setting. Rules not listed keep their level from the configurations above, else their default.',
    properties: ruleProperties,
    additionalProperties: false,
  };
  const globs = (description: string) => ({ type: 'array', description, items: { type: 'string', minLength: 1 } });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.cable-lint.json',
    description:
      'Configuration of the cable rules for the cables in this folder and below, read the same way by the editor and by cable-lint.',
    type: 'object',
    definitions: {
      level: {
        type: 'string',
        enum: [...RULE_LEVELS],
        enumDescriptions: RULE_LEVELS.map((name) => LEVEL_DESCRIPTIONS[name]),
      },
      rules,
    },
    properties: {
      $schema: { type: 'string' },
      root: {
        type: 'boolean',
        default: false,
        description: 'true: the .cable-lint.json files of the folders above this one do not apply.',
      },
      rules: { $ref: '#/definitions/rules' },
      ignore: globs(
        'Files not to check: globs relative to this file\'s folder ("drafts/**", "**/*.bak.txt"); a glob that names a folder covers everything in it; a glob starting with ! takes files back.',
      ),
      overrides: {
        type: 'array',
        description: 'Rules for some files only, on top of "rules"; each entry whose globs match a file applies, in order.',
        items: {
          type: 'object',
          required: ['files'],
          properties: {
            files: {
              ...globs('The files this entry applies to: globs relative to this file\'s folder ("1975/**", "**/75ROME*.txt").'),
              minItems: 1,
            },
            rules: { $ref: '#/definitions/rules' },
          },
          additionalProperties: false,
        },
      },
      acronyms: {
        type: 'object',
        description: 'Acronym expansions for hovers, as the cable.acronyms setting: { "GOM": "Government of Mexico" }.',
        additionalProperties: { type: 'string', minLength: 1 },
      },
    },
    additionalProperties: false,
  };
}
