/**
 * Every rule over every corpus cable: no rule fails, the sample stays clean, and fewer than 5% of the
 * cables get an `error` (an error must be a real defect wherever it fires on real cables).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countCorpusDiagnostics } from '../../scripts/corpus-report';
import { corpusFiles } from '../support/corpus';

test('rules over the corpus: no rule failure, errors in fewer than 5% of the cables', () => {
  const files = corpusFiles();
  const counts = countCorpusDiagnostics(files);
  const failures = counts.tallies.filter((t) => (t.code === 'CBL000' || t.code === 'CBL002') && t.diagnostics > 0);
  assert.deepEqual(
    failures.map((t) => `${t.code} ${t.examples.join('; ')}`),
    [],
  );
  const share = counts.filesWithError / files.length;
  console.log(`cables with an error: ${counts.filesWithError} of ${files.length} (${(share * 100).toFixed(1)}%)`);
  for (const tally of counts.tallies.filter((t) => t.severity === 'error' && t.cables > 0))
    console.log(`  ${tally.code} ${tally.name}: ${tally.examples.join('; ')}`);
  assert.ok(share < 0.05);
});
