/** The server's reading of the `cable` settings (by shared/settings.ts): mapping to LanguageSettings, per-document cache, invalidation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  canonicalRuleKey,
  toDocumentSettings,
  DEFAULT_INDEX_SETTINGS,
  toIndexSettings,
} from '../../server/src/settings/settingsMapping';
import { SettingsStore } from '../../server/src/settings/settingsStore';

describe('toDocumentSettings', () => {
  it('gives the defaults for a missing or malformed section', () => {
    for (const raw of [undefined, null, 'nonsense', 42, [], {}]) {
      assert.deepEqual(toDocumentSettings(raw), DEFAULT_DOCUMENT_SETTINGS);
    }
    assert.equal(DEFAULT_DOCUMENT_SETTINGS.language.maxNumberOfProblems, 1000);
  });

  it('maps every setting the server honours', () => {
    const settings = toDocumentSettings({
      validate: { enable: false, run: 'onSave' },
      rules: { CBL101: 'off', 'missing-portion-marking': 'error' },
      maxNumberOfProblems: 50,
      acronyms: { GOM: 'Government of Mexico' },
    });
    assert.deepEqual(settings, {
      language: {
        rules: { CBL101: 'off', 'missing-portion-marking': 'error' },
        maxNumberOfProblems: 50,
        acronyms: { GOM: 'Government of Mexico' },
      },
      validate: { enable: false, run: 'onSave', scope: 'openFiles' },
    });
    assert.equal(toDocumentSettings({ validate: { scope: 'workspace' } }).validate.scope, 'workspace');
    assert.equal(toDocumentSettings({ validate: { scope: 'everything' } }).validate.scope, 'openFiles');
  });

  it('maps the index limits, from megabytes to bytes, and drops what is not a number', () => {
    const logged: string[] = [];
    assert.deepEqual(toIndexSettings(undefined), DEFAULT_INDEX_SETTINGS);
    assert.deepEqual(toIndexSettings({ maxFiles: 300_000, maxFileSizeMB: 1.5 }), { maxFiles: 300_000, maxFileBytes: 1.5 * 1024 * 1024 });
    assert.deepEqual(
      toIndexSettings({ maxFiles: 'lots', maxFileSizeMB: -1 }, (m) => logged.push(m)),
      DEFAULT_INDEX_SETTINGS,
    );
    assert.equal(logged.length, 2);
    assert.ok(DEFAULT_INDEX_SETTINGS.maxFiles >= 251_287, 'the default holds the whole release');
  });

  it('drops unknown rule levels with one log line each, and canonicalises rule keys', () => {
    const logged: string[] = [];
    const settings = toDocumentSettings({ rules: { cbl501: 'Warning', 'Missing-Portion-Marking': 'loud', CBL202: 3 } }, (m) =>
      logged.push(m),
    );
    assert.deepEqual(settings.language.rules, { CBL501: 'warning' });
    assert.equal(logged.length, 2);
    assert.match(logged[0]!, /Missing-Portion-Marking.*"loud"/);
    assert.match(logged[1]!, /CBL202/);
  });

  it('takes the default for a maxNumberOfProblems that is not a number ≥ 0, and reads one typed as a string', () => {
    const logged: string[] = [];
    for (const raw of [-1, Number.NaN, Number.POSITIVE_INFINITY, true, 'many']) {
      assert.equal(toDocumentSettings({ maxNumberOfProblems: raw }, (m) => logged.push(m)).language.maxNumberOfProblems, 1000);
    }
    assert.equal(logged.length, 5);
    assert.equal(
      toDocumentSettings({ maxNumberOfProblems: null }, (m) => logged.push(m)).language.maxNumberOfProblems,
      1000,
      'null is unset',
    );
    assert.equal(logged.length, 5);
    assert.equal(toDocumentSettings({ maxNumberOfProblems: '50' }).language.maxNumberOfProblems, 50);
    assert.equal(toDocumentSettings({ maxNumberOfProblems: 0 }).language.maxNumberOfProblems, 0);
    assert.equal(toDocumentSettings({ maxNumberOfProblems: 12.7 }).language.maxNumberOfProblems, 12);
  });

  it('keeps only non-empty acronym expansions and valid validate values, in any case', () => {
    const settings = toDocumentSettings({
      acronyms: { GOM: ' Government of Mexico ', X: '', Y: 3 },
      validate: { enable: 'no', run: 'sometimes' },
    });
    assert.deepEqual(settings.language.acronyms, { GOM: 'Government of Mexico' });
    assert.deepEqual(settings.validate, DEFAULT_DOCUMENT_SETTINGS.validate);
    assert.equal(toDocumentSettings({ validate: { run: 'onsave' } }).validate.run, 'onSave');
  });

  it('writes rule codes upper case and names lower case', () => {
    assert.equal(canonicalRuleKey(' cbl101 '), 'CBL101');
    assert.equal(canonicalRuleKey('Missing-Portion-Marking'), 'missing-portion-marking');
  });
});

/** A `workspace/configuration` fake: answers from `sections[uri]` and counts the requests. */
function fakeConfiguration(sections: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = async (uri: string) => {
    asked.push(uri);
    return sections[uri];
  };
  return { asked, fetch };
}

