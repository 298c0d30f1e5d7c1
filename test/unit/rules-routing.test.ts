/** The routing rules, each on a minimal cable: where it fires (exact ranges), where it stays quiet, what its fix gives. */
import { ROUTING_CASES } from '../fixtures/rules/routingCases';
import { describeRuleCases } from '../fixtures/rules/harness';

describeRuleCases(ROUTING_CASES);
