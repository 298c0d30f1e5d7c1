/** One test per construct and its variants seen in real cables, on small in-memory texts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cable, Range } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

const cableOf = (text: string, fileName?: string): Cable => parseCableFile(text, { fileName }).cables[0];
const slice = (text: string, range: Range) => text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character);

test('cables.csv record with a row id line', () => {
  const text = '86237\n2006-11-17 23:37:00\n06MEXICO6546\nEmbassy Mexico\nCONFIDENTIAL\n06MEXICO5318|06MEXICO6278\nVZCZCXRO2895\n';
  const cable = cableOf(text);
  assert.equal(cable.record?.rowId?.text, '86237');
  assert.equal(cable.refId?.value.text, '06MEXICO6546');
  assert.equal(cable.refId?.source, 'record');
  assert.deepEqual(cable.record?.references?.map((r) => r.text), ['06MEXICO5318', '06MEXICO6278']);
  assert.equal(cable.routing?.transmissionId?.text, 'VZCZCXRO2895');
});

test('tab-separated record with continuation backslashes', () => {
  const text = '2008-07-01 12:57:00\t08GENEVA498\tUS Mission Geneva\tCONFIDENTIAL//NOFORN\t\tVZCZCXYZ0006\\\nRR RUEHWEB\\\n';
  const cable = cableOf(text);
  assert.equal(cable.refId?.value.text, '08GENEVA498');
  assert.equal(cable.classification?.value.text, 'CONFIDENTIAL//NOFORN');
  assert.equal(cable.date?.value, '2008-07-01T12:57:00Z');
  assert.equal(cable.routing?.transmissionId?.text, 'VZCZCXYZ0006');
  assert.equal(slice(text, cable.routing!.transmissionId!.range), 'VZCZCXYZ0006');
  assert.equal(cable.routing?.precedence?.text, 'RR');
});

test('key-value record and <<row id>> record', () => {
  const kv = cableOf('id: 81871\ndate: 10/13/2006 20:26\nrefid: 06QUITO2529\norigin: Embassy Quito\nclassification: CONFIDENTIAL//NOFORN\ndestination: 06STATE171921\nheader:\nVZCZCXYZ0013\n');
  assert.equal(kv.refId?.value.text, '06QUITO2529');
  assert.equal(kv.date?.value, '2006-10-13T20:26:00Z');
  assert.equal(kv.classification?.value.text, 'CONFIDENTIAL//NOFORN');
  const angled = cableOf('<<142612>>\n2/22/2008 14:46\n08KINSHASA189\nEmbassy Kinshasa\nSECRET//NOFORN\n');
  assert.equal(angled.refId?.value.text, '08KINSHASA189');
  assert.equal(angled.date?.value, '2008-02-22T14:46:00Z');
  assert.equal(angled.classification?.value.level, 'S');
});

test('an origin that starts like a classification word is not one', () => {
  const cable = cableOf('210209\n2009-06-04 14:29:00\n09STATE57530\nSecretary of State\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n');
  assert.equal(cable.origin?.value, 'Secretary of State');
  assert.equal(cable.classification?.value.level, 'SBU');
});

test('DE line variants: without section, malformed', () => {
  assert.equal(cableOf('DE RUEHMN #0034 0251455\n').routing?.de?.section, undefined);
  assert.equal(cableOf('DE RUEHMN #0034 0251455\n').routing?.de?.dayOfYear, 25);
  const bad = cableOf('DE RUEHME 0283 035\n').routing?.de;
  assert.equal(bad?.wellFormed, false);
  assert.equal(bad?.station?.text, 'RUEHME');
});

test('security line and DTG variants', () => {
  const cable = cableOf('ZNR UUUUU ZZH\nO 142026Z OCT 06\n');
  assert.equal(cable.routing?.security?.letter, 'U');
  assert.equal(cable.routing?.dtg?.precedence?.text, 'O');
  assert.equal(cable.precedence?.value, 'IMMEDIATE');
  const invalid = cableOf('R 321708Z FEB 09\n').routing?.dtg;
  assert.equal(invalid?.day, 32);
  assert.equal(invalid?.iso, undefined, 'day 32 does not exist');
  const extract = cableOf('This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n291359Z Nov 00\n');
  assert.ok(extract.extractNote);
  assert.equal(extract.routing?.dtg?.iso, '2000-11-29T13:59:00Z');
});

test('older routing forms: PAGE lines, ACTION/INFO office lists, addressees without indicators', () => {
  const text = [
    'PAGE 01        HARARE  06677  01 OF 03  291400Z ',
    'ACTION AF-00    ',
    '',
    'INFO  LOG-00   NP-00    AID-00   ',
    'FM AMEMBASSY HARARE',
    'TO SECSTATE WASHDC IMMEDIATE 7738',
    'INFO NSC WASHDC IMMEDIATE',
    'AMEMBASSY NAIROBI',
    '',
  ].join('\n');
  const routing = cableOf(text).routing!;
  assert.equal(routing.pageLines.length, 1);
  assert.equal(routing.officeLists.length, 2);
  assert.equal(routing.to?.addresses[0].name.text, 'SECSTATE WASHDC');
  assert.equal(routing.to?.addresses[0].precedence?.text, 'IMMEDIATE');
  assert.equal(routing.to?.addresses[0].serial?.text, '7738');
  assert.deepEqual(routing.info?.addresses.map((a) => a.name.text), ['NSC WASHDC', 'AMEMBASSY NAIROBI']);
});

test('banner variants', () => {
  const unclas = cableOf('UNCLAS SAN JOSE 000123 \n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\n');
  assert.equal(unclas.banner?.post?.text, 'SAN JOSE');
  assert.equal(unclas.banner?.classification.level, 'U');
  assert.equal(unclas.classification?.value.text, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'SENSITIVE makes UNCLAS SBU');
  const secret = cableOf('S E C R E T SECTION 02 OF 04 THE HAGUE 001695 \n\nNOFORN\n\nE.O. 12958: DECL: 06/07/2015\n');
  assert.equal(secret.classification?.value.text, 'SECRET//NOFORN');
  assert.deepEqual([secret.banner?.section?.n, secret.banner?.section?.m], [2, 4]);
  const sentence = cableOf('C o n f i d e n t i a l section 01 of 04 ankara 000123\n');
  assert.equal(sentence.banner?.classification.level, 'C');
  const debris = cableOf('Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305\n');
  assert.equal(debris.banner?.classification.level, 'S');
  const glued = cableOf('SE C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000004 \n');
  assert.equal(glued.banner?.classification.level, 'S');
  assert.equal(cableOf('CONFIDENTIAL\n').banner, undefined, 'a lone classification word is no banner');
});

test('ref id from banner and DTG, then from the file name', () => {
  const text = 'R 041125Z MAR 75\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 475\n\nC O N F I D E N T I A L SECTION 1 OF 2 TEHRAN 2069 \n';
  const cable = cableOf(text);
  assert.equal(cable.refId?.value.text, '75TEHRAN2069');
  assert.equal(cable.refId?.source, 'banner+dtg');
  assert.equal(cable.origin?.value, 'Embassy Tehran');
  const bare = cableOf('¶1. (U) Nothing else.\n', '/some/path/05PRAGUE356.txt');
  assert.equal(bare.refId?.value.text, '05PRAGUE356');
  assert.equal(bare.refId?.source, 'filename');
  assert.equal(cableOf('¶1. (U) Nothing else.\n', 'notes.txt').refId, undefined);
});

test('E.O. line spellings', () => {
  const eo = (line: string) => cableOf(`${line}\n`).caption.eo!;
  assert.equal(eo('EO 12958 DECL: 11/29/10').declIso, '2010-11-29');
  assert.equal(eo('E.O. 12958: N/A').declKind, 'na');
  assert.equal(eo('E.O. 12356: OADR').declKind, 'oadr');
  assert.equal(eo('E.O. 11652: GDS').declKind, 'marking');
  assert.equal(eo('E.O. 12958: DECL: 2019/01/15').declIso, '2019-01-15');
  assert.equal(eo('E. O. 12958: DECL: 02/30/2019').declInvalidDate, true);
  assert.equal(eo('E.O. 12958: DECL: 02/30/2019').declKind, 'date');
  assert.equal(eo('E.O.12958: DECL: TWENTY YEARS').declKind, 'marking');
  assert.equal(eo('E.O. 12958:').declKind, 'missing');
});

test('TAGS: comma-separated, wrapping, without colon', () => {
  const text = 'TAGS PGOV, PREL, ECON,\nPINR, ZI, SA\nSUBJECT: X\n';
  const tags = cableOf(text).caption.tags!;
  assert.deepEqual(tags.tags.map((t) => t.text), ['PGOV', 'PREL', 'ECON', 'PINR', 'ZI', 'SA']);
  assert.deepEqual(tags.tags[3].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
});

test('REF items: lettered, wrapped, without year, SECSTATE, e-mail', () => {
  const text = [
    'R 041708Z FEB 08',
    'REF: A. 07 MEXICO 3456',
    '     B) SECSTATE 74879',
    '',
    'C. STATE 12345 (NOTAL)',
    'D. JONES-SMITH EMAIL OF 12/3',
    '',
    'Classified By: Ambassador Antonio O. Garza, Jr. for reasons 1.4 (b) and (d)',
  ].join('\n');
  const refs = cableOf(text).caption.refs!;
  assert.deepEqual(refs.items.map((r) => [r.letter?.text, r.kind, r.refId]), [
    ['A', 'cable', '07MEXICO3456'],
    ['B', 'cable', '08STATE74879'],
    ['C', 'cable', '08STATE12345'],
    ['D', 'email', undefined],
  ]);
  assert.equal(slice(text, refs.items[0].refIdRange!), '07 MEXICO 3456');
  assert.equal(slice(text, refs.items[1].letter!.range), 'B');
  assert.equal(slice(text, refs.items[1].range).slice(0, 2), 'B)');
});

test('Classified By spellings', () => {
  const by = (line: string) => cableOf(`${line}\n`).caption.classifiedBy!;
  const upper = by('CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).');
  assert.deepEqual(upper.reasons.map((r) => `${r.section}${r.letter}`), ['1.5b', '1.5d']);
  assert.equal(upper.title, 'AMBASSADOR');
  assert.equal(upper.name, 'TOM MCDONALD');
  const comma = by('Classified By: CDA John Doe, reasons 1.4 (B/D)');
  assert.deepEqual(comma.reasons.map((r) => r.letter), ['b', 'd']);
  assert.equal(by('Classified By: Deputy Political Counselor Mark Canning for reasons 1.4 (a) (b) and (c)').reasons.length, 3);
  assert.equal(by('Classified By: Ambassador J. Curtis Struble. Reason: 1.4 (b,d)').reasons.length, 2);
});

test('paragraphs without pilcrows; list items inside pilcrow cables are not paragraphs', () => {
  const plain = cableOf('1. (C) First paragraph.\n\n2. (S/NF) Second.\n');
  assert.deepEqual(plain.body.paragraphs.map((p) => [p.number, p.pilcrow, p.marking?.text, p.marking?.level, p.marking?.caveats]), [
    [1, false, 'C', 'C', []],
    [2, false, 'S/NF', 'S', ['NOFORN']],
  ]);
  const pilcrow = cableOf('¶1. (C) Points:\n1. first\n2. second\n\n¶2. (C) Next.\n');
  assert.deepEqual(pilcrow.body.paragraphs.map((p) => p.number), [1, 2]);
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
  assert.deepEqual(body.headings.map((h) => h.text), ['TSVANGIRAI LOOKS INTO THE CRYSTAL BALL']);
  assert.equal(body.sectionBreaks.length, 1);
  assert.deepEqual([body.sectionBreaks[0].n, body.sectionBreaks[0].m], [2, 3]);
  assert.equal(body.paragraphs[0].range.end.line, 2, 'a paragraph runs across a section break');
  assert.equal(body.trailingClassification?.text, 'CONFIDENTIAL');
});

test('summary and comment spans, open and closed', () => {
  const text = '¶1. (C) Summary: a. End Summary.\n\n¶2. (C) Comment: b\n\n¶3. (C) Comment: c. End Comment.\n';
  const spans = cableOf(text).body.spans;
  assert.deepEqual(spans.map((s) => [s.kind, s.range.start.line, s.end !== undefined]), [
    ['summary', 0, true],
    ['comment', 2, false],
    ['comment', 4, true],
  ]);
});

test('several cables in one file', () => {
  const one = '09MEXICO283\nTITLE\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico\n\n¶1. (C) One.\n';
  const two = '09MEXICO284\nTITLE\nWed Feb 04 00:00:00 +0100 2009\nUNCLASSIFIED\nEmbassy Mexico\n\n¶1. (U) Two.\n';
  const model = parseCableFile(one + '\n' + two);
  assert.deepEqual(model.cables.map((c) => c.refId?.value.text), ['09MEXICO283', '09MEXICO284']);
  assert.equal(model.cables[1].range.start.line, 8);
});

test('span ends split over two lines and comments closed by their parenthesis', () => {
  const text = '¶1. (C) Summary: a b c. End\nSummary.\n\n¶2. (C) Text (Comment: we doubt it.) more.\n\n¶3. (C) Text (Comment: over\ntwo lines) more.\n';
  const spans = cableOf(text).body.spans;
  assert.deepEqual(spans.map((s) => [s.kind, s.range.start.line, s.end?.range.end.line]), [
    ['summary', 0, 1],
    ['comment', 3, 3],
    ['comment', 5, 6],
  ]);
  assert.equal(spans[0].end?.text, 'End Summary');
  assert.equal(spans[1].end?.text, ')');
});

test('pages within a section', () => {
  const body = cableOf('¶1. (C) a\nCARACAS 00002367  001.2 OF 004\nb\nCARACAS 00002367  002 OF 004\n').body;
  assert.deepEqual(body.sectionBreaks.map((b) => [b.n, b.page, b.m]), [
    [1, 2, 4],
    [2, undefined, 4],
  ]);
});

test('lower-case markings are read, but not list letters', () => {
  const [sbu, nf, lowerC] = cableOf('¶1. (sbu) a\n\n¶2. (s/nf) b\n\n¶3. (c) Yes, the Netherlands is a party.\n').body.paragraphs;
  assert.equal(sbu.marking?.level, 'SBU');
  assert.deepEqual([nf.marking?.level, nf.marking?.caveats], ['S', ['NOFORN']]);
  assert.equal(lowerC.marking?.level, 'C', 'no list in sight: (c) is a marking');
  const listed = cableOf('¶1. (C) a\n\n¶2. (b) b\n\n¶3. (c) Yes, the Netherlands is a party.\n').body.paragraphs;
  assert.equal(listed[2].marking, undefined, '(c) after (b) is a list letter');
});
