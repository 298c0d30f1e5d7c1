/** The reference cable in test/fixtures/samples/ stays byte-identical to the shared sample it copies. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SAMPLE_PATH } from '../support/corpus';
import { SAMPLE_FIXTURE_PATH } from '../support/sample';

/** The file's bytes, one character each. */
const bytesOf = (path: string) => readFileSync(path, 'latin1');

test(
  'the sample fixture is byte-identical to ../shared/samples/09MEXICO283.txt',
  { skip: existsSync(SAMPLE_PATH) ? false : `no ${SAMPLE_PATH} to compare test/fixtures/samples/09MEXICO283.txt with` },
  () => {
    const fixture = bytesOf(SAMPLE_FIXTURE_PATH);
    const shared = bytesOf(SAMPLE_PATH);
    let first = 0;
    while (first < fixture.length && fixture[first] === shared[first]) first++;
    assert.ok(
      fixture === shared,
      `${SAMPLE_FIXTURE_PATH} (${fixture.length} bytes) differs from ${SAMPLE_PATH} (${shared.length} bytes) from byte ${first}: copy the shared sample again (test/fixtures/samples/README.md)`,
    );
  },
);
