/**
 * REF items and origins over the shared corpus: no telegram id whose origin is no station (`10UNSCR1737`,
 * `09MEXICOCITY2636`), and the origin the model names agrees with index.csv's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { parseRefId } from '../../server/src/language/parse/refIds';
import { CORPUS_DIR, readCorpusIndex } from '../support/corpus';

const parsed = readCorpusIndex().map((entry) => {
  const model = parseCableFile(readFileSync(join(CORPUS_DIR, `${entry.refId}.txt`), 'utf8'), { fileName: `${entry.refId}.txt` });
  return { entry, model };
});

test('every telegram a REF item names has a known station for its origin', () => {
  const { stations } = getDictionaries();
  const unknown: string[] = [];
  let ids = 0;
  for (const { entry, model } of parsed) {
    for (const cable of model.cables) {
      for (const item of cable.caption.refs?.items ?? []) {
        for (const citation of item.cables) {
          ids++;
          const origin = citation.refId && parseRefId(citation.refId)?.origin;
          if (!origin || !stations.has(origin)) unknown.push(`${entry.refId}: ${citation.refId} from '${item.text}'`);
        }
      }
    }
  }
  assert.ok(ids > 700, `only ${ids} telegram ids read`);
  assert.deepEqual(unknown, []);
});

test("the cable's origin agrees with index.csv for at least 99% of the corpus", () => {
  const disagreements = parsed
    .filter(({ entry, model }) => model.cables[0]?.origin?.value !== entry.origin)
    .map(({ entry, model }) => `${entry.refId}: ${model.cables[0]?.origin?.value} (${model.cables[0]?.origin?.source}) vs ${entry.origin}`);
  if (disagreements.length) console.log(`origin disagreements:\n  ${disagreements.join('\n  ')}`);
  assert.ok(disagreements.length <= parsed.length / 100, `${disagreements.length} of ${parsed.length} disagree`);
});
