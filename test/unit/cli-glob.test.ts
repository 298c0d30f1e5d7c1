/** `compileGlob`: `*`, `?`, `**` and classes, on `/`-separated paths relative to the searched folder. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob } from '../../server/src/cli/glob';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern)(path);
}

describe('compileGlob', () => {
  it('matches file names at any depth when the pattern has no slash', () => {
    assert.ok(matches('*.txt', '09MEXICO283.txt'));
    assert.ok(matches('*.txt', '2009/02/09MEXICO283.txt'));
    assert.ok(!matches('*.txt', '09MEXICO283.cable'));
    assert.ok(matches('09MEXICO???.txt', 'x/09MEXICO283.txt'));
    assert.ok(!matches('09MEXICO???.txt', '09MEXICO2830.txt'));
  });

  it('keeps * and ? inside one segment when the pattern has a slash', () => {
    assert.ok(matches('2009/*.txt', '2009/a.txt'));
    assert.ok(!matches('2009/*.txt', '2009/02/a.txt'));
    assert.ok(!matches('20?9/*.txt', '20/9/a.txt'));
  });

  it('lets ** span zero or more segments', () => {
    assert.ok(matches('**/*.txt', 'a.txt'));
    assert.ok(matches('**/*.txt', 'x/y/z/a.txt'));
    assert.ok(matches('cables/**/09*.txt', 'cables/09MEXICO283.txt'));
    assert.ok(matches('cables/**/09*.txt', 'cables/2009/02/09MEXICO283.txt'));
    assert.ok(!matches('cables/**/09*.txt', 'other/09MEXICO283.txt'));
    assert.ok(matches('cables/**', 'cables/a/b.txt'));
  });

  it('reads character classes, negated with !', () => {
    assert.ok(matches('0[0-9]*.txt', '09MEXICO283.txt'));
    assert.ok(!matches('0[!9]*.txt', '09MEXICO283.txt'));
  });

  it('takes regular expression characters literally', () => {
    assert.ok(matches('a+b (1).txt', 'a+b (1).txt'));
    assert.ok(!matches('a.txt', 'abtxt'));
  });

  it('accepts backslashes and a leading ./', () => {
    assert.ok(matches('./sub/*.txt', 'sub/a.txt'));
    assert.ok(matches('sub\\*.txt', 'sub/a.txt'));
  });
});
