/**
 * What the model carries so that features need not work it out again: record references with their ids, the
 * DECL keyword, classifications on page lines, headings with their paragraphs, and the cable's year. Made-up
 * cables in the shape of real ones; exact ranges.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cable, Range } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

const cableOf = (text: string, fileName = 'cable.txt'): Cable => parseCableFile(text, { fileName }).cables[0];

/** The range of the `nth` (0-based) occurrence of `needle` on the line holding `line`, searched by text. */
function rangeIn(text: string, line: string, needle: string, nth = 0): Range {
  const index = text.split('\n').findIndex((l) => l.includes(line));
  assert.ok(index >= 0, `no line with ${line}`);
  let character = -1;
  for (let i = 0; i <= nth; i++) character = text.split('\n')[index].indexOf(needle, character + 1);
  assert.ok(character >= 0, `no ${needle} on ${line}`);
  return { start: { line: index, character }, end: { line: index, character: character + needle.length } };
}

/** The numbers of the lines that are exactly `line`. */
const linesOf = (text: string, line: string) => text.split('\n').flatMap((l, i) => (l === line ? [i] : []));

const RECORD_CABLE = [
  '97717',
  '2007-02-22 17:23:00',
  '07MONTERREY130',
  'Consulate Monterrey',
  'CONFIDENTIAL',
  '07MONTERREY58|07MONTERREY99',
  'VZCZCXRO4991',
  'RR RUEHWEB',
  'DE RUEHMC #0130/01 0531723',
  'ZNY CCCCC ZZH',
  'R 221723Z FEB 07',
  'FM AMCONSUL MONTERREY',
  'TO RUEHC/SECSTATE WASHDC 1234',
  '',
  'C O N F I D E N T I A L SECTION 01 OF 02 MONTERREY 000130',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 02/22/2017',
  'TAGS: PGOV SNAR MX',
  'SUBJECT: CARTEL VIOLENCE IN NUEVO LEON',
  '',
  'Classified By: Consul General Bruce Williamson. Reasons 1.4(b) and (d)',
  '',
  '1. (C) Summary. The state police arrested ten people. End Summary.',
  '',
  'Security Cooperation',
  '',
  '2. (C) The state police and the army met.',
  'They agreed on patrols.',
  '',
  'MONTERREY 00000130 002 OF 002',
  '',
  '3. (U) The meeting ended.',
  '',
  'CONFIDENTIAL',
  '',
  '4. (U) A last word.',
  '',
  'WILLIAMSON',
  '',
  'CONFIDENTIAL',
  '',
].join('\n');

test('each id of the record reference list carries its parts', () => {
  const cable = cableOf(RECORD_CABLE);
  const [first, second] = cable.record!.references!;
  assert.deepEqual(first.range, rangeIn(RECORD_CABLE, '07MONTERREY58|', '07MONTERREY58'));
  assert.deepEqual(first.refId, { text: '07MONTERREY58', year: '07', origin: 'MONTERREY', serial: '58' });
  assert.equal(second.refId?.text, '07MONTERREY99');
});

test('a comma-separated row keeps its reference id too', () => {
  const cable = cableOf('12345,1/25/2008 14:55,08LIMA34,"Embassy Lima",CONFIDENTIAL//NOFORN,08LIMA12,"VZCZCXYZ0000\nPP RUEHWEB\n');
  assert.deepEqual(
    cable.record?.references?.map((r) => r.refId?.text),
    ['08LIMA12'],
  );
});

test('the DECL keyword has its own token, without the colon', () => {
  const eo = cableOf(RECORD_CABLE).caption.eo!;
  assert.deepEqual(eo.declKeyword, { text: 'DECL', range: rangeIn(RECORD_CABLE, 'E.O. 12958', 'DECL') });
  assert.equal(eo.decl?.text, '02/22/2017');

  const spelled = 'UNCLAS LIMA 001234\n\nE.O. 12958: Declassify on: 01/15/2019\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n';
  assert.deepEqual(cableOf(spelled).caption.eo?.declKeyword, { text: 'Declassify on', range: rangeIn(spelled, 'E.O.', 'Declassify on') });
});

test('a DECL line under its E.O. line carries the keyword of that line', () => {
  const text = 'UNCLAS LIMA 001234\n\nE.O. 12958:\nDECL: 01/15/2019\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n';
  const eo = cableOf(text).caption.eo!;
  assert.deepEqual(eo.declKeyword, { text: 'DECL', range: rangeIn(text, 'DECL: 01', 'DECL') });
  assert.equal(eo.declIso, '2019-01-15');
});

