/** `.cable-lint.json` text → configuration: the JSONC parser's errors with their places, and the validation of each key. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCableLintConfig, formatConfigProblem, ruleCodeOf } from '../../server/src/language/config/cableLintConfig';
import { parseJsonc, toPlainValue } from '../../server/src/language/config/jsonc';

describe('parseJsonc', () => {
  it('reads JSON with line and block comments, trailing commas and a byte-order mark', () => {
    const text =
      '\uFEFF{\n  // a comment\n  "a": [1, 2.5e3, -0,], /* inline */\n  "b": { "c": "d\\n\\u00e9", },\n  "e": true, "f": null,\n}\n';
    const parsed = parseJsonc(text);
    assert.ok(parsed.ok);
    assert.deepEqual(toPlainValue(parsed.root!), { a: [1, 2500, -0], b: { c: 'd\né' }, e: true, f: null });
  });

  it('keeps the offsets of keys and values', () => {
    const text = '{ "rules": { "CBL501": "off" } }';
    const parsed = parseJsonc(text);
    assert.ok(parsed.ok && parsed.root?.type === 'object');
    const rules = parsed.root.properties[0];
    assert.equal(text.slice(rules.key.offset, rules.key.end), '"rules"');
    assert.equal(text.slice(rules.value.offset, rules.value.end), '{ "CBL501": "off" }');
  });

  it('gives no value for a file of whitespace and comments only', () => {
    assert.deepEqual(parseJsonc('  // nothing yet\n/* really */\n'), { ok: true, root: undefined });
    assert.deepEqual(parseJsonc(''), { ok: true, root: undefined });
  });

  const errors: Array<[string, string, number, number, RegExp]> = [
    ['a missing comma', '{\n  "rules": {}\n  "ignore": []\n}', 3, 3, /^expected ',' or '}' after a property value, found '"ignore"'$/],
    ['an unquoted key', '{ rules: {} }', 1, 3, /^expected a property name in double quotes or '}', found 'rules'$/],
    ['a missing colon', '{ "rules" {} }', 1, 11, /^expected ':' after the property name "rules", found '\{'$/],
    ['a single-quoted string', '{ "rules": { "CBL501": \'off\' } }', 1, 24, /^expected a value .*, found '''$/],
    ['the end of the file', '{ "rules": {', 1, 13, /^expected a property name in double quotes or '}', found the end of the file$/],
    ['an unterminated string', '{\n  "ignore": ["drafts/**]\n}', 2, 14, /^unterminated string/],
    ['an unterminated comment', '{ /* no end', 1, 3, /^unterminated comment: expected '\*\/'$/],
    ['text after the value', '{} {}', 1, 4, /^expected the end of the file after the top-level value, found '\{'$/],
    ['a bad escape', '{ "a": "\\x" }', 1, 9, /^unknown escape '\\x'/],
    ['a missing bracket in an array', '{ "ignore": ["a" "b"] }', 1, 18, /^expected ',' or '\]' after an array item, found '"b"'$/],
    ['a bare word', '{ "root": yes }', 1, 11, /^expected a value .*, found 'yes'$/],
  ];
  for (const [what, text, line, column, message] of errors) {
    it(`says where and what for ${what}`, () => {
      const parsed = parseJsonc(text);
      assert.ok(!parsed.ok, 'should not parse');
      assert.match(parsed.error.message, message);
      assert.deepEqual([parsed.error.line, parsed.error.column], [line, column], parsed.error.message);
    });
  }

  it('counts lines across \\r\\n, \\n and \\r', () => {
    const parsed = parseJsonc('{\r\n"a": 1,\r"b": 2\n"c": 3}');
    assert.ok(!parsed.ok);
    assert.deepEqual([parsed.error.line, parsed.error.column], [4, 1]);
  });

  it('refuses nesting too deep for a configuration instead of overflowing the stack', () => {
    const parsed = parseJsonc('['.repeat(10_000));
    assert.ok(!parsed.ok);
    assert.match(parsed.error.message, /nesting deeper than/);
  });
});

describe('parseCableLintConfig', () => {
  it('reads every key, rule names as codes', () => {
    const { config, problems, unusable } = parseCableLintConfig(`{
      "$schema": "./schemas/cable-lint.schema.json",
      "root": true,
      "rules": { "CBL501": "off", "unknown-tag": "hint", },
      "ignore": ["drafts/**"],
      "overrides": [{ "files": ["1975/**"], "rules": { "missing-classified-by": "error" } }],
      "acronyms": { "GOM": " Government of Mexico " },
    }`);
    assert.deepEqual(problems, []);
    assert.equal(unusable, false);
    assert.deepEqual(config, {
      root: true,
      rules: { CBL501: 'off', [ruleCodeOf('unknown-tag')!]: 'hint' },
      ignore: ['drafts/**'],
      overrides: [{ files: ['1975/**'], rules: { [ruleCodeOf('missing-classified-by')!]: 'error' } }],
      acronyms: { GOM: 'Government of Mexico' },
    });
  });

  it('is empty and usable for an empty file', () => {
    const parsed = parseCableLintConfig('');
    assert.deepEqual(parsed, {
      config: { root: false, rules: {}, ignore: [], overrides: [], acronyms: {} },
      problems: [],
      unusable: false,
    });
  });

  it('is unusable after a syntax error, which it reports with its place', () => {
    const parsed = parseCableLintConfig('{\n  "rules": { "CBL501": "off" }\n  "root": true\n}');
    assert.equal(parsed.unusable, true);
    assert.equal(parsed.config.root, false);
    assert.equal(
      formatConfigProblem('.cable-lint.json', parsed.problems[0]),
      `.cable-lint.json:3:3: expected ',' or '}' after a property value, found '"root"'`,
    );
  });

  it('leaves out each bad value, says where it is and what was expected, and keeps the rest', () => {
    const text = [
      '{',
      '  "rules": { "CBL5O1": "off", "CBL501": "of", "CBL502": "info", "CBL101": 3 },',
      '  "ignore": "drafts",',
      '  "overrides": [{ "rules": {} }, { "files": [""], "rules": {} }, 7, { "files": ["a"], "rule": {} }],',
      '  "acronyms": { "GOM": "" },',
      '  "ignores": [],',
      '  "root": "yes"',
      '}',
    ].join('\n');
    const { config, problems, unusable } = parseCableLintConfig(text);
    assert.equal(unusable, false);
    assert.deepEqual(config.rules, { CBL502: 'info' });
    assert.deepEqual(config.ignore, []);
    assert.deepEqual(config.overrides, [{ files: ['a'], rules: {} }]);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column}: ${p.message}`),
      [
        '2:14: "rules": no rule has the code or name "CBL5O1"; did you mean CBL501 (missing-portion-marking)?',
        '2:41: "rules".CBL501: expected one of "off", "hint", "info", "warning", "error", found "of"',
        '2:75: "rules".CBL101: expected one of "off", "hint", "info", "warning", "error", found 3',
        '3:13: "ignore" must be an array of glob strings (["drafts/**"]), found the string "drafts"',
        '4:17: "overrides"[0] has no "files": expected the globs of the files it applies to',
        '4:46: "overrides"[1].files: expected a non-empty glob string, found an empty string',
        '4:66: "overrides"[2] must be an object { "files": [...], "rules": {...} }, found 7',
        '4:87: "overrides"[3]: unknown key "rule": expected "files" or "rules"',
        '5:24: "acronyms".GOM: expected a non-empty expansion string, found an empty string',
        '6:3: unknown key "ignores": expected one of "root", "rules", "ignore", "overrides", "acronyms"; did you mean "ignore"?',
        '7:11: "root" must be true or false, found the string "yes"',
      ],
    );
  });

  it('reports a rule set twice, by code and by name, and keeps the last', () => {
    const { config, problems } = parseCableLintConfig('{ "rules": { "CBL501": "off", "missing-portion-marking": "error" } }');
    assert.deepEqual(config.rules, { CBL501: 'error' });
    assert.match(problems[0].message, /"missing-portion-marking" sets CBL501 again; the last one applies/);
  });

  it('wants an object at the top', () => {
    const { problems } = parseCableLintConfig('["CBL501"]');
    assert.match(problems[0].message, /^the configuration must be an object/);
  });
});
