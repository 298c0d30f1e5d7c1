/** Completion by place: TAGS, portion markings, reasons, classification words, and cable and paragraph snippets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type MarkupContent, type Position, type TextEdit } from 'vscode-languageserver-types';
import { doComplete } from '../../server/src/language/features/completion';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { readSample } from '../support/sample';

const SAMPLE = readSample();

function complete(text: string, position: Position): CompletionItem[] {
  const document = TextDocument.create('file:///w/09MEXICO283.txt', 'cable', 1, text);
  return doComplete(document, parseCableFile(text, { fileName: '09MEXICO283.txt' }), position).items;
}

/** Position just after the `nth` occurrence of `needle`. */
function after(text: string, needle: string, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" not found`);
  const lines = text.slice(0, index + needle.length).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('doComplete on the TAGS line', () => {
  const text = SAMPLE.replace('TAGS: PGOV PREL', 'TAGS: PG PREL');
  const items = complete(text, after(text, 'TAGS: PG'));

  it('offers every TAG, replacing what was typed of the current one', () => {
    assert.ok(items.length > 400);
    const pgov = items.find((i) => i.label === 'PGOV')!;
    assert.deepEqual(edit(pgov).range, { start: { line: 32, character: 6 }, end: { line: 32, character: 8 } });
    assert.equal(edit(pgov).newText, 'PGOV');
  });

  it('documents each TAG with its kind and meaning, escaped', () => {
    const pgov = items.find((i) => i.label === 'PGOV')!;
    const documentation = pgov.documentation as MarkupContent;
    assert.equal(documentation.kind, 'markdown');
    assert.equal(documentation.value, '**PGOV** — subject TAG\n\nPolitical Affairs\\-\\-Government; Internal Governmental Affairs');
    assert.equal(pgov.detail, 'subject TAG: Political Affairs--Government; Internal Governmental Affairs');
  });

  it('sorts tags the line already has after the others', () => {
    const prel = items.find((i) => i.label === 'PREL')!;
    const pgov = items.find((i) => i.label === 'PGOV')!;
    assert.ok(prel.sortText! > pgov.sortText!);
  });
});

describe('doComplete of portion markings', () => {
  it('offers markings right after a paragraph number, the cable’s level first', () => {
    const text = SAMPLE.replace('¶3. (U) The', '¶3. The');
    const items = complete(text, after(text, '¶3. '));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, '(C)');
    assert.equal(sorted[0].preselect, true);
    assert.ok(labels(items).includes('(SBU)') && labels(items).includes('(C//NF)'));
    assert.deepEqual(edit(sorted[0]), { range: { start: { line: 82, character: 4 }, end: { line: 82, character: 4 } }, newText: '(C) ' });
  });

  it('offers only the markings the cable’s level allows: none above CONFIDENTIAL in a CONFIDENTIAL cable', () => {
    const text = SAMPLE.replace('¶3. (U) The', '¶3. The');
    assert.deepEqual(labels(complete(text, after(text, '¶3. '))).sort(), [
      '(C)',
      '(C//NF)',
      '(C/NF)',
      '(C/NOFORN)',
      '(C/REL NATO)',
      '(SBU)',
      '(SBU//NF)',
      '(SBU/NF)',
      '(SBU/REL NATO)',
      '(U)',
      '(U//FOUO)',
    ]);
  });

  it('offers (U) and (SBU) markings in an UNCLASSIFIED cable, every marking when the level is unknown', () => {
    const unclassified = 'UNCLAS MEXICO 000001\n\nE.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: PLAIN\n\n¶1. (U) First.\n\n¶2. \n';
    assert.deepEqual(labels(complete(unclassified, { line: 8, character: 4 })).sort(), [
      '(SBU)',
      '(SBU//NF)',
      '(SBU/NF)',
      '(SBU/REL NATO)',
      '(U)',
      '(U//FOUO)',
    ]);
    const secret = unclassified.replace('UNCLAS', 'S E C R E T');
    assert.ok(labels(complete(secret, { line: 8, character: 4 })).includes('(S//NF)'));
    assert.ok(!labels(complete(secret, { line: 8, character: 4 })).includes('(TS)'));
    const unknown = 'TAGS: PGOV\nSUBJECT: NO LEVEL\n\n¶1. First.\n\n¶2. \n';
    assert.ok(labels(complete(unknown, { line: 5, character: 4 })).includes('(TS)'));
  });

  it('replaces a marking begun with a parenthesis', () => {
    const text = SAMPLE.replace('¶3. (U) The', '¶3. (C The');
    const items = complete(text, after(text, '¶3. (C'));
    const confidential = items.find((i) => i.label === '(C)')!;
    assert.deepEqual(edit(confidential).range, { start: { line: 82, character: 4 }, end: { line: 82, character: 6 } });
  });

  it('does not offer markings inside a paragraph’s text', () => {
    const items = complete(SAMPLE, after(SAMPLE, '¶3. (U) The major'));
    assert.ok(!labels(items).includes('(C)'));
  });

  it('stops offering markings once the prose of an unmarked paragraph has begun', () => {
    const text = SAMPLE.replace('¶3. (U) The', '¶3. The');
    assert.deepEqual(labels(complete(text, after(text, '¶3. The '))), [], 'a space typed in the sentence pops nothing up');
  });
});

