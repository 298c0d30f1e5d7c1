/** The routing rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { ROUTING_CASES } from '../fixtures/rules/routingCases';
import { describeRuleCases } from '../support/ruleHarness';

describeRuleCases(ROUTING_CASES);
