/** The paragraph rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { PARAGRAPH_CASES } from '../fixtures/rules/paragraphCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(PARAGRAPH_CASES);
