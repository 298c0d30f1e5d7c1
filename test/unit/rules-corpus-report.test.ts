/** The corpus report's counting, on a few corpus cables: tallies per rule, examples, and cables with an error. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCorpusDiagnostics } from '../../scripts/corpus-report';
import { RULES } from '../../server/src/language/rules/registry';
import { corpusFiles } from '../support/corpus';

describe('countCorpusDiagnostics', () => {
  const files = corpusFiles().filter((file) => /(?:09MEXICO880|08BERLIN1387|10QUITO101)\.txt$/.test(file));
  const counts = countCorpusDiagnostics(files);

  it('tallies every rule, with diagnostics at least as many as the cables hit', () => {
    assert.equal(counts.files, 3);
    assert.deepEqual(
      counts.tallies.map((t) => t.code),
      RULES.map((r) => r.code),
    );
    for (const tally of counts.tallies) {
      assert.ok(tally.diagnostics >= tally.cables && tally.cables <= counts.files, tally.code);
      assert.ok(tally.examples.length <= Math.min(3, tally.cables), tally.code);
    }
  });

  it('gives examples as file:line message', () => {
    const marking = counts.tallies.find((t) => t.code === 'CBL501')!;
    assert.ok(marking.cables >= 1);
    assert.match(marking.examples[0], /^09MEXICO880\.txt:\d+ ¶13 has no portion marking/);
  });

  it('counts the cables with at least one error', () => {
    const above = counts.tallies.find((t) => t.code === 'CBL504')!;
    assert.equal(above.cables, 1);
    assert.equal(counts.filesWithError, 1);
  });
});