describe('doComplete of classification reasons', () => {
  it('offers (a)–(h) after 1.4, worded for the cable’s date', () => {
    const text = SAMPLE.replace('REASONS 1.4(b) ', 'REASONS 1.4(');
    const items = complete(text, after(text, 'REASONS 1.4('));
    assert.deepEqual(labels(items), ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)']);
    const b = items[1];
    assert.equal(b.detail, 'foreign government information');
    assert.deepEqual(edit(b).range, { start: { line: 36, character: 55 }, end: { line: 36, character: 56 } });
    assert.match((b.documentation as MarkupContent).value, /E\\\.O\\\. 12958, as amended by E\\\.O\\\. 13292/);
  });

  it('offers the next letter after `(b) and`', () => {
    const text = SAMPLE.replace('and (d) ', 'and (');
    const items = complete(text, after(text, 'and ('));
    const d = items.find((i) => i.label === '(d)')!;
    assert.ok(d.sortText! < items.find((i) => i.label === '(b)')!.sortText!, 'letters already given sort last');
  });
});

describe('doComplete of classification words', () => {
  it('offers classification words at the start of the banner line', () => {
    const text = SAMPLE.replace('C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283', 'CONF');
    const items = complete(text, { line: 27, character: 4 });
    assert.ok(labels(items).includes('CONFIDENTIAL'));
    assert.ok(labels(items).includes('C O N F I D E N T I A L'));
    assert.deepEqual(edit(items.find((i) => i.label === 'CONFIDENTIAL')!).range, {
      start: { line: 27, character: 0 },
      end: { line: 27, character: 4 },
    });
  });

  it('offers dissemination controls on the lines after the banner', () => {
    const text = SAMPLE.replace('SIPDIS \n', 'NOF\n');
    const items = complete(text, after(text, 'NOF'));
    assert.ok(labels(items).includes('NOFORN'));
    assert.ok(labels(items).includes('SIPDIS'));
  });
});

describe('doComplete of snippets', () => {
  it('offers a cable skeleton in an empty document', () => {
    const [item] = complete('', { line: 0, character: 0 });
    assert.equal(item.label, 'New cable');
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(edit(item).newText, /^\$\{1\|C O N F I D E N T I A L,S E C R E T,U N C L A S\|\}/);
    assert.match(edit(item).newText, /\nTAGS: \$\{6:PREL PGOV\}\n/);
  });

  it('offers a cable skeleton on a blank line before a cable', () => {
    const text = `\n\n${SAMPLE}`;
    assert.equal(complete(text, { line: 0, character: 0 })[0].label, 'New cable');
  });

  it('offers the next paragraph with its number and the cable’s level, plain or opening a Summary or a Comment', () => {
    const text = SAMPLE.replace(/\n \nVisit Mexico City/, '\n \n \nVisit Mexico City');
    const blank = after(text, 'bulk cash smuggling. \n \n');
    const [item, summary, comment] = complete(text, blank);
    assert.equal(item.label, '¶13. (C)');
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(edit(item).newText, '¶13. (C) $0');
    assert.deepEqual([summary.label, edit(summary).newText], ['¶13. (C) Summary', '¶13. (C) Summary: $0 End Summary.']);
    assert.deepEqual([comment.label, edit(comment).newText], ['¶13. (C) Comment', '¶13. (C) Comment: $0 End Comment.']);
    assert.ok(summary.filterText!.includes('summary') && comment.filterText!.includes('comment'), 'typing summary or comment finds them');
  });

  it('numbers a paragraph typed as `para`, `summary` or `¶` as the paragraphs above it do', () => {
    const text = 'UNCLAS MEXICO 000001\n\nTAGS: PGOV\nSUBJECT: PLAIN NUMBERS\n\n¶1. (U) First.\n\n¶2. (U) Second.\n\nsummary';
    const items = complete(text, { line: 9, character: 7 });
    assert.deepEqual(
      items.slice(0, 3).map((i) => edit(i).newText),
      ['¶3. (U) $0', '¶3. (U) Summary: $0 End Summary.', '¶3. (U) Comment: $0 End Comment.'],
    );
    assert.deepEqual(edit(items[1]).range, { start: { line: 9, character: 0 }, end: { line: 9, character: 7 } });
  });

  it('numbers after the paragraph above the cursor and follows its style', () => {
    const text = 'UNCLAS MEXICO 000001\n\nTAGS: PGOV\nSUBJECT: PLAIN NUMBERS\n\n1. (U) First.\n\n2. (U) Second.\n\n';
    const items = complete(text, { line: 9, character: 0 });
    assert.equal(edit(items[0]).newText, '3. (U) $0');
    assert.equal(items[items.length - 1].label, 'New cable', 'after the last cable a new cable may start too');
  });

  it('offers nothing in the middle of paragraph text', () => {
    assert.deepEqual(complete(SAMPLE, after(SAMPLE, 'Mexico build stronger')), []);
  });
});
