/**
 * The JSON schema of `.cable-lint.json`: it lists exactly the registry's rules, is the file the extension
 * ships and contributes, and agrees with the configuration reader. `CABLE_UPDATE_SCHEMA=1` writes the file.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_LEVELS } from '../../server/src/language/config/cableLintConfig';
import { buildConfigSchema } from '../../server/src/language/config/configSchema';
import { RULES } from '../../server/src/language/rules/registry';

const ROOT = resolve(__dirname, '..', '..');
const SCHEMA_PATH = join(ROOT, 'schemas', 'cable-lint.schema.json');
const built = `${JSON.stringify(buildConfigSchema(), null, 2)}\n`;
if (process.env.CABLE_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_PATH, built);
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('schemas/cable-lint.schema.json', () => {
  it('is the schema built from the rules registry (CABLE_UPDATE_SCHEMA=1 writes it again)', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), built);
  });

  it('lists exactly the registry’s rules, each by code and by name, with its description and the levels', () => {
    const listed = Object.keys(schema.definitions.rules.properties).sort();
    assert.deepEqual(listed, RULES.flatMap((rule) => [rule.code, rule.name]).sort());
    assert.equal(schema.definitions.rules.additionalProperties, false);
    for (const rule of RULES) {
      for (const key of [rule.code, rule.name]) {
        const property = schema.definitions.rules.properties[key];
        assert.equal(property.$ref, '#/definitions/level', key);
        assert.ok(property.description.includes(rule.description), key);
      }
    }
    assert.deepEqual(schema.definitions.level.enum, [...RULE_LEVELS]);
  });

  it('has the keys the reader reads, rules in "rules" and in each override', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'acronyms', 'ignore', 'overrides', 'root', 'rules']);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.rules.$ref, '#/definitions/rules');
    assert.equal(schema.properties.overrides.items.properties.rules.$ref, '#/definitions/rules');
    assert.deepEqual(schema.properties.overrides.items.required, ['files']);
  });

  it('is contributed for .cable-lint.json, which opens as JSON with comments, and ships in the package', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.cable-lint.json', url: './schemas/cable-lint.schema.json' }]);
    const jsonc = manifest.contributes.languages.find((language: { id: string }) => language.id === 'jsonc');
    assert.deepEqual(jsonc?.filenames, ['.cable-lint.json']);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
    assert.match(readFileSync(join(ROOT, 'scripts', 'package.mjs'), 'utf8'), /'schemas\/cable-lint\.schema\.json'/);
  });
});
