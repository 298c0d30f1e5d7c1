/**
 * The body: paragraphs and portion markings as a reader sees them, headings, section breaks and pages,
 * summary and comment spans, on small made-up cables in the shape of real ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cable } from '../../server/src/language/model';
import { parseBody, startsParagraph } from '../../server/src/language/parse/body';
import { splitLines } from '../../server/src/language/parse/lines';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { cableOf } from '../support/parsing';

/** The first cable of `text`, a whole cable. */

const HEADER = 'UNCLAS LIMA 001234\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ECON PGOV PE\nSUBJECT: TRADE TALKS\n\n';
/** The cable of `body` under a made-up banner and caption. */
const cableWithBody = (body: string): Cable => parseCableFile(HEADER + body, { fileName: '09LIMA1234.txt' }).cables[0];
const numbers = (cable: Cable) => cable.body.paragraphs.map((p) => p.number);
/** The body alone, line numbers from 0, for exact ranges. */
const bodyOf = (text: string) => {
  const lines = splitLines(text);
  return parseBody(lines, 0, lines.length);
};

test('paragraphs without pilcrows; list items inside pilcrow cables are not paragraphs', () => {
  const plain = cableOf('1. (C) First paragraph.\n\n2. (S/NF) Second.\n');
  assert.deepEqual(
    plain.body.paragraphs.map((p) => [p.number, p.pilcrow, p.marking?.text, p.marking?.level, p.marking?.caveats]),
    [
      [1, false, 'C', 'C', []],
      [2, false, 'S/NF', 'S', ['NOFORN']],
    ],
  );
  const pilcrow = cableOf('¶1. (C) Points:\n1. first\n2. second\n\n¶2. (C) Next.\n');
  assert.deepEqual(
    pilcrow.body.paragraphs.map((p) => p.number),
    [1, 2],
  );
});

test('markings with caveats, unknown markings, no marking', () => {
  const cable = cableOf('¶1. (S//NF) a\n\n¶2. (C/REL NATO) b\n\n¶3. (U//FOUO) c\n\n¶4. (XYZ) d\n\n¶5. No marking here.\n');
  const [nf, rel, fouo, unknown, none] = cable.body.paragraphs;
  assert.deepEqual(nf.marking?.caveats, ['NOFORN']);
  assert.deepEqual(rel.marking?.caveats, ['REL TO']);
  assert.deepEqual(fouo.marking?.caveats, ['FOUO']);
  assert.equal(unknown.marking?.text, 'XYZ');
  assert.equal(unknown.marking?.level, undefined);
  assert.equal(none.marking, undefined);
  assert.deepEqual(none.markingPosition, { line: 8, character: 4 });
});

test('lower-case markings are read, but not list letters', () => {
  const [sbu, nf, lowerC] = cableOf('¶1. (sbu) a\n\n¶2. (s/nf) b\n\n¶3. (c) Yes, the Netherlands is a party.\n').body.paragraphs;
  assert.equal(sbu.marking?.level, 'SBU');
  assert.deepEqual([nf.marking?.level, nf.marking?.caveats], ['S', ['NOFORN']]);
  assert.equal(lowerC.marking?.level, 'C', 'no list in sight: (c) is a marking');
  const listed = cableOf('¶1. (C) a\n\n¶2. (b) b\n\n¶3. (c) Yes, the Netherlands is a party.\n').body.paragraphs;
  assert.equal(listed[2].marking, undefined, '(c) after (b) is a list letter');
});

test('a paragraph number without a space after the dot starts a paragraph', () => {
  const body = bodyOf('1. (SBU) Summary.\n\n4.Carry-on baggage rules changed.\n\n5.(C) Next.\n');
  assert.deepEqual(
    body.paragraphs.map((p) => p.number),
    [1, 4, 5],
  );
  assert.deepEqual(body.paragraphs[1].numberToken, {
    text: '4.',
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } },
  });
  assert.equal(body.paragraphs[2].marking?.level, 'C');
  assert.deepEqual(body.paragraphs[2].marking?.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
  assert.equal(bodyOf('¶1. (SBU) a\n\n¶4.(C) b\n').paragraphs[1].marking?.level, 'C');
});

