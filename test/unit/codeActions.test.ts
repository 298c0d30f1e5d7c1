/** Quick fixes built from the diagnostics' data: titles, kinds, preferred fixes, and fixes no longer valid. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getCodeActions } from '../../server/src/language/features/codeActions';
import { CONFIDENTIAL_CABLE, edit, edits } from '../fixtures/rules/baseCables';
import { TEST_URI, applyAction, lint, parse, quickFixesFor, withCode } from '../fixtures/rules/harness';

const document = (text: string) => TextDocument.create(TEST_URI, 'cable', 1, text);
const wholeText = (text: string) => ({ start: { line: 0, character: 0 }, end: document(text).positionAt(text.length) });

/** Every quick fix offered for all the cable diagnostics of `text`. */
function allFixes(text: string, diagnostics: Diagnostic[] = lint(text), only?: string[]) {
  return getCodeActions(document(text), parse(text), wholeText(text), { diagnostics, only });
}

describe('getCodeActions', () => {
  it('offers a preferred quick fix per fixable diagnostic, named after what it does', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['ZNY CCCCC', 'ZNY SSSSS'], ['TAGS: PGOV', 'TAGS: PGGV'], ['¶2. (SBU) ', '¶2. ']);
    const fixes = allFixes(text);
    assert.deepEqual(
      fixes.map((f) => [f.title, f.kind, f.isPreferred]),
      [
        ['Replace TAG PGGV with PGOV', 'quickfix', true],
        ['Insert the portion marking (C)', 'quickfix', true],
        ['Change the security letters to CCCCC', 'quickfix', true],
      ],
    );
    for (const fix of fixes) assert.equal(fix.diagnostics?.length, 1);
  });

  it('renumbers paragraphs with one edit per wrong number, offered once for all the numbering diagnostics', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['¶2. (SBU)', '¶4. (SBU)'], ['¶3. (C)', '¶7. (C)']);
    const numbering = withCode(lint(text), 'CBL505');
    assert.equal(numbering.length, 2);
    const fixes = allFixes(text, numbering);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title, 'Renumber the paragraphs in sequence (2 numbers)');
    assert.equal(fixes[0].edit?.changes?.[TEST_URI].length, 2);
    assert.equal(applyAction(text, fixes[0]), CONFIDENTIAL_CABLE);
  });

  it('marks every paragraph of an unmarked cable in one fix, which is not the preferred one', () => {
    const text = edits(CONFIDENTIAL_CABLE, ['¶1. (C) ', '¶1. '], ['¶2. (SBU) ', '¶2. '], ['¶3. (C) ', '¶3. ']);
    const [fix] = allFixes(text);
    assert.equal(fix.title, 'Mark the 3 unmarked paragraphs (C)');
    assert.equal(fix.isPreferred, undefined);
  });

  it('puts the marking after the number when the number ends its line, without a trailing space', () => {
    const text = edit(CONFIDENTIAL_CABLE, '¶2. (SBU) Congress', '¶2.\nCongress');
    const [missing] = withCode(lint(text), 'CBL501');
    const [fix] = quickFixesFor(text, missing);
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
    assert.deepEqual(getCodeActions(document(CONFIDENTIAL_CABLE), parse(CONFIDENTIAL_CABLE), missing.range, { diagnostics: [missing] }), []);
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
