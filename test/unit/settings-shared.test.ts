/**
 * One reading of the `cable` settings (`shared/settings.ts`) for every editor: what it keeps, repairs and
 * drops, and that the server reads a raw section the same whichever client sent it — VS Code passes
 * settings.json through as typed, as Neovim and Emacs do — while the client reads its own setting by the
 * same rules.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectsTextFiles } from '../../client/src/settings';
import { DEFAULT_CABLE_SETTINGS, canonicalRuleKey, normaliseCableSettings, parseRuleLevel } from '../../shared/settings';
import { DEFAULT_DOCUMENT_SETTINGS, toDocumentSettings, toWorkspaceSettings } from '../../server/src/settings/settingsMapping';
import { SettingsStore } from '../../server/src/settings/settingsStore';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const messages = (raw: unknown) => normaliseCableSettings(raw).warnings.map((warning) => warning.message);

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
    const { value, warnings } = normaliseCableSettings({
      rules: { CBL101: 'loud', CBL102: 3, CBL103: 'hint', CBL104: 'warn', CBL105: false },
    });
    assert.deepEqual(value.rules, { CBL103: 'hint' });
    assert.equal(warnings.length, 4);
    assert.equal(warnings[0].setting, 'cable.rules');
    assert.match(warnings[0].message, /^cable\.rules: .*CBL101.*loud/);
  });

  it('repairs validate and maxNumberOfProblems, saying what it replaced', () => {
    assert.equal(normaliseCableSettings({ validate: { run: 'ONSAVE' } }).value.validate.run, 'onSave');
    const bad = normaliseCableSettings({ validate: { run: 'sometimes', enable: 'yes' }, maxNumberOfProblems: -1 });
    assert.deepEqual(bad.value.validate, { enable: true, run: 'onType', scope: 'openFiles' });
    assert.equal(bad.value.maxNumberOfProblems, 1000);
    assert.deepEqual(
      bad.warnings.map((warning) => warning.setting),
      ['cable.validate.enable', 'cable.validate.run', 'cable.maxNumberOfProblems'],
    );
    assert.equal(normaliseCableSettings({ maxNumberOfProblems: '25' }).value.maxNumberOfProblems, 25);
    assert.equal(normaliseCableSettings({ maxNumberOfProblems: 12.7 }).value.maxNumberOfProblems, 12);
    for (const raw of [-1, Number.NaN, Number.POSITIVE_INFINITY, true, '', 'many']) {
      assert.equal(normaliseCableSettings({ maxNumberOfProblems: raw }).value.maxNumberOfProblems, 1000, String(raw));
      assert.equal(messages({ maxNumberOfProblems: raw }).length, 1, String(raw));
    }
    assert.deepEqual(messages({ maxNumberOfProblems: null, validate: { enable: null, run: null } }), [], 'null is unset, as Lua’s nil');
  });

  it('repairs validate.scope, accepting any case', () => {
    assert.equal(normaliseCableSettings({ validate: { scope: ' WORKSPACE ' } }).value.validate.scope, 'workspace');
    assert.equal(normaliseCableSettings({ validate: { scope: 'openfiles' } }).value.validate.scope, 'openFiles');
    const bad = normaliseCableSettings({ validate: { scope: 'everything' } });
    assert.equal(bad.value.validate.scope, 'openFiles');
    assert.deepEqual(
      bad.warnings.map((warning) => warning.setting),
      ['cable.validate.scope'],
    );
    assert.match(bad.warnings[0].message, /cable\.validate\.scope.*everything/);
  });

  it('keeps the index limits when they are numbers of 0 or more, and says what it replaced', () => {
    assert.deepEqual(normaliseCableSettings({ index: { maxFiles: '1000', maxFileSizeMB: '2.5' } }).value.index, {
      maxFiles: 1000,
      maxFileSizeMB: 2.5,
    });
    assert.deepEqual(normaliseCableSettings({ index: { maxFiles: 0, maxFileSizeMB: 0 } }).value.index, { maxFiles: 0, maxFileSizeMB: 0 });
    assert.equal(normaliseCableSettings({ index: { maxFiles: 1234.9 } }).value.index.maxFiles, 1234);
    const bad = normaliseCableSettings({ index: { maxFiles: -5, maxFileSizeMB: 'big' } });
    assert.deepEqual(bad.value.index, DEFAULT_CABLE_SETTINGS.index);
    assert.equal(bad.warnings.length, 2);
    assert.match(bad.warnings[0].message, /cable\.index\.maxFiles.*-5/);
    assert.match(bad.warnings[1].message, /cable\.index\.maxFileSizeMB.*big/);
    const notObject = normaliseCableSettings({ index: 20_000 });
    assert.deepEqual(notObject.value.index, DEFAULT_CABLE_SETTINGS.index);
    assert.deepEqual(
      notObject.warnings.map((warning) => warning.setting),
      ['cable.index'],
    );
  });

  it('holds the whole Cablegate release (251,287 cables) by default', () => {
    assert.ok(DEFAULT_CABLE_SETTINGS.index.maxFiles >= 251_287);
  });

  it('keeps only acronyms with a text expansion, trimmed', () => {
    const { value, warnings } = normaliseCableSettings({ acronyms: { ' GOM ': ' Government of Mexico ', SSP: '', X: 4 } });
    assert.deepEqual(value.acronyms, { GOM: 'Government of Mexico' });
    assert.equal(warnings.length, 2);
  });

  it('warns when an object setting is not an object, but reads an empty list as an empty object (an empty Lua table)', () => {
    const { value, warnings } = normaliseCableSettings({ rules: 'CBL101=off', acronyms: ['GOM'] });
    assert.deepEqual(value.rules, {});
    assert.deepEqual(value.acronyms, {});
    assert.equal(warnings.length, 2);
    assert.deepEqual(messages({ rules: [], acronyms: [], index: [], validate: [] }), []);
  });

  it('reads the trace level and the detection switch, with a warning for what they cannot be', () => {
    assert.equal(normaliseCableSettings({ trace: { server: 'Verbose' } }).value.trace.server, 'verbose');
    assert.match(messages({ trace: { server: 'loud' } })[0], /cable\.trace\.server.*loud/);
    assert.equal(normaliseCableSettings({ detectInTextFiles: false }).value.detectInTextFiles, false);
    assert.match(messages({ detectInTextFiles: 'no' })[0], /cable\.detectInTextFiles.*"no".*using true/);
  });

  it('does not share default objects between results', () => {
    const first = normaliseCableSettings(undefined).value;
    first.rules.CBL101 = 'off';
    assert.deepEqual(normaliseCableSettings(undefined).value.rules, {});
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

/**
 * Raw `cable` sections as clients send them: VS Code's settings.json as typed, Neovim's Lua tables (empty
 * ones as `[]`, `nil` as `null`), hand-typed values in odd case or as strings. Each gave other settings in
 * VS Code (cleaned by the client first) than in Neovim (read by the server alone) before the reading was one.
 */
