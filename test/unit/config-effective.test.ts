/** What the `.cable-lint.json` files above a cable say for it: cascading, `root`, `overrides`, `ignore`, and the globs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG, ruleCodeOf, type CableLintConfig } from '../../server/src/language/config/cableLintConfig';
import { compileConfigGlob, escapeGlob, matchesFileOrFolder } from '../../server/src/language/config/configGlob';
import { effectiveConfig, isIgnored, layerRules, type LoadedConfig } from '../../server/src/language/config/effectiveConfig';

const TAG = ruleCodeOf('unknown-tag')!;
const CLASSIFIED_BY = ruleCodeOf('missing-classified-by')!;

function at(folder: string, config: Partial<CableLintConfig>): LoadedConfig {
  return { folder, path: `${folder === '/' ? '' : folder}/.cable-lint.json`, config: { ...EMPTY_CONFIG, ...config } };
}

describe('config globs', () => {
  const matches = (pattern: string, path: string) => matchesFileOrFolder(compileConfigGlob(pattern), path);

  it('are anchored at the configuration folder, as ESLint flat configs', () => {
    assert.equal(matches('*.txt', '75ROME1.txt'), true);
    assert.equal(matches('*.txt', '1975/75ROME1.txt'), false);
    assert.equal(matches('**/*.txt', '1975/75ROME1.txt'), true);
    assert.equal(matches('**/*.txt', '75ROME1.txt'), true);
    assert.equal(matches('./1975/*.txt', '1975/75ROME1.txt'), true);
    assert.equal(matches('/1975/*.txt', '1975/75ROME1.txt'), true);
  });

  it('cover everything in a folder they match', () => {
    assert.equal(matches('drafts', 'drafts/1975/75ROME1.txt'), true);
    assert.equal(matches('drafts/', 'drafts/75ROME1.txt'), true);
    assert.equal(matches('drafts/', 'drafts'), false, 'a glob ending in / matches folders only');
    assert.equal(matches('drafts/**', 'drafts/1975/75ROME1.txt'), true);
    assert.equal(matches('drafts/**', 'drafts'), false);
    assert.equal(matches('drafts', 'old-drafts/75ROME1.txt'), false);
  });

  it('have ?, classes, choices and escapes', () => {
    assert.equal(matches('7?ROME*.txt', '75ROME1.txt'), true);
    assert.equal(matches('7[0-4]ROME*.txt', '75ROME1.txt'), false);
    assert.equal(matches('7[!0-4]ROME*.txt', '75ROME1.txt'), true);
    assert.equal(matches('{1975,1976}/**', '1976/x.cable'), true);
    assert.equal(matches('{1975,1976}/**', '1977/x.cable'), false);
    assert.equal(matches('**/*.{txt,cable}', 'a/b/c.cable'), true);
    assert.equal(matches('a\\*b.txt', 'a*b.txt'), true);
    assert.equal(matches('a\\*b.txt', 'axb.txt'), false);
    assert.equal(matches('*', 'a/b.txt'), true, '* matches the top folder, so all below it');
  });

  it('escape a path so that it matches only itself', () => {
    for (const path of ['drafts/[draft] 75ROME1.txt', 'a*b?{c,d}.txt', 'x\\y.txt', '!important.txt']) {
      assert.equal(matches(escapeGlob(path), path), true, path);
    }
    assert.equal(matches(escapeGlob('a*.txt'), 'ab.txt'), false);
  });
});

