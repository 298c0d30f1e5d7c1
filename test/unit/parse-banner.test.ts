/**
 * The banner (the classification line) and the lines after it: letter-spaced, sentence-case and glued
 * spellings, UNCLAS with SENSITIVE, sections before or after the serial, controls wherever they stand, and
 * banners behind CSV debris.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBannerLine, bannerClassification, parseBannerLine } from '../../server/src/language/parse/banner';
import type { Line } from '../../server/src/language/parse/lines';
import { cableOf } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

const lineOf = (text: string, index = 0, offset = 0): Line => makeLine(index, text, offset);

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

test('a control of several words is read only as words: REL TO, not the end of QUARREL', () => {
  assert.deepEqual(
    parseBannerLine(lineOf('S E C R E T MEXICO 000283 REL TO USA, GBR'))!.controls.map((c) => c.text),
    ['REL TO'],
  );
  assert.deepEqual(parseBannerLine(lineOf('S E C R E T MEXICO 000283 THE QUARREL TO END ALL QUARRELS'))!.controls, []);
});

test('banner controls mid-line, a serial glued to SIPDIS, SECTION after the serial', () => {
  const glued = parseBannerLine(lineOf('C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDIS'))!;
  assert.equal(glued.serial?.text, '003571');
  assert.deepEqual(
    glued.controls.map((c) => c.text),
    ['SIPDIS'],
  );
  const mid = parseBannerLine(lineOf('UNCLAS SECTION 01 OF 02 LIMA 003571 SIPDIS NOFORN'))!;
  assert.deepEqual(
    mid.controls.map((c) => c.text),
    ['SIPDIS', 'NOFORN'],
  );
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
  const office =
    'SIPDIS NOFORN SIPDIS STATE FOR NEA/IR, EEB A/S SMITH, TREASURY FOR JANE ROE AND JOHN DOE, AND FOR MARY MAJOR AT THE OFFICE';
  assert.ok(addBannerLine(banner, lineOf(office, 2)));
  assert.deepEqual(
    banner.controls.map((c) => c.text),
    ['SIPDIS', 'NOFORN', 'SIPDIS'],
  );
  assert.equal(banner.officeLines[0].text, office.slice(21));
  assert.deepEqual(banner.officeLines[0].range.start, { line: 2, character: 21 });
  assert.equal(bannerClassification(banner).text, 'CONFIDENTIAL//NOFORN');
});

test('banners after CSV debris, and a letter-spaced banner that lost its first letter', () => {
  assert.equal(parseBannerLine(lineOf('","UNCLAS THE HAGUE 001903'))?.serial?.text, '001903');
  assert.equal(parseBannerLine(lineOf(',UNCLAS LIMA 000034'))?.post?.text, 'LIMA');
  const truncated = parseBannerLine(lineOf('O N F I D E N T I A L SECTION 01 OF 04 LAGOS 000014'))!;
  assert.equal(truncated.classification.level, 'C');
  // Only at the line start: inside prose the same letters are no banner.
  assert.equal(parseBannerLine(lineOf('SAID O N F I D E N T I A L LAGOS 000014')), undefined);
});
