/** What the CLI needs to know about a rule: for SARIF's rule list, the summary's names and `--rule` checks. */
import type { RuleLevel } from '../language/settings';

export interface RuleInfo {
  /** `CBL101`. */
  code: string;
  /** `missing-portion-marking`. */
  name: string;
  description: string;
  defaultLevel: RuleLevel;
}