test('a number wrapped inside a paragraph starts no paragraph', () => {
  const cable = cableWithBody(
    '¶1. (SBU) The ministry reported an increase of\n010. percent over last year, and said talks resume on Friday, October\n' +
      '¶17. The committee met on October 16 and agreed on the agenda for the next\nround.\n\n¶2. (SBU) Second paragraph.\n',
  );
  assert.deepEqual(numbers(cable), [1, 2]);
  assert.equal(
    cable.body.paragraphs[0].range.end.line,
    cable.body.paragraphs[1].range.start.line - 2,
    'paragraph 1 runs over the wrapped lines',
  );
});

test('a number after "para" at the end of the line above is a reference, even past a blank line', () => {
  const cable = cableWithBody('¶1. (SBU) The rosters are in para\n\n¶6. Below.\n\n¶2. (SBU) Next.\n');
  assert.deepEqual(numbers(cable), [1, 2]);
});

test('a number in sequence starts a paragraph even right under the line above', () => {
  const cable = cableWithBody('1.(SBU) First, which ends here.\n2.(SBU) Second, no blank line before it.\n');
  assert.deepEqual(numbers(cable), [1, 2]);
});

test('a number out of sequence under a heading still starts a paragraph', () => {
  const cable = cableWithBody('¶1. (SBU) First.\n\nThe Outlook\n¶5. Numbers skip in this extract.\n');
  assert.deepEqual(numbers(cable), [1, 5]);
});

test('startsParagraph says what a paragraph start is on a first body line', () => {
  for (const yes of ['1. (C) Summary', '¶4.(C) Text', '4.Carry-on baggage', '  ¶12.  Text', '3.', '¶6. xxxxxxxxxxxx'])
    assert.equal(startsParagraph(yes), true, yes);
  for (const no of ['010. percent over', '2.7 million people', '1.4 (b) and (d)', '3.I) Date and time', 'SUBJECT: X', '5.html'])
    assert.equal(startsParagraph(no), false, no);
});

test('lower-case markings are markings; a lone letter inside an evident list is not', () => {
  const body = bodyOf(
    '¶1. (u) a\n\n¶2. (sbu) b\n\n¶3. (c) c\n\n¶4. (s/nf) d\n\n¶5. (a) first item\n\n¶6. (b) second item\n\n¶7. (c) third item\n',
  );
  assert.deepEqual(
    body.paragraphs.map((p) => p.marking?.level),
    ['U', 'SBU', 'C', 'S', undefined, undefined, undefined],
  );
  assert.deepEqual(body.paragraphs[3].marking?.caveats, ['NOFORN']);
  assert.deepEqual(body.paragraphs[0].marking?.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } });
});

test('a marking that lost its opening parenthesis, and one spelled out, are read', () => {
  const body = bodyOf('¶1. C) Summary: text.\n\n¶2. (Confidential) Key points.\n');
  assert.equal(body.paragraphs[0].marking?.level, 'C');
  assert.deepEqual(body.paragraphs[0].marking?.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } });
  assert.equal(body.paragraphs[1].marking?.text, 'Confidential');
  assert.equal(body.paragraphs[1].marking?.level, undefined);
});

test('numbered titles and paragraphs whose items carry the markings', () => {
  const body = bodyOf(
    '¶5. Money Laundering Issues\n--------------\n\n¶A. (S/NF) A firm.\n\n¶6. Conclusions follow:\n-- (C) The first.\n-- (C) The second.\n\n¶7. No marking here.\n',
  );
  const [title, items, plain] = body.paragraphs;
  assert.deepEqual([title.title, title.markedWithin], [true, true]);
  assert.deepEqual([items.title, items.markedWithin], [undefined, true]);
  assert.deepEqual([plain.title, plain.markedWithin], [undefined, undefined]);
});

