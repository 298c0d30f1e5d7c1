/** The rule catalog and `validateCableFile`: registry, severities from settings, the cap, order, and a rule that throws. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { BANNER_RULES } from '../../server/src/language/rules/bannerRules';
import { CAPTION_RULES } from '../../server/src/language/rules/captionRules';
import { FILE_RULES } from '../../server/src/language/rules/fileRules';
import { PARAGRAPH_RULES } from '../../server/src/language/rules/paragraphRules';
import { PREAMBLE_RULES } from '../../server/src/language/rules/preambleRules';
import { ALL_RULES, RULES } from '../../server/src/language/rules/registry';
import type { CableRule, Rule } from '../../server/src/language/rules/rule';
import { ROUTING_RULES } from '../../server/src/language/rules/routingRules';
import { validateCableFile } from '../../server/src/language/rules/validate';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { ALL_CASES } from '../fixtures/rules/allCases';
import { CONFIDENTIAL_CABLE, edit, edits } from '../fixtures/rules/baseCables';
import { lint, parse, withCode } from '../support/ruleHarness';

/** A cable with two unmarked paragraphs (CBL501 twice, a syntax rule) and SSSSS letters (CBL206, an agreement rule). */
const TWO_PROBLEMS = edits(CONFIDENTIAL_CABLE, ['ZNY CCCCC', 'ZNY SSSSS'], ['¶2. (SBU) ', '¶2. '], ['¶3. (C) ', '¶3. ']);

describe('rule registry', () => {
  it('gives every rule a unique CBL code and kebab-case name, a severity and a one-line description', () => {
    const codes = RULES.map((r) => r.code);
    const names = RULES.map((r) => r.name);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(names).size, names.length);
    for (const rule of RULES) {
      assert.match(rule.code, /^CBL\d{3}$/);
      assert.match(rule.name, /^[a-z]+(?:-[a-z0-9]+)*$/);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.code);
      assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), rule.code);
    }
  });

  it('numbers each group as its file says: 0xx file, 1xx preamble, 2xx routing, 3xx banner, 4xx caption, 5xx paragraphs', () => {
    const groups: Array<[string, readonly Rule[]]> = [
      ['CBL0', FILE_RULES],
      ['CBL1', PREAMBLE_RULES],
      ['CBL2', ROUTING_RULES],
      ['CBL3', BANNER_RULES],
      ['CBL4', CAPTION_RULES],
      ['CBL5', PARAGRAPH_RULES],
    ];
    for (const [prefix, rules] of groups) for (const rule of rules) assert.ok(rule.code.startsWith(prefix), `${rule.code} in ${prefix}xx`);
    assert.equal(
      ALL_RULES.length,
      groups.reduce((n, [, rules]) => n + rules.length, 0),
    );
  });

  it('lists CBL000 rule-failure and every rule in RULES, with plain metadata only', () => {
    assert.deepEqual(RULES[0], { code: 'CBL000', name: 'rule-failure', severity: 'warning', description: RULES[0].description });
    assert.deepEqual(
      RULES.slice(1).map((r) => r.code),
      ALL_RULES.map((r) => r.code),
    );
    for (const rule of RULES) assert.deepEqual(Object.keys(rule).sort(), ['code', 'description', 'name', 'severity']);
  });

  it('has a test case for every rule, and a fixed text for every case whose diagnostic carries a fix', () => {
    const covered = new Set(ALL_CASES.map((c) => c.code));
    for (const rule of ALL_RULES) assert.ok(covered.has(rule.code), `no case for ${rule.code} ${rule.name}`);
    for (const ruleCase of ALL_CASES) {
      const [first] = withCode(lint(ruleCase.text), ruleCase.code);
      if (first?.data !== undefined)
        assert.ok(ruleCase.fixed !== undefined, `${ruleCase.code} (${ruleCase.shows}) has a fix but no fixed text`);
    }
  });
});

