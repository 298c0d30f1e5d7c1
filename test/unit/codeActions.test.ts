/**
 * Quick fixes built from the diagnostics' data: titles, kinds, which fixes are safe (preferred, and applied by
 * `cable-lint --fix` through `getSafeFixes`) and which change the record's text, and fixes no longer valid.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getCodeActions, getSafeFixes, renumberTitle } from '../../server/src/language/features/codeActions';
import { CONFIDENTIAL_CABLE, UNCLASSIFIED_CABLE, edit, edits } from '../fixtures/rules/baseCables';
import { TEST_URI, applyAction, lint, parse, quickFixesFor, withCode } from '../support/ruleHarness';

const document = (text: string) => TextDocument.create(TEST_URI, 'cable', 1, text);
const wholeText = (text: string) => ({ start: { line: 0, character: 0 }, end: document(text).positionAt(text.length) });

/** Every quick fix offered for all the cable diagnostics of `text`. */
function allFixes(text: string, diagnostics: Diagnostic[] = lint(text), only?: string[]) {
  return getCodeActions(document(text), parse(text), wholeText(text), { diagnostics, only });
}

describe('getCodeActions', () => {
  it('prefers only the fixes the text proves; the others say that they change the record', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['ZNY CCCCC', 'ZNY SSSSS'], ['TAGS: PGOV', 'TAGS: PGGV'], ['¶2. (SBU) ', '¶2. ']);
    const fixes = allFixes(text);
    assert.deepEqual(
      fixes.map((f) => [f.title, f.kind, f.isPreferred]),
      [
        ['Replace PGGV with PGOV', 'quickfix', true],
        ["Insert (U) — changes the record's text", 'quickfix', undefined],
        ["Insert (SBU) — changes the record's text", 'quickfix', undefined],
        ["Insert (C) — changes the record's text", 'quickfix', undefined],
        ["Change the security letters to CCCCC — changes the record's text", 'quickfix', undefined],
      ],
    );
    for (const fix of fixes) assert.equal(fix.diagnostics?.length, 1);
  });

  it('offers no marking above the cable: an SBU cable gets (U) and (SBU) only', () => {
    const sbu = [
      ...[
        '09MEXICO400',
        'TRADE FAIR IN MONTERREY',
        'Mon Feb 09 00:00:00 +0100 2009',
        'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
        'Embassy Mexico',
      ],
      edit(UNCLASSIFIED_CABLE, '¶1. The', '¶1. (SBU) The'),
    ].join('\n');
    const [missing] = withCode(lint(sbu), 'CBL501');
    assert.ok(missing, 'the SBU cable reads as SBU and its ¶2 is unmarked');
    assert.deepEqual(
      quickFixesFor(sbu, missing).map((f) => f.title),
      ["Insert (U) — changes the record's text", "Insert (SBU) — changes the record's text"],
    );
  });

  it('renumbers a number that its neighbours prove in one safe edit: ¶9 between ¶1 and ¶3 is ¶2', () => {
    const text = edit(CONFIDENTIAL_CABLE, '¶2. (SBU)', '¶9. (SBU)');
    const numbering = withCode(lint(text), 'CBL505');
    assert.deepEqual(
      numbering.map((d) => d.message),
      ['¶9 is out of sequence between ¶1 and ¶3: expected ¶2.'],
    );
    const [fix] = allFixes(text, numbering);
    assert.equal(fix.title, 'Renumber ¶9 as ¶2');
    assert.equal(fix.isPreferred, true);
    assert.equal(applyAction(text, fix), CONFIDENTIAL_CABLE);
    assert.equal(TextDocument.applyEdits(document(text), getSafeFixes(document(text), parse(text), numbering).edits), CONFIDENTIAL_CABLE);
  });

  it('offers renumbering the rest for a gap, once for all the numbering diagnostics, as a change of the record', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['¶2. (SBU)', '¶4. (SBU)'], ['¶3. (C)', '¶7. (C)']);
    const numbering = withCode(lint(text), 'CBL505');
    assert.equal(numbering.length, 2);
    const fixes = allFixes(text, numbering);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title, "Renumber ¶4 as ¶2 and ¶7 as ¶3 — changes the record's text");
    assert.equal(fixes[0].isPreferred, undefined);
    assert.equal(fixes[0].edit?.changes?.[TEST_URI].length, 2);
    assert.equal(applyAction(text, fixes[0]), CONFIDENTIAL_CABLE);
  });

  it('names renumberings as a reader would', () => {
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const number = (from: number, to: number, pilcrow = true) => ({ range: at, expected: '', newText: '', from, to, pilcrow });
    assert.equal(renumberTitle([number(9, 7)]), 'Renumber ¶9 as ¶7');
    assert.equal(renumberTitle([number(4, 3), number(5, 4), number(6, 5)]), 'Renumber ¶4 as ¶3, ¶5 as ¶4 and ¶6 as ¶5');
    assert.equal(renumberTitle([number(9, 7, false)]), 'Renumber paragraph 9 as 7');
    assert.equal(renumberTitle([4, 5, 6, 7].map((n) => number(n, n - 1))), 'Renumber 4 paragraphs in sequence: ¶4 as ¶3, ¶5 as ¶4, …');
  });

  it('marks every paragraph of an unmarked cable in one fix per level, none preferred', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['¶1. (C) ', '¶1. '], ['¶2. (SBU) ', '¶2. '], ['¶3. (C) ', '¶3. ']);
    const fixes = allFixes(text);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['(U)', '(SBU)', '(C)'].map((marking) => `Mark all 3 unmarked paragraphs ${marking} — changes the record's text`),
    );
    assert.ok(fixes.every((f) => f.isPreferred === undefined));
  });

  it('puts the marking after the number when the number ends its line, without a trailing space', () => {
    const text = edit(CONFIDENTIAL_CABLE, '¶2. (SBU) Congress', '¶2.\nCongress');
    const [missing] = withCode(lint(text), 'CBL501');
    const fix = quickFixesFor(text, missing).find((f) => f.title.startsWith('Insert (C)'))!;
    assert.equal(applyAction(text, fix), edit(CONFIDENTIAL_CABLE, '¶2. (SBU) Congress', '¶2. (C)\nCongress'));
  });

  it('drops a fix whose text changed since the diagnostic', () => {
    const text = edit(CONFIDENTIAL_CABLE, 'ZNY CCCCC', 'ZNY SSSSS');
    const [letters] = withCode(lint(text), 'CBL206');
    const typedSince = edit(text, 'ZNY SSSSS', 'ZNY TTTTT');
    assert.deepEqual(getCodeActions(document(typedSince), parse(typedSince), letters.range, { diagnostics: [letters] }), []);
  });

  it('drops a marking fix when the paragraph got its marking meanwhile', () => {
    const text = edit(CONFIDENTIAL_CABLE, '¶2. (SBU) ', '¶2. ');
    const [missing] = withCode(lint(text), 'CBL501');
    assert.deepEqual(
      getCodeActions(document(CONFIDENTIAL_CABLE), parse(CONFIDENTIAL_CABLE), missing.range, { diagnostics: [missing] }),
      [],
    );
  });

  it('ignores diagnostics of other sources, without fix data, or outside the range', () => {
    const text = edit(CONFIDENTIAL_CABLE, 'ZNY CCCCC', 'ZNY SSSSS');
    const [letters] = withCode(lint(text), 'CBL206');
    const foreign = { ...letters, source: 'spell' };
    const noData = { ...letters, data: { fix: 'unknown' } };
    assert.deepEqual(allFixes(text, [foreign, noData]), []);
    const elsewhere = { start: { line: 20, character: 0 }, end: { line: 20, character: 3 } };
    assert.deepEqual(getCodeActions(document(text), parse(text), elsewhere, { diagnostics: [letters] }), []);
  });

  it('offers quick fixes only when quick fixes are asked for', () => {
    const text = edit(CONFIDENTIAL_CABLE, 'ZNY CCCCC', 'ZNY SSSSS');
    assert.equal(allFixes(text, lint(text), ['quickfix']).length, 1);
    assert.equal(allFixes(text, lint(text), ['refactor']).length, 0);
  });
});

