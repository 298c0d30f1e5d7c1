/** The file rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { FILE_CASES } from '../fixtures/rules/fileCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(FILE_CASES);
