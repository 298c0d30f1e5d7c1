/** Turning a rule off in a `.cable-lint.json`'s text: only the needed characters change, comments and layout stay. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCableLintConfig } from '../../server/src/language/config/cableLintConfig';
import { turnOffRuleInText, type TurnOffTarget } from '../../server/src/language/config/configEdit';

const ALL: TurnOffTarget = { scope: 'config' };
const file = (relativePath: string): TurnOffTarget => ({ scope: 'file', relativePath });

function edited(text: string, code: string, target: TurnOffTarget): string {
  const result = turnOffRuleInText(text, code, target);
  assert.ok(result.ok, result.ok ? '' : result.message);
  // Whatever the edit, the result is a configuration without problems.
  assert.deepEqual(parseCableLintConfig(result.text).problems, [], result.text);
  return result.text;
}

describe('turnOffRuleInText', () => {
  it('writes a new file', () => {
    assert.equal(edited('', 'CBL501', ALL), '{\n  "rules": {\n    "CBL501": "off"\n  }\n}\n');
    assert.equal(
      edited('', 'CBL501', file('1975/75ROME1.txt')),
      '{\n  "overrides": [\n    {\n      "files": ["1975/75ROME1.txt"],\n      "rules": {\n        "CBL501": "off"\n      }\n    }\n  ]\n}\n',
    );
  });

  it('adds the rule to existing rules, keeping the comments, the indentation and the other keys', () => {
    const before = [
      '// Rules for the 1975 transcriptions.',
      '{',
      '    "rules": {',
      '        "CBL407": "hint" // TAGS of the period are not in the list',
      '    },',
      '    /* drafts are not checked */',
      '    "ignore": ["drafts/**"]',
      '}',
      '',
    ].join('\n');
    const after = [
      '// Rules for the 1975 transcriptions.',
      '{',
      '    "rules": {',
      '        "CBL407": "hint", // TAGS of the period are not in the list',
      '        "CBL501": "off"',
      '    },',
      '    /* drafts are not checked */',
      '    "ignore": ["drafts/**"]',
      '}',
      '',
    ].join('\n');
    assert.equal(edited(before, 'CBL501', ALL), after);
  });

  it('keeps a trailing comma, and CRLF line endings', () => {
    const before = '{\r\n\t"rules": {\r\n\t\t"CBL407": "hint",\r\n\t},\r\n}\r\n';
    assert.equal(edited(before, 'CBL501', ALL), '{\r\n\t"rules": {\r\n\t\t"CBL407": "hint",\r\n\t\t"CBL501": "off",\r\n\t},\r\n}\r\n');
  });

  it('adds "rules" when the file has none', () => {
    const before = '{\n  // only ignores so far\n  "ignore": ["drafts/**"]\n}\n';
    assert.equal(
      edited(before, 'CBL501', ALL),
      '{\n  // only ignores so far\n  "ignore": ["drafts/**"],\n  "rules": {\n    "CBL501": "off"\n  }\n}\n',
    );
    assert.equal(edited('{}', 'CBL501', ALL), '{\n  "rules": {\n    "CBL501": "off"\n  }\n}');
    assert.equal(edited('{\n  // nothing yet\n}\n', 'CBL501', ALL), '{\n  // nothing yet\n  "rules": {\n    "CBL501": "off"\n  }\n}\n');
    assert.equal(edited('// my cables\n', 'CBL501', ALL), '// my cables\n{\n  "rules": {\n    "CBL501": "off"\n  }\n}\n');
  });

  it('writes inline into an object laid out on one line', () => {
    assert.equal(edited('{ "rules": { "CBL407": "hint" } }', 'CBL501', ALL), '{ "rules": { "CBL407": "hint", "CBL501": "off" } }');
    assert.equal(edited('{ "root": true }', 'CBL501', ALL), '{ "root": true, "rules": { "CBL501": "off" } }');
  });

  it('sets the level of a rule already listed, by code or by name, and changes nothing when it is already off', () => {
    assert.equal(
      edited('{ "rules": { "missing-portion-marking": "error" /* was */ } }', 'CBL501', ALL),
      '{ "rules": { "missing-portion-marking": "off" /* was */ } }',
    );
    const off = turnOffRuleInText('{ "rules": { "CBL501": "off" } }', 'CBL501', ALL);
    assert.deepEqual(off, { ok: true, text: '{ "rules": { "CBL501": "off" } }', changed: false });
  });

  it('adds an overrides entry for one file, and reuses the entry of that file', () => {
    const before = '{\n  "overrides": [\n    { "files": ["1976/**"], "rules": { "CBL411": "off" } }\n  ]\n}\n';
    const once = edited(before, 'CBL501', file('1975/[draft] 75ROME1.txt'));
    assert.equal(
      once,
      '{\n  "overrides": [\n    { "files": ["1976/**"], "rules": { "CBL411": "off" } },\n    {\n      "files": ["1975/\\\\[draft\\\\] 75ROME1.txt"],\n      "rules": {\n        "CBL501": "off"\n      }\n    }\n  ]\n}\n',
    );
    const twice = edited(once, 'CBL407', file('1975/[draft] 75ROME1.txt'));
    assert.equal(twice, once.replace('"CBL501": "off"\n', '"CBL501": "off",\n        "CBL407": "off"\n'));
  });

  it('refuses to touch a file that does not parse, or whose keys are of another kind', () => {
    const broken = turnOffRuleInText('{ "rules": { "CBL407": "hint" }', 'CBL501', ALL);
    assert.ok(!broken.ok);
    assert.match(
      broken.message,
      /^it does not parse \(1:32: expected ',' or '}' after a property value, found the end of the file\); correct it first$/,
    );
    assert.deepEqual(turnOffRuleInText('{ "rules": [] }', 'CBL501', ALL), { ok: false, message: '"rules" is not an object' });
    assert.deepEqual(turnOffRuleInText('{ "overrides": {} }', 'CBL501', file('a.txt')), {
      ok: false,
      message: '"overrides" is not an array',
    });
    assert.deepEqual(turnOffRuleInText('[]', 'CBL501', ALL), { ok: false, message: 'its top-level value is not an object' });
  });
});