describe('getSafeFixes', () => {
  const safeFixes = (text: string) => getSafeFixes(document(text), parse(text), lint(text));

  it('takes the safe fixes only: a TAG one letter from a known one, not the marking or the security letters', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['ZNY CCCCC', 'ZNY SSSSS'], ['TAGS: PGOV', 'TAGS: PGGV'], ['¶2. (SBU) ', '¶2. ']);
    const { edits: fixEdits, fixed } = safeFixes(text);
    assert.deepEqual(
      fixed.map((d) => d.code),
      ['CBL407'],
    );
    assert.equal(
      TextDocument.applyEdits(document(text), fixEdits),
      edits(CONFIDENTIAL_CABLE, ['ZNY CCCCC', 'ZNY SSSSS'], ['¶2. (SBU) ', '¶2. ']),
    );
  });

  it('leaves a TAG that is one letter from two known tags, as the text does not say which', () => {
    // PITS is one letter from PBTS and from PINS: the message suggests one, the fix is offered, not applied.
    const text = edit(CONFIDENTIAL_CABLE, 'TAGS: PGOV PREL MX', 'TAGS: PGOV PITS MX');
    const [unknown] = withCode(lint(text), 'CBL407');
    assert.match(unknown.message, /did you mean/);
    assert.deepEqual(safeFixes(text).fixed, []);
    assert.ok(allFixes(text, [unknown])[0].title.endsWith("— changes the record's text"));
  });

  it('splits two known tags run together, which changes no letter', () => {
    const text = edit(CONFIDENTIAL_CABLE, 'TAGS: PGOV PREL MX', 'TAGS: PGOV MXPREL');
    const { fixed, edits: fixEdits } = safeFixes(text);
    assert.deepEqual(
      fixed.map((d) => d.code),
      ['CBL407'],
    );
    assert.match(TextDocument.applyEdits(document(text), fixEdits), /^TAGS: PGOV MX PREL$/m);
  });

  it('leaves a gap in the numbers alone: a paragraph may be missing', () => {
    const text = edit(CONFIDENTIAL_CABLE, '¶3. (C) Comment', '¶4. (C) Comment');
    assert.equal(withCode(lint(text), 'CBL505').length, 1);
    assert.deepEqual(safeFixes(text), { edits: [], fixed: [] });
  });
});
