/** Folding ranges: header parts, caption, heading sections, paragraphs, Summary/Comment spans, long address lists. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { getFoldingRanges } from '../../server/src/language/features/folding';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { readSample } from '../support/sample';

function folds(text: string): FoldingRange[] {
  return getFoldingRanges(TextDocument.create('file:///w/t.txt', 'cable', 1, text), parseCableFile(text, { fileName: 't.txt' }));
}

const spans = (ranges: FoldingRange[]) => ranges.map((r) => `${r.startLine}-${r.endLine}`);

describe('getFoldingRanges on the sample cable', () => {
  const ranges = folds(readSample());

  it('folds the preamble, the record, the routing header and the caption', () => {
    const all = spans(ranges);
    for (const expected of ['0-4', '13-16', '18-25', '31-37']) assert.ok(all.includes(expected), `missing ${expected} in ${all.join(' ')}`);
    assert.equal(ranges.find((r) => r.startLine === 31)!.collapsedText, 'caption');
  });

  it('folds each heading with the paragraphs under it', () => {
    const all = spans(ranges);
    for (const section of ['63-78', '80-116', '118-144', '146-161', '163-226'])
      assert.ok(all.includes(section), `missing section ${section}`);
  });

  it('folds every paragraph, showing its number, marking and lead words when folded', () => {
    const all = spans(ranges);
    for (const paragraph of [
      '39-61',
      '66-78',
      '82-97',
      '99-116',
      '120-134',
      '136-144',
      '148-161',
      '165-172',
      '174-183',
      '185-197',
      '199-210',
      '212-226',
    ]) {
      assert.ok(all.includes(paragraph), `missing paragraph ${paragraph}`);
    }
    assert.equal(ranges.find((r) => r.startLine === 39)!.collapsedText, "¶1. (C) Summary. Mexico's drug cartels are responsible for…");
  });

  it('keeps one fold per start line, sorted and properly nested', () => {
    const starts = ranges.map((r) => r.startLine);
    assert.deepEqual(
      starts,
      [...new Set(starts)].sort((a, b) => a - b),
    );
    for (const a of ranges) {
      for (const b of ranges) {
        const crosses = b.startLine > a.startLine && b.startLine <= a.endLine && b.endLine > a.endLine;
        assert.ok(!crosses, `${a.startLine}-${a.endLine} crosses ${b.startLine}-${b.endLine}`);
      }
    }
  });
});

describe('getFoldingRanges on spans and address lists', () => {
  const cable = [
    'UNCLAS MEXICO 000123', // 0
    '',
    'TAGS: PGOV MX', // 2
    'SUBJECT: SPANS', // 3
    '',
    '¶1. (U) Summary. First line', // 5
    'second line. End Summary.', // 6
    '',
    '¶2. (U) Text of two', // 8
    'paragraph. Comment: it runs', // 9
    'on.', // 10
    '',
    '¶3. (U) Into this one.', // 12
    'End Comment.', // 13
    '',
    'BASSETT',
  ].join('\n');

  it('folds a Comment that runs across paragraphs and ends the paragraph it starts in before it', () => {
    const ranges = folds(cable);
    const comment = ranges.find((r) => r.kind === FoldingRangeKind.Comment);
    assert.deepEqual(comment && [comment.startLine, comment.endLine], [9, 13]);
    assert.ok(!ranges.some((r) => r.startLine === 8 && r.endLine > 8), 'the paragraph fold of ¶2 must not cross the Comment');
  });

  it('does not fold single-line paragraphs', () => {
    const ranges = folds(cable);
    assert.ok(!ranges.some((r) => r.startLine === 12 && r.endLine === 12));
  });

  it('folds a TO or INFO list of three lines or more, not a shorter one', () => {
    const header = [
      'VZCZCXRO0001', // 0
      'RR RUEHCD', // 1
      'DE RUEHME #0001 0011200', // 2
      'ZNY CCCCC ZZH', // 3
      'R 011200Z JAN 09', // 4
      'FM AMEMBASSY MEXICO', // 5
      'TO RUEHC/SECSTATE WASHDC 0001', // 6
      'INFO RUEHXC/ALL US CONSULATES IN MEXICO COLLECTIVE', // 7
      'RUEHCV/AMEMBASSY CARACAS 0002', // 8
      'RUEHBO/AMEMBASSY BOGOTA 0003', // 9
      '',
      'C O N F I D E N T I A L MEXICO 000001',
      '',
      'TAGS: PGOV',
      'SUBJECT: LISTS',
      '',
      '¶1. (C) Text.',
    ].join('\n');
    const ranges = folds(header);
    const info = ranges.find((r) => r.startLine === 7);
    assert.deepEqual(info && [info.endLine, info.collapsedText], [9, 'INFO 3 addressees']);
    assert.ok(!ranges.some((r) => r.startLine === 6), 'a one-line TO list does not fold');
    assert.ok(
      ranges.some((r) => r.startLine === 0 && r.endLine === 9),
      'the routing header folds',
    );
  });
});