describe('effectiveConfig', () => {
  const FILE = '/cables/1975/drafts/75ROME1.txt';

  it('applies every configuration from the root down, nearer ones on top', () => {
    const chain = [
      at('/cables/1975', { rules: { CBL501: 'error' }, acronyms: { GOI: 'Government of Italy' } }),
      at('/cables', { rules: { CBL501: 'off', [TAG]: 'hint' }, acronyms: { GOI: 'Government of India', GOM: 'Government of Mexico' } }),
    ];
    const config = effectiveConfig(chain, FILE);
    assert.deepEqual(config.rules, { CBL501: 'error', [TAG]: 'hint' });
    assert.deepEqual(config.acronyms, { GOI: 'Government of Italy', GOM: 'Government of Mexico' });
    assert.deepEqual(config.sources, ['/cables/.cable-lint.json', '/cables/1975/.cable-lint.json']);
    assert.equal(config.ignored, false);
  });

  it('stops at the nearest configuration with "root": true', () => {
    const chain = [
      at('/cables/1975', { root: true, rules: { CBL501: 'warning' } }),
      at('/cables', { rules: { [TAG]: 'off' }, ignore: ['1975'] }),
    ];
    const config = effectiveConfig(chain, FILE);
    assert.deepEqual(config.rules, { CBL501: 'warning' });
    assert.equal(config.ignored, false, 'the ignore above the root does not apply');
    assert.deepEqual(config.sources, ['/cables/1975/.cable-lint.json']);
  });

  it('applies the overrides whose globs match, after the file’s rules, in order, relative to their file', () => {
    const chain = [
      at('/cables', {
        rules: { CBL501: 'off', [CLASSIFIED_BY]: 'warning' },
        overrides: [
          { files: ['1975/**'], rules: { CBL501: 'error' } },
          { files: ['**/drafts'], rules: { [CLASSIFIED_BY]: 'off' } },
          { files: ['drafts/**'], rules: { [TAG]: 'error' } },
        ],
      }),
    ];
    assert.deepEqual(effectiveConfig(chain, FILE).rules, { CBL501: 'error', [CLASSIFIED_BY]: 'off' });
    assert.deepEqual(effectiveConfig(chain, '/cables/1976/76ROME2.txt').rules, { CBL501: 'off', [CLASSIFIED_BY]: 'warning' });
  });

  it('lets a nearer file’s rules win over a farther file’s overrides', () => {
    const chain = [
      at('/cables/1975', { rules: { CBL501: 'info' } }),
      at('/cables', { overrides: [{ files: ['**'], rules: { CBL501: 'off' } }] }),
    ];
    assert.deepEqual(effectiveConfig(chain, FILE).rules, { CBL501: 'info' });
  });

  it('ignores files and folders as .gitignore does: the last matching glob wins, an ignored folder keeps its files', () => {
    const chain = [at('/cables/1975', { ignore: ['!drafts/75ROME1.txt'] }), at('/cables', { ignore: ['**/*.txt', '!1975/**/*.txt'] })];
    assert.equal(effectiveConfig(chain, '/cables/76ROME2.txt').ignored, true);
    assert.equal(effectiveConfig(chain, FILE).ignored, false, 'taken back by a later glob');
    assert.equal(effectiveConfig(chain, '/cables/x.cable').ignored, false);

    const folder = [at('/cables/1975', { ignore: ['!drafts/75ROME1.txt'] }), at('/cables', { ignore: ['1975/drafts'] })];
    assert.equal(effectiveConfig(folder, FILE).ignored, true, 'a file cannot be taken back out of an ignored folder');
    assert.equal(isIgnored([...folder].reverse(), '/cables/1975/drafts', true), true);
    assert.equal(isIgnored([...folder].reverse(), '/cables/1975', true), false);
  });

  it('matches globs against files only below the configuration', () => {
    assert.equal(effectiveConfig([at('/cables', { ignore: ['**'] })], '/elsewhere/x.txt').ignored, false);
  });

  it('works from the filesystem root and with drive letters', () => {
    assert.equal(effectiveConfig([at('/', { ignore: ['tmp/**'] })], '/tmp/x.txt').ignored, true);
    assert.equal(effectiveConfig([at('C:/cables', { ignore: ['drafts'] })], 'C:/cables/drafts/x.txt').ignored, true);
  });

  it('is empty for an empty chain', () => {
    assert.deepEqual(effectiveConfig([], FILE), { rules: {}, acronyms: {}, ignored: false, sources: [] });
  });
});

describe('layerRules', () => {
  it('keys every known rule by its code, so a name on top replaces a code below', () => {
    assert.deepEqual(layerRules({ CBL501: 'off' }, { 'missing-portion-marking': 'error' }), { CBL501: 'error' });
    assert.deepEqual(layerRules({ 'missing-portion-marking': 'off' }, { [TAG]: 'hint' }), { CBL501: 'off', [TAG]: 'hint' });
    assert.deepEqual(layerRules({}, { 'no-such-rule': 'off' }), { 'no-such-rule': 'off' });
  });
});