function silentLog() {
  const info: string[] = [];
  const error: string[] = [];
  return { info, error, log: { info: (m: string) => void info.push(m), error: (m: string) => void error.push(m) } };
}

describe('SettingsStore', () => {
  const A = 'file:///w/a.cable';
  const B = 'file:///w/sub/b.cable';

  it('asks the client once per document, with the document as scope', async () => {
    const { asked, fetch } = fakeConfiguration({ [A]: { maxNumberOfProblems: 5 }, [B]: { maxNumberOfProblems: 7 } });
    const store = new SettingsStore(fetch, silentLog().log);
    assert.equal((await store.get(A)).language.maxNumberOfProblems, 5);
    assert.equal((await store.get(A)).language.maxNumberOfProblems, 5);
    assert.equal((await store.get(B)).language.maxNumberOfProblems, 7);
    assert.deepEqual(asked, [A, B]);
  });

  it('asks again after a configuration change, and after a close', async () => {
    const sections: Record<string, unknown> = { [A]: { rules: { CBL501: 'error' } } };
    const { asked, fetch } = fakeConfiguration(sections);
    const store = new SettingsStore(fetch, silentLog().log);
    assert.deepEqual((await store.get(A)).language.rules, { CBL501: 'error' });
    sections[A] = { rules: { CBL501: 'off' } };
    assert.deepEqual((await store.get(A)).language.rules, { CBL501: 'error' }, 'cached until told');
    store.invalidate();
    assert.deepEqual((await store.get(A)).language.rules, { CBL501: 'off' });
    store.delete(A);
    await store.get(A);
    assert.equal(asked.length, 3);
  });

  it('logs a bad value once per change, however many documents read it', async () => {
    const bad = { rules: { CBL501: 'loud' } };
    const { fetch } = fakeConfiguration({ [A]: bad, [B]: bad });
    const { info, log } = silentLog();
    const store = new SettingsStore(fetch, log);
    await store.get(A);
    await store.get(B);
    assert.equal(info.length, 1);
    store.invalidate();
    await store.get(A);
    assert.equal(info.length, 2);
  });

  it('uses the defaults when the client fails to answer, and asks again next time', async () => {
    let fail = true;
    const fetch = async () => {
      if (fail) throw new Error('no configuration');
      return { validate: { run: 'onSave' } };
    };
    const { error, log } = silentLog();
    const store = new SettingsStore(fetch, log);
    assert.deepEqual(await store.get(A), DEFAULT_DOCUMENT_SETTINGS);
    assert.equal(error.length, 1);
    assert.match(error[0]!, /a\.cable/);
    fail = false;
    assert.equal((await store.get(A)).validate.run, 'onSave');
  });

  it('without a configuration capability: defaults, then what didChangeConfiguration pushes', async () => {
    const store = new SettingsStore(undefined, silentLog().log);
    assert.deepEqual(await store.get(A), DEFAULT_DOCUMENT_SETTINGS);
    store.invalidate({ cable: { validate: { enable: false } } });
    assert.equal((await store.get(A)).validate.enable, false);
    assert.equal((await store.get(B)).validate.enable, false);
    store.invalidate({ other: {} });
    assert.equal((await store.get(A)).validate.enable, false, 'a payload without `cable` changes nothing');
  });
});
