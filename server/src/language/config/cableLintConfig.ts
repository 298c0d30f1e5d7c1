/**
 * `.cable-lint.json`: what one configuration file says, read from its text. The file is JSON with comments
 * and trailing commas:
 *
 * ```jsonc
 * {
 *   "rules": { "CBL501": "off", "unknown-tag": "hint" },   // as `cable.rules`: code or name → level
 *   "ignore": ["drafts/**"],                                // files not to check, relative to this folder
 *   "overrides": [{ "files": ["1975/**"], "rules": { "CBL411": "off" } }],
 *   "acronyms": { "GOM": "Government of Mexico" },          // as `cable.acronyms`
 *   "root": true                                            // configurations in folders above do not apply
 * }
 * ```
 *
 * A syntax error makes the file unusable (its message says where and what was expected); a value of the
 * wrong kind is a problem at its own position and is left out, so the rest of the file still applies.
 * Rule keys are stored as codes, so a name and a code for the same rule never disagree. Pure.
 */
import { editDistance } from '../dicts/dictionaries';
import { RULES } from '../rules/registry';
import { RULE_LEVELS, type RuleLevel } from '../../../../shared/settings';
import { parseJsonc, positionAt, type JsonNode, type JsonObjectNode, type TextPosition } from './jsonc';

export const CONFIG_FILE_NAME = '.cable-lint.json';
export { RULE_LEVELS };

/** One `overrides` entry: rules for the files its globs match. */
export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleLevel>;
}

/** What one `.cable-lint.json` says, validated; rule keys are codes (`CBL501`). */
export interface CableLintConfig {
  root: boolean;
  rules: Record<string, RuleLevel>;
  ignore: string[];
  overrides: ConfigOverride[];
  acronyms: Record<string, string>;
}

export const EMPTY_CONFIG: Readonly<CableLintConfig> = { root: false, rules: {}, ignore: [], overrides: [], acronyms: {} };

/** A problem in a configuration file, where it is. */
export interface ConfigProblem extends TextPosition {
  message: string;
}

export interface ParsedConfig {
  /** What applies; `EMPTY_CONFIG` when the file could not be parsed. */
  config: CableLintConfig;
  problems: ConfigProblem[];
  /** True when a syntax error made the whole file unusable. */
  unusable: boolean;
}

const TOP_LEVEL_KEYS = ['root', 'rules', 'ignore', 'overrides', 'acronyms'];
const CODE_OF_KEY = new Map(RULES.flatMap((rule) => [[rule.code, rule.code] as const, [rule.name, rule.code] as const]));

/** The code a rule key names (`missing-portion-marking` → `CBL501`), or undefined for no rule. */
export function ruleCodeOf(key: string): string | undefined {
  return CODE_OF_KEY.get(key);
}