const RAW_SECTIONS: Record<string, unknown> = {
  'nothing at all': undefined,
  'valid values': {
    validate: { enable: false, run: 'onSave', scope: 'workspace' },
    rules: { CBL101: 'off' },
    maxNumberOfProblems: 50,
    acronyms: { GOM: 'Government of Mexico' },
  },
  'a number typed as a string': { maxNumberOfProblems: '25', index: { maxFiles: '300000', maxFileSizeMB: '0.5' } },
  'enumerations in other case': {
    validate: { run: 'ONSAVE', scope: ' Workspace ' },
    rules: { cbl501: 'Warning' },
    trace: { server: 'Messages' },
  },
  'values that cannot be read': {
    validate: { enable: 'yes', run: 'sometimes', scope: 'everything' },
    rules: { CBL101: 'loud' },
    maxNumberOfProblems: -1,
    index: { maxFiles: 'lots' },
    detectInTextFiles: 'no',
  },
  'Lua tables': { rules: [], acronyms: [], validate: { enable: null }, maxNumberOfProblems: null },
  'objects where values belong': { rules: 'CBL101=off', acronyms: ['GOM'], index: 20_000, validate: true },
};

describe('the same raw section gives the same settings whoever reads it', () => {
  for (const [what, raw] of Object.entries(RAW_SECTIONS)) {
    it(`${what}: the server's readings are the shared reading, each of its problems logged by one of them`, () => {
      const shared = normaliseCableSettings(raw);
      const logged: string[] = [];
      const document = toDocumentSettings(raw, (message) => logged.push(message));
      const workspace = toWorkspaceSettings(raw, (message) => logged.push(message));
      assert.deepEqual(document, {
        language: { rules: shared.value.rules, maxNumberOfProblems: shared.value.maxNumberOfProblems, acronyms: shared.value.acronyms },
        validate: shared.value.validate,
      });
      assert.deepEqual(workspace, {
        index: { maxFiles: shared.value.index.maxFiles, maxFileBytes: Math.floor(shared.value.index.maxFileSizeMB * 1024 * 1024) },
        scope: shared.value.validate.scope,
      });
      assert.deepEqual(logged.sort(), shared.warnings.map((warning) => warning.message).sort());
    });

    it(`${what}: the client reads cable.detectInTextFiles as the shared reading does`, () => {
      const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      assert.equal(detectsTextFiles({ get: (key) => section[key] }), normaliseCableSettings(raw).value.detectInTextFiles);
    });
  }

  it('a document reads the same from a client that answers workspace/configuration and from one that pushes settings', async () => {
    const uri = 'file:///w/09MEXICO283.txt';
    const silent = { info: () => {}, error: () => {} };
    for (const raw of Object.values(RAW_SECTIONS)) {
      const asking = new SettingsStore(async () => raw, silent);
      const pushing = new SettingsStore(undefined, silent);
      pushing.invalidate({ cable: raw });
      assert.deepEqual(await asking.get(uri), await pushing.get(uri));
      assert.deepEqual(await asking.get(uri), toDocumentSettings(raw));
    }
    assert.deepEqual(toDocumentSettings(undefined), DEFAULT_DOCUMENT_SETTINGS);
  });

  it('the VS Code client passes settings through: it has no configuration middleware of its own', () => {
    const source = readFileSync(join(ROOT, 'client', 'src', 'serverClient.ts'), 'utf8');
    assert.doesNotMatch(source, /middleware|normalise/);
  });
});
