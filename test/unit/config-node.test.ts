/**
 * `.cable-lint.json` on disk: the loader (found upwards, cached until invalidated, problems reported), the
 * server's settings with the editor settings on top, the "turn off" code actions and the command writing the file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ConfigLoader, toSlashes, type ConfigFileProblem } from '../../server/src/config/configLoader';
import { ServerConfigs } from '../../server/src/config/serverConfigs';
import { nearestConfig, runTurnOffRuleCommand, turnOffRule } from '../../server/src/config/turnOffRule';
import { ruleCodeOf } from '../../server/src/language/config/cableLintConfig';
import { getRuleOffActions, TURN_OFF_RULE_COMMAND } from '../../server/src/language/features/ruleOffActions';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../server/src/settings/settingsMapping';
import { SettingsStore } from '../../server/src/settings/settingsStore';

/** Settings in which CBL501 is an error (as `cable.rules` on top of the file would make it). */
const errorSettings = {
  ...DEFAULT_DOCUMENT_SETTINGS,
  language: { ...DEFAULT_DOCUMENT_SETTINGS.language, rules: { CBL501: 'error' as const } },
};

const TAG = ruleCodeOf('unknown-tag')!;
let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'cable-config-'));
  // Whatever configuration the machine has above the temporary folder stays out of these tests.
  writeFileSync(join(root, '.cable-lint.json'), '{ "root": true }');
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder tree under the test's temporary root, with the given files. */
function tree(name: string, files: Record<string, string>): string {
  const base = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, '..'), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

describe('ConfigLoader', () => {
  it('finds the configurations from the file’s folder up, nearest on top, and stops at "root": true', () => {
    const base = tree('chain', {
      '.cable-lint.json': '{ "rules": { "CBL501": "off" } }',
      'a/.cable-lint.json': '{ "root": true, "rules": { "unknown-tag": "hint" } }',
      'a/b/.cable-lint.json': '// comment only\n',
      'a/b/c/x.txt': '',
      'd/y.txt': '',
    });
    const loader = new ConfigLoader();
    assert.deepEqual(
      loader.chainFor(join(base, 'a', 'b', 'c')).map((loaded) => loaded.folder),
      [toSlashes(join(base, 'a', 'b')), toSlashes(join(base, 'a'))],
    );
    assert.deepEqual(loader.forFile(join(base, 'a', 'b', 'c', 'x.txt'))?.rules, { [TAG]: 'hint' });
    assert.deepEqual(loader.forFile(join(base, 'd', 'y.txt'))?.rules, { CBL501: 'off' });
  });

  it('keeps what it read until invalidated', () => {
    const base = tree('cache', { '.cable-lint.json': '{ "rules": { "CBL501": "off" } }' });
    const loader = new ConfigLoader();
    const file = join(base, 'x.txt');
    assert.deepEqual(loader.forFile(file)?.rules, { CBL501: 'off' });
    writeFileSync(join(base, '.cable-lint.json'), '{ "rules": { "CBL501": "error" } }');
    assert.deepEqual(loader.forFile(file)?.rules, { CBL501: 'off' }, 'cached');
    loader.invalidate();
    assert.deepEqual(loader.forFile(file)?.rules, { CBL501: 'error' });
  });

  it('leaves out a file that does not parse, keeps the good values of one with bad ones, and reports both', () => {
    const base = tree('problems', {
      '.cable-lint.json': '{ "rules": { "CBL501": "off" } }',
      'a/.cable-lint.json': '{ "rules": {',
      'a/b/.cable-lint.json': '{ "rules": { "CBL407": "loud", "CBL502": "off" } }',
    });
    const problems: ConfigFileProblem[] = [];
    const loader = new ConfigLoader((problem) => problems.push(problem));
    assert.deepEqual(loader.forFile(join(base, 'a', 'b', 'x.txt'))?.rules, { CBL501: 'off', CBL502: 'off' });
    assert.deepEqual(
      problems.map(({ path, problem, unusable }) => [path.slice(base.length), problem.line, problem.column, unusable]),
      [
        [join('/a/b/.cable-lint.json'), 1, 24, false],
        [join('/a/.cable-lint.json'), 1, 13, true],
      ],
    );
  });

  it('says which folders are ignored, so a walk can skip them', () => {
    const base = tree('ignored', { '.cable-lint.json': '{ "ignore": ["drafts", "**/*.bak.txt"] }' });
    const loader = new ConfigLoader();
    assert.equal(loader.isIgnoredFolder(join(base, 'drafts')), true);
    assert.equal(loader.isIgnoredFolder(join(base, 'final')), false);
    assert.equal(loader.forFile(join(base, 'final', 'x.bak.txt'))?.ignored, true);
    assert.equal(loader.forFile(join(base, 'final', 'x.txt'))?.ignored, false);
    assert.equal(loader.forFile(join(base, 'drafts', 'x.txt'))?.ignored, true);
  });
});