describe('validateCableFile', () => {
  it('reports nothing on the clean cable', () => {
    assert.deepEqual(lint(CONFIDENTIAL_CABLE), []);
  });

  it('returns LSP diagnostics with source cable, the CBL code and the default severity', () => {
    const [marking] = withCode(lint(TWO_PROBLEMS), 'CBL501');
    assert.equal(marking.source, 'cable');
    assert.equal(marking.code, 'CBL501');
    assert.equal(marking.severity, DiagnosticSeverity.Warning);
    const [letters] = withCode(lint(TWO_PROBLEMS), 'CBL206');
    assert.equal(letters.severity, DiagnosticSeverity.Error);
  });

  it('reports syntax findings before agreement findings', () => {
    assert.deepEqual(
      lint(TWO_PROBLEMS).map((d) => d.code),
      ['CBL501', 'CBL501', 'CBL206'],
    );
  });

  it('takes the severity from the settings by code and by name; the code wins over the name', () => {
    const byCode = lint(TWO_PROBLEMS, { rules: { CBL501: 'error' } });
    assert.deepEqual(
      withCode(byCode, 'CBL501').map((d) => d.severity),
      [DiagnosticSeverity.Error, DiagnosticSeverity.Error],
    );
    const byName = lint(TWO_PROBLEMS, { rules: { 'missing-portion-marking': 'hint', 'security-line-mismatch': 'info' } });
    assert.equal(withCode(byName, 'CBL501')[0].severity, DiagnosticSeverity.Hint);
    assert.equal(withCode(byName, 'CBL206')[0].severity, DiagnosticSeverity.Information);
    const both = lint(TWO_PROBLEMS, { rules: { 'missing-portion-marking': 'hint', CBL501: 'error' } });
    assert.equal(withCode(both, 'CBL501')[0].severity, DiagnosticSeverity.Error);
  });

  it('drops a rule set to off, by code or by name, and ignores levels that are no level', () => {
    assert.deepEqual(withCode(lint(TWO_PROBLEMS, { rules: { CBL501: 'off' } }), 'CBL501'), []);
    assert.deepEqual(withCode(lint(TWO_PROBLEMS, { rules: { 'security-line-mismatch': 'off' } }), 'CBL206'), []);
    const bogus = lint(TWO_PROBLEMS, { rules: { CBL501: 'loud' as never } });
    assert.equal(withCode(bogus, 'CBL501')[0].severity, DiagnosticSeverity.Warning);
  });

  it('cuts the list at maxNumberOfProblems and says so', () => {
    const model = parse(TWO_PROBLEMS);
    const run = (maxNumberOfProblems: number) => validateCableFile(model, { ...DEFAULT_SETTINGS, maxNumberOfProblems }, getDictionaries());
    const [one, none, exact, nonsense] = [run(1), run(0), run(3), run(Number.NaN)];
    assert.deepEqual([one.diagnostics.map((d) => d.code), one.capped], [['CBL501'], true]);
    assert.deepEqual([none.diagnostics, none.capped], [[], true]);
    assert.deepEqual([exact.diagnostics.length, exact.capped], [3, false]);
    assert.deepEqual([nonsense.diagnostics.length, nonsense.capped], [3, false]);
  });

  it('keeps the syntax findings when the cap cuts', () => {
    assert.deepEqual(
      lint(TWO_PROBLEMS, { maxNumberOfProblems: 2 }).map((d) => d.code),
      ['CBL501', 'CBL501'],
    );
  });
});

describe('a rule that throws', () => {
  const throwing: CableRule = {
    code: 'CBL999',
    name: 'always-throws',
    severity: 'error',
    description: 'A rule that fails, for this test.',
    scope: 'cable',
    stage: 'syntax',
    check() {
      throw new Error('boom');
    },
  };
  const reporting: CableRule = {
    code: 'CBL998',
    name: 'reports-each-cable',
    severity: 'info',
    description: 'A rule that reports every cable, for this test.',
    scope: 'cable',
    stage: 'syntax',
    check(cable, context) {
      context.report({ range: cable.range, message: 'seen' });
    },
  };
  /** Two cables in one file (another serial: a copy of the same cable would be one cable), so the throwing rule would throw twice. */
  const secondCable = edit(
    edit(edit(CONFIDENTIAL_CABLE, 'VZCZCXRO3019', 'VZCZCXRO3020'), 'MEXICO 000283', 'MEXICO 000284'),
    '#0283/01',
    '#0284/01',
  );
  const twoCables = `${CONFIDENTIAL_CABLE}\n${secondCable}`;

  it('is reported once as CBL000 on line 0, naming the rule and the error, and the other rules still run', () => {
    const failures: string[] = [];
    const diagnostics = lint(
      twoCables,
      {},
      { rules: [throwing, reporting], onRuleFailure: (rule, error) => failures.push(`${rule.code} ${(error as Error).message}`) },
    );
    const [failure, ...others] = diagnostics;
    assert.equal(parse(twoCables).cables.length, 2);
    assert.equal(failure.code, 'CBL000');
    assert.equal(failure.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(failure.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(failure.message, /CBL999 always-throws/);
    assert.match(failure.message, /boom/);
    assert.deepEqual(
      others.map((d) => d.code),
      ['CBL998', 'CBL998'],
    );
    assert.deepEqual(failures, ['CBL999 boom']);
  });

  it('is silent when CBL000 is off, while the other rules still run', () => {
    const diagnostics = lint(twoCables, { rules: { 'rule-failure': 'off' } }, { rules: [throwing, reporting] });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['CBL998', 'CBL998'],
    );
  });
});
