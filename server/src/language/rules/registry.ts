/** Every rule, in report order (file, preamble, routing, banner, caption, paragraphs), and their metadata. */
import { BANNER_RULES } from './bannerRules';
import { CAPTION_RULES } from './captionRules';
import { FILE_RULES } from './fileRules';
import { PARAGRAPH_RULES } from './paragraphRules';
import { PREAMBLE_RULES } from './preambleRules';
import type { Rule, RuleMeta } from './rule';
import { ROUTING_RULES } from './routingRules';

/** Not a check: how a rule that threw is reported, once, while the other rules still run. */
export const RULE_FAILURE: RuleMeta = {
  code: 'CBL000',
  name: 'rule-failure',
  severity: 'warning',
  description: 'A rule failed with an internal error (a bug to report); the other rules still ran.',
};

export const ALL_RULES: readonly Rule[] = [
  ...FILE_RULES,
  ...PREAMBLE_RULES,
  ...ROUTING_RULES,
  ...BANNER_RULES,
  ...CAPTION_RULES,
  ...PARAGRAPH_RULES,
];

/** Code, name, default severity and description of every rule, for the settings schema and the README. */
export const RULES: readonly RuleMeta[] = [RULE_FAILURE, ...ALL_RULES].map(({ code, name, severity, description }) => ({
  code,
  name,
  severity,
  description,
}));
