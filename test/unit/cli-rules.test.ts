/** The CLI's view of the rule registry: `--rule` keys checked, names turned into codes, "did you mean". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestRule, getRuleCatalog, rulesByCode, unknownRuleKeys } from '../../server/src/cli/ruleCatalog';

const rules = getRuleCatalog();

describe('getRuleCatalog', () => {
  it('lists every registry rule with code, name, description and default level', () => {
    const unmarked = rules.find((rule) => rule.code === 'CBL501');
    assert.equal(unmarked?.name, 'missing-portion-marking');
    assert.equal(unmarked?.defaultLevel, 'warning');
    assert.ok(rules.every((rule) => /^CBL\d{3}$/.test(rule.code) && /^[a-z]+(?:-[a-z]+)*$/.test(rule.name) && rule.description.length > 0));
    assert.equal(new Set(rules.map((rule) => rule.code)).size, rules.length);
  });
});

describe('unknownRuleKeys and closestRule', () => {
  it('knows codes and names, and nothing else', () => {
    assert.deepEqual(unknownRuleKeys(['CBL501', 'missing-portion-marking', 'CBL999', 'missing-portion'], rules), [
      'CBL999',
      'missing-portion',
    ]);
  });

  it('suggests the rule within two edits', () => {
    assert.equal(closestRule('missing-portion-markin', rules), 'CBL501 missing-portion-marking');
    assert.equal(closestRule('CBL5011', rules), 'CBL501 missing-portion-marking');
    assert.equal(closestRule('nothing-like-a-rule', rules), undefined);
  });
});

describe('rulesByCode', () => {
  it('turns names into codes, the last flag for a rule winning', () => {
    assert.deepEqual(rulesByCode({ 'missing-portion-marking': 'error', CBL501: 'hint' }, rules), { CBL501: 'hint' });
    assert.deepEqual(rulesByCode({ CBL501: 'hint', 'missing-portion-marking': 'off' }, rules), { CBL501: 'off' });
    assert.deepEqual(rulesByCode({ 'unknown-tag': 'off', CBL504: 'warning' }, rules), { CBL407: 'off', CBL504: 'warning' });
  });
});