test('an E.O. line without the DECL word has no keyword token', () => {
  const text = 'UNCLAS LIMA 001234\n\nE.O. 12958: N/A\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n';
  assert.equal(cableOf(text).caption.eo?.declKeyword, undefined);
});

test('a page classification line among the section breaks, and the closing one, carry their classification', () => {
  const { body } = cableOf(RECORD_CABLE);
  const [section, page] = body.sectionBreaks;
  assert.equal(section.n, 2);
  assert.equal(section.classification, undefined, 'a section line is no classification');
  // The first is the record's classification.
  const [, pageLine, closingLine] = linesOf(RECORD_CABLE, 'CONFIDENTIAL');
  assert.deepEqual(page.range, { start: { line: pageLine, character: 0 }, end: { line: pageLine, character: 12 } });
  assert.deepEqual(page.classification, { level: 'C', caveats: [], text: 'CONFIDENTIAL' });
  assert.deepEqual(body.trailingClassification?.range, {
    start: { line: closingLine, character: 0 },
    end: { line: closingLine, character: 12 },
  });
  assert.equal(body.trailingClassification?.classification?.level, 'C');
});

test('a heading holds the paragraphs under it, and its section runs to the end of the last', () => {
  const { body } = cableOf(RECORD_CABLE);
  const [heading] = body.headings;
  assert.equal(heading.text, 'Security Cooperation');
  assert.deepEqual(heading.paragraphIndexes, [1, 2, 3]);
  assert.deepEqual(
    heading.paragraphIndexes.map((i) => body.paragraphs[i].number),
    [2, 3, 4],
  );
  assert.deepEqual(heading.sectionRange, { start: heading.range.start, end: rangeIn(RECORD_CABLE, '4. (U)', '4. (U) A last word.').end });
});

test('a heading with no paragraph after it spans only itself', () => {
  const text =
    'UNCLAS LIMA 001234\n\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n\n--------\nClosing Thoughts\n--------\n\nLIMA SENDS.\n';
  const { body } = cableOf(text);
  for (const heading of body.headings) {
    if (heading.paragraphIndexes.length) continue;
    assert.deepEqual(heading.sectionRange, heading.range);
  }
});

test('every paragraph a heading indexes names that heading', () => {
  const { body } = cableOf(RECORD_CABLE);
  for (const [index, heading] of body.headings.entries()) {
    assert.ok(heading.paragraphIndexes.every((i) => body.paragraphs[i].headingIndex === index));
  }
});

test('the cable year comes from its date, else from the date-time group', () => {
  assert.equal(cableOf(RECORD_CABLE).year, 2007);
  // No day 31 in February: no date, but the DTG still gives the year.
  const text =
    'VZCZCXRO4991\nRR RUEHWEB\nDE RUEHLI #1234 0621723\nZNY UUUUU ZZH\nR 311723Z FEB 08\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC 1234\n\nUNCLAS LIMA 001234\n\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n';
  const cable = cableOf(text);
  assert.equal(cable.date, undefined);
  assert.equal(cable.year, 2008);
  assert.equal(cableOf('UNCLAS LIMA 001234\n\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (U) Text.\n').year, undefined);
});

test('REF items without a year take the cable year', () => {
  const text = RECORD_CABLE.replace('\nClassified By', '\nREF: A. MONTERREY 45\n\nClassified By');
  assert.equal(cableOf(text).caption.refs?.items[0].refId, '07MONTERREY45');
});

test('a portion marking keeps each caveat as written beside its canonical word', () => {
  const text =
    'S E C R E T LIMA 001234\n\nNOFORN\n\nE.O. 12958: DECL: 01/15/2019\nTAGS: PGOV PE\nSUBJECT: TALKS\n\n1. (S//NF) Text.\n\n2. (C/REL NATO) More.\n\n3. (C) Last.\n';
  const [first, second, third] = cableOf(text).body.paragraphs.map((p) => p.marking!);
  assert.deepEqual([first.caveats, first.writtenCaveats], [['NOFORN'], ['NF']]);
  assert.deepEqual(first.range, rangeIn(text, '1. (S//NF)', '(S//NF)'));
  assert.deepEqual(second.writtenCaveats, ['REL NATO']);
  assert.equal(third.writtenCaveats, undefined);
});
