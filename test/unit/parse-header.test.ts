/**
 * The header of a cable as real ones write it (made-up cables in their shape): date-time groups with two
 * precedences or service text, controls and sections wherever they stand by the banner, records in every
 * layout, a malformed record ref id, and files that open with other headers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cable, Range } from '../../server/src/language/model';
import { looksLikeCable } from '../../server/src/language/cableDetection';
import { addBannerLine, bannerClassification, parseBannerLine } from '../../server/src/language/parse/banner';
import type { Line } from '../../server/src/language/parse/lines';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { parseDateTimeGroup, isDateTimeGroupLine } from '../../server/src/language/parse/routing';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { validateCableFile } from '../../server/src/language/rules/validate';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';

const cableOf = (text: string, fileName?: string): Cable => parseCableFile(text, { fileName }).cables[0];
const at = (text: string, range: Range) => text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character);
const lineOf = (text: string, index = 0, offset = 0): Line => ({ index, text, offset });

const ROUTING = (dtg: string) =>
  `VZCZCXRO1234\nPP RUEHWEB\nDE RUEHPE #0357 0351708\nZNY CCCCC ZZH\n${dtg}\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC PRIORITY 4318\n\nC O N F I D E N T I A L LIMA 000357\n\nSIPDIS\n\nE.O. 12958: DECL: 02/03/2019\nTAGS: PGOV PE\nSUBJECT: A MADE-UP CABLE\n\n1. (C) Text.\n`;

test('a DTG with action and info precedence: the cable takes the first', () => {
  const text = ROUTING('O P 041708Z FEB 09');
  const cable = cableOf(text);
  const dtg = cable.routing!.dtg!;
  assert.equal(dtg.iso, '2009-02-04T17:08:00Z');
  assert.equal(at(text, dtg.precedence!.range), 'O');
  assert.equal(at(text, dtg.infoPrecedence!.range), 'P');
  assert.equal(at(text, dtg.range), 'O P 041708Z FEB 09');
  assert.equal(cable.precedence?.value, 'IMMEDIATE');
});

test('a DTG with service text after it keeps the text apart', () => {
  const text = ROUTING('R 041708Z FEB 09 ZDK CTG RUEHSD 0060 0361200');
  const dtg = cableOf(text).routing!.dtg!;
  assert.equal(dtg.iso, '2009-02-04T17:08:00Z');
  assert.equal(at(text, dtg.range), 'R 041708Z FEB 09');
  assert.equal(at(text, dtg.serviceText!.range), 'ZDK CTG RUEHSD 0060 0361200');
  for (const tail of ['ZDS', 'ZFF4', 'ZDK DUE TO SERVICES ZDK']) assert.ok(isDateTimeGroupLine(lineOf(`P 291359Z NOV 00 ${tail}`)), tail);
  // Prose after a group is no service text.
  assert.equal(isDateTimeGroupLine(lineOf('R 041708Z FEB 09 the minister said')), false);
});

test('a control of several words is read only as words: REL TO, not the end of QUARREL', () => {
  assert.deepEqual(parseBannerLine(lineOf('S E C R E T MEXICO 000283 REL TO USA, GBR'))!.controls.map((c) => c.text), ['REL TO']);
  assert.deepEqual(parseBannerLine(lineOf('S E C R E T MEXICO 000283 THE QUARREL TO END ALL QUARRELS'))!.controls, []);
});

test('a DTG with a lower-case month, on a line cut out of a longer one', () => {
  const dtg = parseDateTimeGroup(lineOf('291359Z Nov 00', 3, 20))!;
  assert.equal(dtg.iso, '2000-11-29T13:59:00Z');
  assert.deepEqual(dtg.range, { start: { line: 3, character: 20 }, end: { line: 3, character: 34 } });
});

test('banner controls mid-line, a serial glued to SIPDIS, SECTION after the serial', () => {
  const glued = parseBannerLine(lineOf('C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDIS'))!;
  assert.equal(glued.serial?.text, '003571');
  assert.deepEqual(glued.controls.map((c) => c.text), ['SIPDIS']);
  const mid = parseBannerLine(lineOf('UNCLAS SECTION 01 OF 02 LIMA 003571 SIPDIS NOFORN'))!;
  assert.deepEqual(mid.controls.map((c) => c.text), ['SIPDIS', 'NOFORN']);
  assert.equal(bannerClassification(mid).text, 'UNCLASSIFIED//NOFORN');
  const late = parseBannerLine(lineOf('UNCLAS LIMA 003571 SECTION 02 OF 03'))!;
  assert.deepEqual([late.section?.n, late.section?.m], [2, 3]);
  assert.deepEqual(late.section?.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 35 } });
  const rome = parseBannerLine(lineOf('C O N F I D E N T I A L ROME 001234 NOFORN'))!;
  assert.equal(bannerClassification(rome).text, 'CONFIDENTIAL//NOFORN');
});

test('controls on the lines after the banner: SENSITIVE BUT UNCLASSIFIED, DEA SENSITIVE, controls before an office line', () => {
  for (const control of ['SENSITIVE BUT UNCLASSIFIED', 'DEA SENSITIVE', 'SENSITIVE']) {
    const banner = parseBannerLine(lineOf('UNCLAS SECTION 01 OF 03 LIMA 000939'))!;
    assert.ok(addBannerLine(banner, lineOf(control, 1)), control);
    assert.equal(bannerClassification(banner).text, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', control);
  }
  const banner = parseBannerLine(lineOf('C O N F I D E N T I A L LONDON 004328'))!;
  const office = 'SIPDIS NOFORN SIPDIS STATE FOR NEA/IR, EEB A/S SMITH, TREASURY FOR JANE ROE AND JOHN DOE, AND FOR MARY MAJOR AT THE OFFICE';
  assert.ok(addBannerLine(banner, lineOf(office, 2)));
  assert.deepEqual(banner.controls.map((c) => c.text), ['SIPDIS', 'NOFORN', 'SIPDIS']);
  assert.equal(banner.officeLines[0].text, office.slice(21));
  assert.deepEqual(banner.officeLines[0].range.start, { line: 2, character: 21 });
  assert.equal(bannerClassification(banner).text, 'CONFIDENTIAL//NOFORN');
});

test('a record whose fields are spaced by blank lines, classification before origin', () => {
  const text = '97717\n2007-02-22 17:23:00\n\n07MONTERREY130\n\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n\nConsulate Monterrey\n\n07MONTERREY130|07MONTERREY58\nVZCZCXRO4991\n';
  const record = cableOf(text).record!;
  assert.equal(record.refId?.refId?.text, '07MONTERREY130');
  assert.equal(record.classification?.classification?.text, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY');
  assert.equal(record.origin?.text, 'Consulate Monterrey');
  assert.deepEqual(record.references?.map((r) => r.text), ['07MONTERREY130', '07MONTERREY58']);
  assert.deepEqual(record.range, { start: { line: 0, character: 0 }, end: { line: 9, character: 28 } });
});

test('a record as a comma-separated row, with the routing header after its last comma', () => {
  const text = '12345,1/25/2008 14:55,08LIMA34,"Embassy Lima",CONFIDENTIAL//NOFORN,08LIMA12,"VZCZCXYZ0000\nPP RUEHWEB\n';
  const cable = cableOf(text);
  assert.equal(cable.record?.rowId?.text, '12345');
  assert.equal(cable.date?.value, '2008-01-25T14:55:00Z');
  assert.equal(cable.refId?.value.text, '08LIMA34');
  assert.equal(at(text, cable.record!.origin!.range), 'Embassy Lima');
  assert.equal(cable.classification?.value.text, 'CONFIDENTIAL//NOFORN');
  assert.deepEqual(cable.record?.references?.map((r) => at(text, r.range)), ['08LIMA12']);
  assert.equal(at(text, cable.routing!.transmissionId!.range), 'VZCZCXYZ0000');
});

test('a malformed record ref id is kept and reported, naming the preamble id', () => {
  const text = [
    '09MEXICO283',
    'A MADE-UP TITLE',
    'Wed Feb 04 00:00:00 +0100 2009',
    'CONFIDENTIAL',
    'Embassy Mexico',
    '190450',
    '2009-02-04 17:08:00',
    '09MEXICO28X',
    'Embassy Mexico',
    'CONFIDENTIAL',
    '',
    'C O N F I D E N T I A L MEXICO 000283',
    '',
    'E.O. 12958: DECL: 02/03/2019',
    'TAGS: PGOV MX',
    'SUBJECT: A MADE-UP CABLE',
    '',
    '1. (C) Text.',
    '',
  ].join('\n');
  const model = parseCableFile(text);
  const cable = model.cables[0];
  assert.equal(model.cables.length, 1);
  assert.equal(cable.preamble?.refId?.refId?.text, '09MEXICO283');
  assert.equal(cable.record?.refId?.text, '09MEXICO28X');
  assert.equal(cable.record?.refId?.refId, undefined);
  const { diagnostics } = validateCableFile(model, DEFAULT_SETTINGS, getDictionaries());
  const cbl101 = diagnostics.filter((d) => d.code === 'CBL101');
  assert.equal(cbl101.length, 1);
  assert.equal(at(text, cbl101[0].range), '09MEXICO28X');
  assert.match(cbl101[0].message, /'09MEXICO28X'.*expected 09MEXICO283, as the preamble gives it/);
});

test('files opening with other headers are still detected as cables', () => {
  const distribution = 'TED3146\nS E C R E T        LIMA 00498\nCXLIMA:\n    ACTION: POL\n    INFO:   RSO AMB DCM\nDISSEMINATION: POL\nCHARGE: PROG\n\nVZCZCLIO880\nPP RUEHC\n';
  assert.ok(looksLikeCable(distribution));
  assert.ok(looksLikeCable('Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDIS\n'));
  assert.ok(looksLikeCable('","C O N F I D E N T I A L SECTION 01 OF 02 LIMA 001775\n'));
  assert.ok(looksLikeCable('                    CONFIDENTIAL     PTQ2529\nPAGE 01        LIMA  05461  01 OF 02  271458Z\nACTION ARA-00\n'));
  assert.ok(looksLikeCable('O 201519Z AUG 06 ZDK\nFM AMEMBASSY LIMA\nTO SECSTATE WASHDC\n'));
  assert.ok(looksLikeCable('12345,1/25/2008 14:55,08LIMA34,"Embassy Lima",CONFIDENTIAL,,"VZCZCXYZ0000\n'));
  // Prose quoting a banner after other words is still no cable.
  assert.equal(looksLikeCable('He wrote C O N F I D E N T I A L SECTION 01 OF 02 on the memo.\n'), false);
});

test('banners after CSV debris, and a letter-spaced banner that lost its first letter', () => {
  assert.equal(parseBannerLine(lineOf('","UNCLAS THE HAGUE 001903'))?.serial?.text, '001903');
  assert.equal(parseBannerLine(lineOf(',UNCLAS LIMA 000034'))?.post?.text, 'LIMA');
  const truncated = parseBannerLine(lineOf('O N F I D E N T I A L SECTION 01 OF 04 LAGOS 000014'))!;
  assert.equal(truncated.classification.level, 'C');
  // Only at the line start: inside prose the same letters are no banner.
  assert.equal(parseBannerLine(lineOf('SAID O N F I D E N T I A L LAGOS 000014')), undefined);
});

test('a retransmitted cable (service signal after the DTG) has a later DE line without a de-dtg-mismatch', () => {
  const text = ROUTING('P R 031719Z MAR 09 ZDS').replace('DE RUEHPE #0357 0351708', 'DE RUEHPE #0357 0771547');
  const { diagnostics } = validateCableFile(parseCableFile(text), DEFAULT_SETTINGS, getDictionaries());
  assert.equal(diagnostics.filter((d) => d.code === 'CBL202').length, 0);
  const plain = text.replace(' ZDS', '');
  assert.equal(validateCableFile(parseCableFile(plain), DEFAULT_SETTINGS, getDictionaries()).diagnostics.filter((d) => d.code === 'CBL202').length, 1);
});