test('withheld paragraphs are counted after the paragraph they follow', () => {
  const body = bodyOf('¶12. (S) Text.\n\nXXXXXXXXXXXX\n\nXXXXXXXXXXXX\n\n¶15. (S) More.\n');
  assert.equal(body.paragraphs[0].withheldAfter, 2);
});

test('page markers are pages of a section, with or without the station and serial', () => {
  const body = bodyOf('¶1. (C) a\nLIMA 00003571 004.2 OF 004\nb\n004.2 OF 004\nc\nLIMA 00003571 002 OF 004\n');
  assert.deepEqual(
    body.sectionBreaks.map((b) => [b.text, b.n, b.page, b.m]),
    [
      ['LIMA 00003571 004.2 OF 004', 4, 2, 4],
      ['004.2 OF 004', 4, 2, 4],
      ['LIMA 00003571 002 OF 004', 2, undefined, 4],
    ],
  );
  assert.equal(body.paragraphs.length, 1, 'a page marker does not end the paragraph');
  assert.equal(body.paragraphs[0].range.end.line, 4);
});

test('a number wrapped across a page marker is judged by the line before the page', () => {
  const body = bodyOf('¶1. (SBU) Talks resume on Friday, October\n\nLIMA 00003571 002 OF 003\n\n17. The committee met again.\n');
  assert.deepEqual(
    body.paragraphs.map((p) => p.number),
    [1],
  );
});

test('dashed headings, section breaks, trailing classification', () => {
  const text = [
    '¶1. (C) Text.',
    'MEXICO 00000283  002 OF 003',
    'more text.',
    '',
    '--------------------------------------',
    'TSVANGIRAI LOOKS INTO THE CRYSTAL BALL',
    'SIPDIS',
    '--------------------------------------',
    '',
    '¶2. (C) Text.',
    '',
    'CONFIDENTIAL',
  ].join('\n');
  const body = cableOf(text).body;
  assert.deepEqual(
    body.headings.map((h) => h.text),
    ['TSVANGIRAI LOOKS INTO THE CRYSTAL BALL'],
  );
  assert.equal(body.sectionBreaks.length, 1);
  assert.deepEqual([body.sectionBreaks[0].n, body.sectionBreaks[0].m], [2, 3]);
  assert.equal(body.paragraphs[0].range.end.line, 2, 'a paragraph runs across a section break');
  assert.equal(body.trailingClassification?.text, 'CONFIDENTIAL');
});

test('pages within a section', () => {
  const body = cableOf('¶1. (C) a\nCARACAS 00002367  001.2 OF 004\nb\nCARACAS 00002367  002 OF 004\n').body;
  assert.deepEqual(
    body.sectionBreaks.map((b) => [b.n, b.page, b.m]),
    [
      [1, 2, 4],
      [2, undefined, 4],
    ],
  );
});

test('summary and comment spans, open and closed', () => {
  const text = '¶1. (C) Summary: a. End Summary.\n\n¶2. (C) Comment: b\n\n¶3. (C) Comment: c. End Comment.\n';
  const spans = cableOf(text).body.spans;
  assert.deepEqual(
    spans.map((s) => [s.kind, s.range.start.line, s.end !== undefined]),
    [
      ['summary', 0, true],
      ['comment', 2, false],
      ['comment', 4, true],
    ],
  );
});

test('span ends split over two lines and comments closed by their parenthesis', () => {
  const text =
    '¶1. (C) Summary: a b c. End\nSummary.\n\n¶2. (C) Text (Comment: we doubt it.) more.\n\n¶3. (C) Text (Comment: over\ntwo lines) more.\n';
  const spans = cableOf(text).body.spans;
  assert.deepEqual(
    spans.map((s) => [s.kind, s.range.start.line, s.end?.range.end.line]),
    [
      ['summary', 0, 1],
      ['comment', 3, 3],
      ['comment', 5, 6],
    ],
  );
  assert.equal(spans[0].end?.text, 'End Summary');
  assert.equal(spans[1].end?.text, ')');
});
