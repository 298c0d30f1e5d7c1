/**
 * The routing header as real cables write it (made-up cables in their shape): DE lines, the security line,
 * date-time groups with two precedences, service text or a lower-case month, older forms (PAGE lines,
 * ACTION/INFO office lists), and a retransmitted cable's later DE line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range } from '../../server/src/language/model';
import type { Line } from '../../server/src/language/parse/lines';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { parseDateTimeGroup, isDateTimeGroupLine } from '../../server/src/language/parse/routing';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { validateCableFile } from '../../server/src/language/rules/validate';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { cableOf } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

const at = (text: string, range: Range) => text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character);
const lineOf = (text: string, index = 0, offset = 0): Line => makeLine(index, text, offset);

const ROUTING = (dtg: string) =>
  `VZCZCXRO1234\nPP RUEHWEB\nDE RUEHPE #0357 0351708\nZNY CCCCC ZZH\n${dtg}\nFM AMEMBASSY LIMA\nTO RUEHC/SECSTATE WASHDC PRIORITY 4318\n\nC O N F I D E N T I A L LIMA 000357\n\nSIPDIS\n\nE.O. 12958: DECL: 02/03/2019\nTAGS: PGOV PE\nSUBJECT: A MADE-UP CABLE\n\n1. (C) Text.\n`;

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
  const extract = cableOf(
    'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n291359Z Nov 00\n',
  );
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
  assert.deepEqual(
    routing.info?.addresses.map((a) => a.name.text),
    ['NSC WASHDC', 'AMEMBASSY NAIROBI'],
  );
});

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

test('a DTG with a lower-case month, on a line cut out of a longer one', () => {
  const dtg = parseDateTimeGroup(lineOf('291359Z Nov 00', 3, 20))!;
  assert.equal(dtg.iso, '2000-11-29T13:59:00Z');
  assert.deepEqual(dtg.range, { start: { line: 3, character: 20 }, end: { line: 3, character: 34 } });
});

test('a retransmitted cable (service signal after the DTG) has a later DE line without a de-dtg-mismatch', () => {
  const text = ROUTING('P R 031719Z MAR 09 ZDS').replace('DE RUEHPE #0357 0351708', 'DE RUEHPE #0357 0771547');
  const { diagnostics } = validateCableFile(parseCableFile(text), DEFAULT_SETTINGS, getDictionaries());
  assert.equal(diagnostics.filter((d) => d.code === 'CBL202').length, 0);
  const plain = text.replace(' ZDS', '');
  assert.equal(
    validateCableFile(parseCableFile(plain), DEFAULT_SETTINGS, getDictionaries()).diagnostics.filter((d) => d.code === 'CBL202').length,
    1,
  );
});
