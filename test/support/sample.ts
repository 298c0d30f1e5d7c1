/**
 * The reference cable 09MEXICO283 as the unit tests read it: the copy in `test/fixtures/samples/`, so they
 * need no `../shared`. `test/unit/sample-fixture.test.ts` keeps it byte-identical to the shared sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_FIXTURE_PATH = join(__dirname, '..', 'fixtures', 'samples', '09MEXICO283.txt');

/** The text of the reference cable. */
export function readSample(): string {
  return readFileSync(SAMPLE_FIXTURE_PATH, 'utf8');
}