/** `.cable-lint.json:4:15: message`, as compilers and editors print a place. */
export function formatConfigProblem(path: string, problem: ConfigProblem): string {
  return `${path}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function parseCableLintConfig(text: string): ParsedConfig {
  const parsed = parseJsonc(text);
  if (!parsed.ok) return { config: { ...EMPTY_CONFIG }, problems: [parsed.error], unusable: true };
  const reader = new ConfigReader(text);
  return { config: parsed.root ? reader.read(parsed.root) : { ...EMPTY_CONFIG }, problems: reader.problems, unusable: false };
}

class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly text: string) {}

  read(root: JsonNode): CableLintConfig {
    const config: CableLintConfig = { root: false, rules: {}, ignore: [], overrides: [], acronyms: {} };
    if (root.type !== 'object') {
      this.problem(root, `the configuration must be an object ({ "rules": … }), found ${kindOf(root)}`);
      return config;
    }
    for (const { key, value } of this.uniqueProperties(root, '')) {
      switch (key.value) {
        case '$schema':
          if (value.type !== 'string') this.problem(value, `"$schema" must be a string, found ${kindOf(value)}`);
          break;
        case 'root':
          if (value.type === 'boolean') config.root = value.value as boolean;
          else this.problem(value, `"root" must be true or false, found ${kindOf(value)}`);
          break;
        case 'rules':
          config.rules = this.rules(value, '"rules"');
          break;
        case 'ignore':
          config.ignore = this.globs(value, '"ignore"');
          break;
        case 'overrides':
          config.overrides = this.overrides(value);
          break;
        case 'acronyms':
          config.acronyms = this.acronyms(value);
          break;
        default:
          this.problem(
            key,
            `unknown key ${JSON.stringify(key.value)}: expected one of ${TOP_LEVEL_KEYS.map((k) => `"${k}"`).join(', ')}${suggestion(key.value, TOP_LEVEL_KEYS)}`,
          );
      }
    }
    return config;
  }

  private rules(node: JsonNode, where: string): Record<string, RuleLevel> {
    const rules: Record<string, RuleLevel> = {};
    if (node.type !== 'object') {
      this.problem(node, `${where} must be an object of rule codes or names and levels ({ "CBL501": "off" }), found ${kindOf(node)}`);
      return rules;
    }
    for (const { key, value } of this.uniqueProperties(node, where)) {
      const code = ruleCodeOf(key.value);
      if (!code) {
        this.problem(key, `${where}: no rule has the code or name ${JSON.stringify(key.value)}${closestRuleHint(key.value)}`);
        continue;
      }
      if (value.type !== 'string' || !(RULE_LEVELS as readonly string[]).includes(value.value)) {
        const found = value.type === 'string' ? JSON.stringify(value.value) : kindOf(value);
        this.problem(value, `${where}.${key.value}: expected one of ${RULE_LEVELS.map((l) => `"${l}"`).join(', ')}, found ${found}`);
        continue;
      }
      if (Object.hasOwn(rules, code)) this.problem(key, `${where}: ${JSON.stringify(key.value)} sets ${code} again; the last one applies`);
      delete rules[code];
      rules[code] = value.value as RuleLevel;
    }
    return rules;
  }

  private globs(node: JsonNode, where: string): string[] {
    if (node.type !== 'array') {
      this.problem(node, `${where} must be an array of glob strings (["drafts/**"]), found ${kindOf(node)}`);
      return [];
    }
    const globs: string[] = [];
    for (const item of node.items) {
      if (item.type === 'string' && item.value.trim() !== '') globs.push(item.value);
      else
        this.problem(
          item,
          `${where}: expected a non-empty glob string, found ${item.type === 'string' ? 'an empty string' : kindOf(item)}`,
        );
    }
    return globs;
  }

  private overrides(node: JsonNode): ConfigOverride[] {
    if (node.type !== 'array') {
      this.problem(node, `"overrides" must be an array of { "files": [...], "rules": {...} }, found ${kindOf(node)}`);
      return [];
    }
    const overrides: ConfigOverride[] = [];
    node.items.forEach((item, index) => {
      const where = `"overrides"[${index}]`;
      if (item.type !== 'object') {
        this.problem(item, `${where} must be an object { "files": [...], "rules": {...} }, found ${kindOf(item)}`);
        return;
      }
      let files: string[] | undefined;
      let rules: Record<string, RuleLevel> = {};
      for (const { key, value } of this.uniqueProperties(item, where)) {
        if (key.value === 'files') files = this.globs(value, `${where}.files`);
        else if (key.value === 'rules') rules = this.rules(value, `${where}.rules`);
        else this.problem(key, `${where}: unknown key ${JSON.stringify(key.value)}: expected "files" or "rules"`);
      }
      if (files === undefined) this.problem(item, `${where} has no "files": expected the globs of the files it applies to`);
      else if (files.length) overrides.push({ files, rules });
    });
    return overrides;
  }

  private acronyms(node: JsonNode): Record<string, string> {
    const acronyms: Record<string, string> = {};
    if (node.type !== 'object') {
      this.problem(
        node,
        `"acronyms" must be an object of acronyms and expansions ({ "GOM": "Government of Mexico" }), found ${kindOf(node)}`,
      );
      return acronyms;
    }
    for (const { key, value } of this.uniqueProperties(node, '"acronyms"')) {
      if (value.type === 'string' && value.value.trim() !== '' && key.value.trim() !== '') acronyms[key.value.trim()] = value.value.trim();
      else
        this.problem(
          value,
          `"acronyms".${key.value}: expected a non-empty expansion string, found ${value.type === 'string' ? 'an empty string' : kindOf(value)}`,
        );
    }
    return acronyms;
  }

  /** The properties of an object, a repeated key reported (the last one is kept, as JSON.parse does). */
  private uniqueProperties(node: JsonObjectNode, where: string) {
    const last = new Map(node.properties.map((property) => [property.key.value, property]));
    for (const property of node.properties) {
      if (last.get(property.key.value) !== property)
        this.problem(
          property.key,
          `${where ? `${where}: ` : ''}the key ${JSON.stringify(property.key.value)} is repeated; the last one applies`,
        );
    }
    return [...last.values()].sort((a, b) => a.key.offset - b.key.offset);
  }

  private problem(node: { offset: number }, message: string): void {
    this.problems.push({ message, ...positionAt(this.text, node.offset) });
  }
}

function kindOf(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    default:
      return String(node.value);
  }
}

function suggestion(key: string, known: readonly string[]): string {
  const close = known.find((candidate) => editDistance(key.toLowerCase(), candidate) <= 2);
  return close ? `; did you mean "${close}"?` : '';
}

/** `; did you mean CBL501 (missing-portion-marking)?` for a key within two edits of a rule's code or name. */
function closestRuleHint(key: string): string {
  let best: { code: string; name: string; distance: number } | undefined;
  for (const rule of RULES) {
    const distance = Math.min(editDistance(key.toUpperCase(), rule.code), editDistance(key.toLowerCase(), rule.name));
    if (distance <= 2 && (!best || distance < best.distance)) best = { code: rule.code, name: rule.name, distance };
  }
  return best ? `; did you mean ${best.code} (${best.name})?` : ` (rules go from ${RULES[0]?.code} to ${RULES.at(-1)?.code})`;
}
