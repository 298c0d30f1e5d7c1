/**
 * Every feature of the language service on generated documents: nothing throws, every range lies inside its
 * document, outlines nest, parsing is deterministic, quick fixes apply, hover and completion markdown is inert.
 * The properties themselves live in `test/support/featureProperties.ts`, shared with `npm run fuzz`.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { checkEveryFeature, createServiceFixture, exampleCase, featureCase, type FeatureCase } from '../support/featureProperties';
import { runParameters } from '../support/fragments';

const RUNS = 4000;

/** Counterexamples found before, run first on every run. */
const REGRESSIONS: FeatureCase[] = [
  // Completion past the end of an empty line gave an edit range past the line (completion.ts, fixed).
  exampleCase('', [{ kind: 'pastLineEnd', line: 0, character: 0 }]),
  // An indented first line: the routing header started before its cable, the Header symbol outside the cable's (fixed).
  exampleCase('                  ------------------8A8E0D  271459Z /38    ', [{ kind: 'inside', line: 0, character: 0 }]),
  // Hover on the space after the precedence gave the DTG's range, which does not hold the cursor.
  exampleCase('R 041125Z MAR 75', [{ kind: 'inside', line: 0, character: 1 }]),
];

test(`language service: every feature on any document (${RUNS} documents)`, (t) => {
  const parameters = runParameters(RUNS, 'features');
  t.diagnostic(
    `seed ${parameters.seed}, ${parameters.numRuns} documents and ${REGRESSIONS.length} regressions (FUZZ_SEED overrides the base seed)`,
  );
  const fixture = createServiceFixture();
  const started = Date.now();
  fc.assert(
    fc.property(featureCase(), (input) => checkEveryFeature(fixture, input)),
    { ...parameters, examples: REGRESSIONS.map((input): [FeatureCase] => [input]) },
  );
  t.diagnostic(`${parameters.numRuns} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
