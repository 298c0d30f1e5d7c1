/**
 * The metadata preamble and the record (cables.csv row) in every layout real copies write: row id lines,
 * tabs and continuation backslashes, key-value and <<row id>> records, fields spaced by blank lines or run
 * together with commas, an origin that looks like a classification, a malformed record ref id.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { validateCableFile } from '../../server/src/language/rules/validate';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { cableOf, slice } from '../support/parsing';

/** The text under a one-line range (`slice` and `at` are the same; the tests came from two files). */
const at = slice;

test('cables.csv record with a row id line', () => {
  const text = '86237\n2006-11-17 23:37:00\n06MEXICO6546\nEmbassy Mexico\nCONFIDENTIAL\n06MEXICO5318|06MEXICO6278\nVZCZCXRO2895\n';
  const cable = cableOf(text);
  assert.equal(cable.record?.rowId?.text, '86237');
  assert.equal(cable.refId?.value.text, '06MEXICO6546');
  assert.equal(cable.refId?.source, 'record');
  assert.deepEqual(
    cable.record?.references?.map((r) => r.text),
    ['06MEXICO5318', '06MEXICO6278'],
  );
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
  const kv = cableOf(
    'id: 81871\ndate: 10/13/2006 20:26\nrefid: 06QUITO2529\norigin: Embassy Quito\nclassification: CONFIDENTIAL//NOFORN\ndestination: 06STATE171921\nheader:\nVZCZCXYZ0013\n',
  );
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

test('a record whose fields are spaced by blank lines, classification before origin', () => {
  const text =
    '97717\n2007-02-22 17:23:00\n\n07MONTERREY130\n\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n\nConsulate Monterrey\n\n07MONTERREY130|07MONTERREY58\nVZCZCXRO4991\n';
  const record = cableOf(text).record!;
  assert.equal(record.refId?.refId?.text, '07MONTERREY130');
  assert.equal(record.classification?.classification?.text, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY');
  assert.equal(record.origin?.text, 'Consulate Monterrey');
  assert.deepEqual(
    record.references?.map((r) => r.text),
    ['07MONTERREY130', '07MONTERREY58'],
  );
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
  assert.deepEqual(
    cable.record?.references?.map((r) => at(text, r.range)),
    ['08LIMA12'],
  );
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
