/** The client's cleaning of `cable.*` settings before the server reads them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_CABLE_SETTINGS,
  canonicalRuleKey,
  normaliseCableSettings,
  normaliseConfigurationItem,
  parseRuleLevel,
} from '../../client/src/settings';

describe('normaliseCableSettings', () => {
  it('gives the defaults for a missing section', () => {
    for (const raw of [undefined, null, 'nonsense', []]) {
      const { value, warnings } = normaliseCableSettings(raw);
      assert.deepEqual(value, DEFAULT_CABLE_SETTINGS);
      assert.deepEqual(warnings, []);
    }
  });

  it('keeps valid settings as they are', () => {
    const raw = {
      validate: { enable: false, run: 'onSave', scope: 'workspace' },
      index: { maxFiles: 20_000, maxFileSizeMB: 0.5 },
      rules: { CBL101: 'off', 'missing-portion-marking': 'error' },
      maxNumberOfProblems: 50,
      acronyms: { GOM: 'Government of Mexico' },
      detectInTextFiles: false,
      trace: { server: 'verbose' },
    };
    const { value, warnings } = normaliseCableSettings(raw);
    assert.deepEqual(value, raw);
    assert.deepEqual(warnings, []);
  });

  it('accepts rule levels and keys in any case', () => {
    const { value, warnings } = normaliseCableSettings({ rules: { cbl101: 'Warning', ' Missing-Portion-Marking ': 'ERROR' } });
    assert.deepEqual(value.rules, { CBL101: 'warning', 'missing-portion-marking': 'error' });
    assert.deepEqual(warnings, []);
  });

  it('drops unknown rule levels with a warning naming the rule', () => {
    const { value, warnings } = normaliseCableSettings({ rules: { CBL101: 'loud', CBL102: 3, CBL103: 'hint', CBL104: 'warn', CBL105: false } });
    assert.deepEqual(value.rules, { CBL103: 'hint' });
    assert.equal(warnings.length, 4);
    assert.match(warnings[0], /CBL101.*loud/);
  });

  it('repairs validate.run and maxNumberOfProblems', () => {
    assert.equal(normaliseCableSettings({ validate: { run: 'ONSAVE' } }).value.validate.run, 'onSave');
    const bad = normaliseCableSettings({ validate: { run: 'sometimes', enable: 'yes' }, maxNumberOfProblems: -1 });
    assert.deepEqual(bad.value.validate, { enable: true, run: 'onType', scope: 'openFiles' });
    assert.equal(bad.value.maxNumberOfProblems, 1000);
    assert.equal(bad.warnings.length, 2);
    assert.equal(normaliseCableSettings({ maxNumberOfProblems: '25' }).value.maxNumberOfProblems, 25);
    assert.equal(normaliseCableSettings({ maxNumberOfProblems: 12.7 }).value.maxNumberOfProblems, 12);
  });

  it('repairs validate.scope, accepting any case', () => {
    assert.equal(normaliseCableSettings({ validate: { scope: ' WORKSPACE ' } }).value.validate.scope, 'workspace');
    assert.equal(normaliseCableSettings({ validate: { scope: 'openfiles' } }).value.validate.scope, 'openFiles');
    const bad = normaliseCableSettings({ validate: { scope: 'everything' } });
    assert.equal(bad.value.validate.scope, 'openFiles');
    assert.equal(bad.warnings.length, 1);
    assert.match(bad.warnings[0], /cable\.validate\.scope.*everything/);
  });

  it('keeps the index limits when they are numbers of 0 or more, and says what it replaced', () => {
    assert.deepEqual(normaliseCableSettings({ index: { maxFiles: '1000', maxFileSizeMB: '2.5' } }).value.index, { maxFiles: 1000, maxFileSizeMB: 2.5 });
    assert.deepEqual(normaliseCableSettings({ index: { maxFiles: 0, maxFileSizeMB: 0 } }).value.index, { maxFiles: 0, maxFileSizeMB: 0 });
    assert.equal(normaliseCableSettings({ index: { maxFiles: 1234.9 } }).value.index.maxFiles, 1234);
    const bad = normaliseCableSettings({ index: { maxFiles: -5, maxFileSizeMB: 'big' } });
    assert.deepEqual(bad.value.index, DEFAULT_CABLE_SETTINGS.index);
    assert.equal(bad.warnings.length, 2);
    assert.match(bad.warnings[0], /cable\.index\.maxFiles.*-5/);
    assert.match(bad.warnings[1], /cable\.index\.maxFileSizeMB.*big/);
    const notObject = normaliseCableSettings({ index: 20_000 });
    assert.deepEqual(notObject.value.index, DEFAULT_CABLE_SETTINGS.index);
    assert.equal(notObject.warnings.length, 1);
  });

  it('holds the whole Cablegate release (251,287 cables) by default', () => {
    assert.ok(DEFAULT_CABLE_SETTINGS.index.maxFiles >= 251_287);
  });

  it('keeps only acronyms with a text expansion, trimmed', () => {
    const { value, warnings } = normaliseCableSettings({ acronyms: { ' GOM ': ' Government of Mexico ', SSP: '', X: 4 } });
    assert.deepEqual(value.acronyms, { GOM: 'Government of Mexico' });
    assert.equal(warnings.length, 2);
  });

  it('warns when an object setting is not an object', () => {
    const { value, warnings } = normaliseCableSettings({ rules: 'CBL101=off', acronyms: ['GOM'] });
    assert.deepEqual(value.rules, {});
    assert.deepEqual(value.acronyms, {});
    assert.equal(warnings.length, 2);
  });

  it('does not share default objects between results', () => {
    const first = normaliseCableSettings(undefined).value;
    first.rules.CBL101 = 'off';
    assert.deepEqual(normaliseCableSettings(undefined).value.rules, {});
  });
});

describe('normaliseConfigurationItem', () => {
  it('normalises the cable section and its parts, and passes other sections through', () => {
    assert.deepEqual(normaliseConfigurationItem('cable.rules', { cbl101: 'OFF' }).value, { CBL101: 'off' });
    assert.equal(normaliseConfigurationItem('cable.maxNumberOfProblems', '7').value, 7);
    assert.deepEqual(normaliseConfigurationItem('cable.validate', { run: 'onsave' }).value, { enable: true, run: 'onSave', scope: 'openFiles' });
    assert.deepEqual(normaliseConfigurationItem('cable.index', { maxFiles: '300000' }).value, { maxFiles: 300_000, maxFileSizeMB: 5 });
    const other = { tabSize: 4 };
    assert.equal(normaliseConfigurationItem('editor', other).value, other);
    assert.equal(normaliseConfigurationItem(undefined, other).value, other);
  });
});

describe('rule keys and levels', () => {
  it('parses levels', () => {
    assert.equal(parseRuleLevel(' Hint '), 'hint');
    assert.equal(parseRuleLevel('critical'), undefined);
    assert.equal(parseRuleLevel(true), undefined);
    assert.equal(parseRuleLevel(false), undefined);
  });

  it('puts codes in upper and names in lower case', () => {
    assert.equal(canonicalRuleKey('cbl101'), 'CBL101');
    assert.equal(canonicalRuleKey('Missing-Portion-Marking'), 'missing-portion-marking');
  });
});
