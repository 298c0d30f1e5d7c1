/** The banner rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { BANNER_CASES } from '../fixtures/rules/bannerCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(BANNER_CASES);