describe('the server’s settings with .cable-lint.json', () => {
  const base = () => join(root, 'server');
  before(() =>
    tree('server', {
      '.cable-lint.json':
        '{ "rules": { "CBL501": "off", "unknown-tag": "hint" }, "acronyms": { "GOM": "Gobierno de México" }, "ignore": ["drafts/**"] }',
    }),
  );

  it('puts the editor settings on top of the file’s configuration', async () => {
    const configs = new ServerConfigs({ info: () => {}, warn: () => {} });
    const store = new SettingsStore(
      async () => ({ rules: { 'missing-portion-marking': 'error' }, acronyms: { GOI: 'Government of India' } }),
      { info: () => {}, error: () => {} },
      (uri) => configs.forUri(uri),
    );
    const settings = await store.get(pathToFileURL(join(base(), 'x.txt')).href);
    assert.deepEqual(settings.language.rules, { CBL501: 'error', [TAG]: 'hint' });
    assert.deepEqual(settings.language.acronyms, { GOM: 'Gobierno de México', GOI: 'Government of India' });
    assert.equal(settings.validate.enable, true);
    assert.equal((await store.get(pathToFileURL(join(base(), 'drafts', 'x.txt')).href)).validate.enable, false, 'ignored: not checked');
    assert.deepEqual(
      (await store.get('untitled:Untitled-1')).language.rules,
      { 'missing-portion-marking': 'error' },
      'no configuration for a file not on disk',
    );
  });

  it('reads a file’s configuration with its folder’s editor settings for files that are not open', async () => {
    const asked: string[] = [];
    const store = new SettingsStore(
      async (uri) => (asked.push(uri), {}),
      { info: () => {}, error: () => {} },
      (uri) => new ServerConfigs({ info: () => {}, warn: () => {} }).forUri(uri),
    );
    const folder = pathToFileURL(base()).href;
    const settings = await store.forFile(pathToFileURL(join(base(), 'y.txt')).href, folder);
    assert.deepEqual(settings.language.rules, { CBL501: 'off', [TAG]: 'hint' });
    assert.deepEqual(asked, [folder]);
  });

  it('tells about a problem in a configuration once, and again after it changed', () => {
    const dir = tree('server-problem', { '.cable-lint.json': '{ "rules": { "CBL9": "off" } }' });
    const warned: string[] = [];
    const configs = new ServerConfigs({ info: () => {}, warn: (message) => warned.push(message) });
    const uri = pathToFileURL(join(dir, 'x.txt')).href;
    configs.forUri(uri);
    configs.forUri(pathToFileURL(join(dir, 'sub', 'z.txt')).href);
    assert.equal(warned.length, 1);
    assert.match(warned[0], /\.cable-lint\.json:1:14: "rules": no rule has the code or name "CBL9".*\(this value is left out\)$/);
    assert.equal(
      configs.changed([{ uri: pathToFileURL(join(dir, 'x.txt')).href, deleted: false }]),
      false,
      'a cable changing is no configuration change',
    );
    assert.equal(configs.changed([{ uri: pathToFileURL(join(dir, '.cable-lint.json')).href, deleted: false }]), true);
    configs.forUri(uri);
    assert.equal(warned.length, 2);
  });
});

describe('the "turn off" code actions', () => {
  const diagnostic = (code: string, line: number): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
    message: 'm',
    severity: DiagnosticSeverity.Warning,
    source: 'cable',
    code,
  });
  const document = TextDocument.create('file:///cables/75ROME1.txt', 'cable', 1, 'x\n'.repeat(20));
  const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

  it('offers both actions once per rule of the diagnostics in the range, as quick fixes running the server command', () => {
    const diagnostics = [diagnostic('CBL501', 3), diagnostic('CBL501', 7), diagnostic(TAG, 9), { ...diagnostic('X1', 2), source: 'other' }];
    const actions = getRuleOffActions(document, whole, { diagnostics });
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        'Turn off CBL501 for this file',
        'Turn off CBL501 in .cable-lint.json',
        `Turn off ${TAG} for this file`,
        `Turn off ${TAG} in .cable-lint.json`,
      ],
    );
    assert.deepEqual(actions[0].command, {
      title: 'Turn off CBL501 for this file',
      command: TURN_OFF_RULE_COMMAND,
      arguments: [{ uri: document.uri, code: 'CBL501', scope: 'file' }],
    });
    assert.equal(actions[1].command?.arguments?.[0].scope, 'config');
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].diagnostics?.length, 2);
  });

  it('offers nothing outside the range, for files not on disk, or when other kinds are asked for', () => {
    const diagnostics = [diagnostic('CBL501', 3)];
    assert.deepEqual(
      getRuleOffActions(document, { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } }, { diagnostics }),
      [],
    );
    assert.deepEqual(getRuleOffActions(TextDocument.create('untitled:1', 'cable', 1, ''), whole, { diagnostics }), []);
    assert.deepEqual(getRuleOffActions(document, whole, { diagnostics, only: ['refactor'] }), []);
  });
});

