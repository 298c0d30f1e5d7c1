/** The rules as the CLI sees them, from the language service's rule registry. */
import { editDistance } from '../language/dicts/dictionaries';
import { RULES } from '../language/rules/registry';
import type { RuleLevel } from '../language/settings';
import type { RuleInfo } from './ruleInfo';

export function getRuleCatalog(): RuleInfo[] {
  return RULES.map(({ code, name, severity, description }) => ({ code, name, description, defaultLevel: severity }));
}

/** `--rule` keys that name no rule, by code or by name. */
export function unknownRuleKeys(keys: readonly string[], rules: readonly RuleInfo[]): string[] {
  const known = new Set(rules.flatMap((rule) => [rule.code, rule.name]));
  return keys.filter((key) => !known.has(key));
}

/** `CBL501 missing-portion-marking` for a key within two edits of its code or name, for "did you mean". */
export function closestRule(key: string, rules: readonly RuleInfo[]): string | undefined {
  let best: { rule: RuleInfo; distance: number } | undefined;
  for (const rule of rules) {
    const distance = Math.min(editDistance(key, rule.code), editDistance(key, rule.name));
    if (distance <= 2 && (!best || distance < best.distance)) best = { rule, distance };
  }
  return best && `${best.rule.code} ${best.rule.name}`;
}

/**
 * Names → codes, so that the last `--rule` flag for a rule wins whether it used the code or the name
 * (the service reads a code before a name).
 */
export function rulesByCode(levels: Readonly<Record<string, RuleLevel>>, rules: readonly RuleInfo[]): Record<string, RuleLevel> {
  const codeOfName = new Map(rules.map((rule) => [rule.name, rule.code]));
  const byCode: Record<string, RuleLevel> = {};
  for (const [key, level] of Object.entries(levels)) {
    const code = codeOfName.get(key) ?? key;
    delete byCode[code];
    byCode[code] = level;
  }
  return byCode;
}
