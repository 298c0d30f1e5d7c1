/** The caption rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { CAPTION_CASES } from '../fixtures/rules/captionCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(CAPTION_CASES);
