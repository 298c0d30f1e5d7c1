/**
 * Parser properties over generated documents (see `test/support/modelProperties.ts`): no failure, ranges
 * inside the text and the cable, lines counted as the editor does, deterministic, line-break independent.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { cableDocument, GeneratedDocument, runParameters } from '../support/fragments';
import { checkLineBreaks, checkModel } from '../support/modelProperties';

const RUNS = 6000;

/** Counterexamples found before, run first on every run. */
const REGRESSIONS = [
  // A footer's range took the trailing space the cable's range leaves out (body.ts, fixed).
  "Visit Mexico City's Classified Web Site at ",
  // An indented first line: the routing header started before the cable (fixed).
  '                  ------------------8A8E0D  271459Z /38    ',
  // A metadata preamble or a record ending the file: its range takes the trailing space, the cable's does not.
  '09MEXICO283\nTITLE \nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico ',
  '174082\n2008-10-17 01:28:00\n08MONTERREY468\nConsulate Monterrey \nCONFIDENTIAL ',
  // A metadata preamble cut after three lines: its range runs onto the blank line after the cable.
  '09MEXICO283\nTHE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES,\nWed Feb 04 00:00:00 +0100 2009\n',
].map((text): [GeneratedDocument] => [new GeneratedDocument(text)]);

/** Text whose share of control characters is just over 1 % with LF breaks and just under it with CRLF. */
const LINE_BREAK_REGRESSIONS = [['\0'.repeat(9), ...Array.from({ length: 60 }, () => 'x'.repeat(13))].join('\n')].map(
  (text): [GeneratedDocument] => [new GeneratedDocument(text)],
);

test(`parser: any document (${RUNS} documents)`, (t) => {
  const parameters = runParameters(RUNS, 'parser');
  t.diagnostic(
    `seed ${parameters.seed}, ${parameters.numRuns} documents and ${REGRESSIONS.length} regressions (FUZZ_SEED overrides the base seed)`,
  );
  fc.assert(
    fc.property(cableDocument(), ({ text }) => checkModel(text, parseCableFile(text))),
    { ...parameters, examples: REGRESSIONS },
  );
});

test(`parser: line breaks do not change the model (${RUNS / 4} documents)`, (t) => {
  const parameters = runParameters(RUNS / 4, 'lineBreaks');
  t.diagnostic(`seed ${parameters.seed}, ${parameters.numRuns} documents and ${LINE_BREAK_REGRESSIONS.length} regression`);
  fc.assert(
    fc.property(cableDocument(), ({ text }) => checkLineBreaks(text)),
    { ...parameters, examples: LINE_BREAK_REGRESSIONS },
  );
});
