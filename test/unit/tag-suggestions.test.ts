/** The tag suggestions' one-edit test agrees with the edit distance it stands in for. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { editDistance, getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { isProvedTag, oneEditApart } from '../../server/src/language/rules/tagSuggestions';

const code = fc.string({ unit: fc.constantFrom('A', 'B', 'O', 'P', 'G', 'V', 'é'), maxLength: 7 });

test('oneEditApart(a, b) is editDistance(a, b) === 1', () => {
  fc.assert(
    fc.property(code, code, (a, b) => assert.equal(oneEditApart(a, b), editDistance(a, b) === 1, `${a} ${b}`)),
    { numRuns: 20_000, seed: 20090204 },
  );
  for (const [a, b] of [
    ['PGOV', 'PGVO'],
    ['PGOV', 'PGGV'],
    ['PGOV', 'PGO'],
    ['PGOV', 'XPGOV'],
    ['PGOV', 'PGOV'],
    ['PGOV', 'GPVO'],
  ])
    assert.equal(oneEditApart(a, b), editDistance(a, b) === 1, `${a} ${b}`);
});

test('isProvedTag: one known tag a letter away proves it, twice asked', () => {
  const dictionaries = getDictionaries();
  for (let round = 0; round < 2; round++) {
    assert.equal(isProvedTag('PGGV', 'PGOV', dictionaries), isProvedTag('PGGV', 'PGOV', dictionaries));
    assert.equal(isProvedTag('IZPREL', 'IZ PREL', dictionaries), true);
  }
});
