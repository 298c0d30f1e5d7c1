/**
 * The property tests at fuzzing scale: the same properties as `test/unit/property-*.test.ts` and
 * `test/unit/incremental-edits.test.ts`, on 100,000+ generated documents with a random seed (printed, so a
 * failure replays with `--seed`, or the test suite with `FUZZ_SEED` and `FUZZ_PATH`). Prints the count, time
 * and failures per property, writes each full counterexample to a file, and exits 1 on any failure.
 *
 *   node --import tsx scripts/fuzz.ts [--runs 100000] [--seed N] [--only features|lineBreaks|edits|markdown]
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { getLanguageService } from '../server/src/language/languageService';
import { checkIncrementalEdits } from '../test/support/editSession';
import {
  checkEveryFeature,
  checkPayloadCable,
  createServiceFixture,
  featureCase,
  type ProbeCount,
} from '../test/support/featureProperties';
import { cableDocument, editSession, payloadCable, runParameters, type PropertyName } from '../test/support/fragments';
import { checkLineBreaks } from '../test/support/modelProperties';

interface FuzzProperty {
  /** The property's name here and its salt in `runParameters`, so `FUZZ_SEED` replays the same cases in the tests. */
  name: PropertyName;
  /** Share of `--runs`: the costly properties run on fewer cases. */
  share: number;
  /** Each property has its own case type; the runner only runs it. */
  property(counted: () => void): fc.IRawProperty<any>;
}

const probes: ProbeCount = { probes: 0, quoting: 0 };

const PROPERTIES: FuzzProperty[] = [
  {
    name: 'features',
    share: 1,
    property: (counted) => {
      const fixture = createServiceFixture();
      return fc.property(featureCase(), (input) => (counted(), checkEveryFeature(fixture, input)));
    },
  },
  {
    name: 'lineBreaks',
    share: 1 / 10,
    property: (counted) => fc.property(cableDocument(), ({ text }) => (counted(), checkLineBreaks(text))),
  },
  {
    name: 'edits',
    share: 1 / 50,
    property: (counted) => {
      const service = getLanguageService();
      return fc.asyncProperty(
        editSession('vscode', { maxLongLine: 5000 }),
        fc.integer({ min: 1, max: 4 }),
        ({ initial, events }, every) => (counted(), checkIncrementalEdits(service, initial.text, events, every)),
      );
    },
  },
  {
    name: 'markdown',
    share: 1 / 500,
    property: (counted) => {
      const fixture = createServiceFixture();
      return fc.property(payloadCable, (cable) => (counted(), checkPayloadCable(fixture, cable, probes)));
    },
  },
];

function options() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' }, only: { type: 'string', multiple: true } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive whole number, not ${values.runs}`);
  const seed =
    values.seed !== undefined
      ? Number(values.seed)
      : process.env.FUZZ_SEED
        ? Number(process.env.FUZZ_SEED)
        : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
  const only: string[] = values.only ?? PROPERTIES.map((p) => p.name);
  const unknown = only.filter((name) => !PROPERTIES.some((p) => p.name === name));
  if (unknown.length) throw new Error(`--only takes ${PROPERTIES.map((p) => p.name).join(', ')}; not ${unknown.join(', ')}`);
  return { runs, seed, only };
}

/** Runs one property; prints its count and time, and on failure the report and where the full counterexample is. */
async function fuzz(property: FuzzProperty, runs: number, seed: number): Promise<{ cases: number; failed: boolean }> {
  const numRuns = Math.max(1, Math.round(runs * property.share));
  let cases = 0;
  const started = Date.now();
  // Counted from inside the property: a synchronous run blocks timers until it ends.
  const every = Math.max(1000, Math.round(numRuns / 10));
  const counted = () => {
    if (++cases % every !== 0) return;
    const stage = cases <= numRuns ? `${cases}/${numRuns}` : `shrinking a failure (${cases - numRuns} runs)`;
    process.stderr.write(`      ${property.name}: ${stage} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  };
  const details = await fc.check(property.property(counted), runParameters(numRuns, property.name, seed));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!details.failed) {
    console.log(`ok    ${property.name}: ${details.numRuns} cases in ${seconds} s`);
    return { cases: details.numRuns, failed: false };
  }
  const file = join(tmpdir(), `cable-fuzz-${property.name}-${seed}.json`);
  writeFileSync(file, JSON.stringify(details.counterexample, null, 1));
  console.log(`FAIL  ${property.name}: after ${details.numRuns} cases in ${seconds} s; full counterexample in ${file}`);
  console.log(fc.defaultReportMessage(details));
  // The cases run before the failure; the shrinking runs after it are not new documents.
  return { cases: details.numRuns, failed: true };
}

async function main(): Promise<number> {
  const { runs, seed, only } = options();
  console.log(`cable fuzz: seed ${seed}, --runs ${runs} (replay with --seed ${seed}, or FUZZ_SEED=${seed} npm test)`);
  const started = Date.now();
  let total = 0;
  const failures: string[] = [];
  for (const property of PROPERTIES.filter((p) => only.includes(p.name))) {
    const { cases, failed } = await fuzz(property, runs, seed);
    total += cases;
    if (failed) failures.push(property.name);
  }
  if (only.includes('markdown'))
    console.log(`      markdown: ${probes.probes} hover and completion probes, ${probes.quoting} quoting a payload`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${total} cases in ${seconds} s, seed ${seed}: ${failures.length ? `FAILED ${failures.join(', ')}` : 'no failures'}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
