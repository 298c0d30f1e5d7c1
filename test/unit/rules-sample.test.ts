/** The reference cable 09MEXICO283: no errors as it is; without the (C) of ¶5, a missing-marking warning there. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { edit } from '../fixtures/rules/baseCables';
import { applyAction, lint, quickFixesFor, rangeOf, withCode } from '../support/ruleHarness';
import { readSample } from '../support/sample';

const sample = readSample();
const withoutMarking = edit(sample, "¶5. (C) Mexico's current", "¶5. Mexico's current");

describe('the sample cable 09MEXICO283', () => {
  it('gets no error', () => {
    const errors = lint(sample).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
    );
  });

  it('without the (C) of ¶5 gets a missing-marking diagnostic on the ¶5 number', () => {
    const diagnostics = lint(withoutMarking);
    const missing = withCode(diagnostics, 'CBL501');
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].range, rangeOf(withoutMarking, '¶5.'));
    assert.equal(
      missing[0].message,
      '¶5 has no portion marking: expected one of (U), (SBU) or (C) before the text, as this cable is CONFIDENTIAL.',
    );
  });

  it('whose quick fixes offer each level the cable allows, none preferred, and one restores (C)', () => {
    const [missing] = withCode(lint(withoutMarking), 'CBL501');
    const fixes = quickFixesFor(withoutMarking, missing);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.isPreferred]),
      [
        ["Insert (U) — changes the record's text", undefined],
        ["Insert (SBU) — changes the record's text", undefined],
        ["Insert (C) — changes the record's text", undefined],
      ],
    );
    assert.equal(applyAction(withoutMarking, fixes[2]), sample);
  });
});
