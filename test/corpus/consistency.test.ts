/**
 * The consistency report over the whole corpus: what the text of a cable plainly holds that the model lacks or
 * misreads (`test/support/consistency.ts`). No class may exceed 1% of the corpus, nor all together 2%.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countCorpusDiagnostics } from '../../scripts/corpus-report';

test('the model holds what the text of every corpus cable holds', (t) => {
  const counts = countCorpusDiagnostics();
  const over: string[] = [];
  for (const tally of counts.consistency) {
    t.diagnostic(`${tally.kind}: ${tally.cables} of ${counts.files}${tally.examples.length ? ` (${tally.examples.join('; ')})` : ''}`);
    if (tally.cables > counts.files * 0.01) over.push(`${tally.kind}: ${tally.cables} cables`);
  }
  t.diagnostic(`cables with at least one inconsistency: ${counts.inconsistentFiles} of ${counts.files}`);
  assert.deepEqual(over, [], 'no class above 1% of the corpus');
  assert.ok(counts.inconsistentFiles <= counts.files * 0.02, `${counts.inconsistentFiles} cables with an inconsistency, above 2%`);
});
