/** The paragraph rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { PARAGRAPH_CASES } from '../fixtures/rules/paragraphCases';
import { describeRuleCases } from '../fixtures/rules/harness';

describeRuleCases(PARAGRAPH_CASES);
