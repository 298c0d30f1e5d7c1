/** The preamble rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { PREAMBLE_CASES } from '../fixtures/rules/preambleCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(PREAMBLE_CASES);