describe('the turn-off command', () => {
  it('writes the nearest existing configuration within the workspace folder, else a new one in the folder', () => {
    const base = tree('nearest', {
      'ws/.cable-lint.json': '{}',
      'ws/a/.cable-lint.json': '{}',
      'ws/a/b/c/x.txt': '',
      'ws/d/y.txt': '',
      'outside/z.txt': '',
    });
    const ws = join(base, 'ws');
    assert.equal(nearestConfig(join(ws, 'a', 'b', 'c'), ws), join(ws, 'a', '.cable-lint.json'));
    assert.equal(nearestConfig(join(ws, 'd'), ws), join(ws, '.cable-lint.json'));
    rmSync(join(ws, '.cable-lint.json'));
    assert.equal(nearestConfig(join(ws, 'd'), ws), join(ws, '.cable-lint.json'), 'created in the workspace folder');
    assert.equal(
      nearestConfig(join(base, 'outside'), ws),
      join(base, 'outside', '.cable-lint.json'),
      'outside a workspace folder, beside the file',
    );
    assert.equal(nearestConfig(join(base, 'outside'), undefined), join(base, 'outside', '.cable-lint.json'));
  });

  it('edits the file in place of the old one (a rename, no temporary file left), keeping its comments', async () => {
    const base = tree('write', { '.cable-lint.json': '{\n  // mine\n  "rules": { "CBL407": "hint" }\n}\n', '1975/75ROME1.txt': '' });
    const path = join(base, '.cable-lint.json');
    const inodeBefore = statSync(path).ino;
    const uri = pathToFileURL(join(base, '1975', '75ROME1.txt')).href;
    assert.deepEqual(await turnOffRule({ uri, code: 'CBL501', scope: 'config' }, base), { path, created: false, changed: true });
    assert.equal(readFileSync(path, 'utf8'), '{\n  // mine\n  "rules": { "CBL407": "hint", "CBL501": "off" }\n}\n');
    assert.notEqual(statSync(path).ino, inodeBefore, 'replaced by a rename');
    assert.deepEqual(await turnOffRule({ uri, code: 'CBL501', scope: 'file' }, base), { path, created: false, changed: true });
    const loader = new ConfigLoader();
    assert.deepEqual(loader.forFile(join(base, '1975', '75ROME1.txt'))?.rules, { CBL407: 'hint', CBL501: 'off' });
    assert.match(readFileSync(path, 'utf8'), /"files": \["1975\/75ROME1\.txt"\]/);
    assert.deepEqual(readdirSync(base).sort(), ['.cable-lint.json', '1975']);
  });

  it('creates the file when there is none, and says when a setting on top keeps the rule on', async () => {
    const base = tree('create', { 'x.txt': '' });
    const messages: string[] = [];
    const written: string[] = [];
    const result = await runTurnOffRuleCommand(
      { uri: pathToFileURL(join(base, 'x.txt')).href, code: 'missing-portion-marking', scope: 'config' },
      {
        workspaceFolders: () => [base],
        written: (path) => written.push(path),
        settingsOf: async () => errorSettings,
        showMessage: (type, message) => messages.push(`${type}: ${message}`),
      },
    );
    const path = join(base, '.cable-lint.json');
    assert.deepEqual(result, { path, created: true, changed: true });
    assert.deepEqual(written, [path]);
    assert.equal(readFileSync(path, 'utf8'), '{\n  "rules": {\n    "CBL501": "off"\n  }\n}\n');
    assert.match(messages[0], /^warning: CBL501 is off in .*, but still reported at error here/);
  });

  it('shows what is wrong, and leaves the file alone, when it cannot be edited or the arguments are wrong', async () => {
    const base = tree('refuse', { '.cable-lint.json': '{ "rules": ', 'x.txt': '' });
    const messages: string[] = [];
    const deps = {
      workspaceFolders: () => [base],
      written: () => assert.fail('nothing is written'),
      settingsOf: async () => DEFAULT_DOCUMENT_SETTINGS,
      showMessage: (type: string, message: string) => messages.push(`${type}: ${message}`),
    };
    const uri = pathToFileURL(join(base, 'x.txt')).href;
    assert.equal(await runTurnOffRuleCommand({ uri, code: 'CBL501', scope: 'config' }, deps), null);
    assert.equal(await runTurnOffRuleCommand({ uri, code: 'CBL999', scope: 'config' }, deps), null);
    assert.equal(await runTurnOffRuleCommand({ uri: 'untitled:1', code: 'CBL501', scope: 'config' }, deps), null);
    assert.equal(await runTurnOffRuleCommand(undefined, deps), null);
    assert.match(messages[0], /^error: Could not turn off CBL501: .*\.cable-lint\.json was left as it is: it does not parse \(1:12: /);
    assert.match(messages[1], /^error: Could not turn off the rule: no rule has the code or name "CBL999"$/);
    assert.match(messages[2], /not on disk/);
    assert.equal(readFileSync(join(base, '.cable-lint.json'), 'utf8'), '{ "rules": ');
  });
});
