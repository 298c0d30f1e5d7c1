/**
 * The file as a whole: which text is a cable (files opening with other headers), and where one cable ends
 * and the next begins (several cables in a file, one cable given twice).
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { looksLikeCable } from '../../server/src/language/cableDetection';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

test('files opening with other headers are still detected as cables', () => {
  const distribution =
    'TED3146\nS E C R E T        LIMA 00498\nCXLIMA:\n    ACTION: POL\n    INFO:   RSO AMB DCM\nDISSEMINATION: POL\nCHARGE: PROG\n\nVZCZCLIO880\nPP RUEHC\n';
  assert.ok(looksLikeCable(distribution));
  assert.ok(looksLikeCable('Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDIS\n'));
  assert.ok(looksLikeCable('","C O N F I D E N T I A L SECTION 01 OF 02 LIMA 001775\n'));
  assert.ok(looksLikeCable('                    CONFIDENTIAL     PTQ2529\nPAGE 01        LIMA  05461  01 OF 02  271458Z\nACTION ARA-00\n'));
  assert.ok(looksLikeCable('O 201519Z AUG 06 ZDK\nFM AMEMBASSY LIMA\nTO SECSTATE WASHDC\n'));
  assert.ok(looksLikeCable('12345,1/25/2008 14:55,08LIMA34,"Embassy Lima",CONFIDENTIAL,,"VZCZCXYZ0000\n'));
  // Prose quoting a banner after other words is still no cable.
  assert.equal(looksLikeCable('He wrote C O N F I D E N T I A L SECTION 01 OF 02 on the memo.\n'), false);
});

test('several cables in one file', () => {
  const one = '09MEXICO283\nTITLE\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico\n\n¶1. (C) One.\n';
  const two = '09MEXICO284\nTITLE\nWed Feb 04 00:00:00 +0100 2009\nUNCLASSIFIED\nEmbassy Mexico\n\n¶1. (U) Two.\n';
  const model = parseCableFile(one + '\n' + two);
  assert.deepEqual(
    model.cables.map((c) => c.refId?.value.text),
    ['09MEXICO283', '09MEXICO284'],
  );
  assert.equal(model.cables[1].range.start.line, 8);
});

describe('one cable twice in one file', () => {
  const header = [
    'VZCZCXYZ0013',
    'OO RUEHWEB',
    '',
    'DE RUEHQT #2529 2862026',
    'ZNY CCCCC ZZH',
    'O 132026Z OCT 06',
    'FM AMEMBASSY QUITO',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 5475',
    '',
    'C O N F I D E N T I A L QUITO 002529',
    '',
    'SIPDIS',
    '',
  ];
  const caption = ['E.O. 12958: DECL: 10/13/2016', 'TAGS: PREL EC UNSC', 'SUBJECT: UNSC: GOE STILL UNDECIDED', ''];

  it('a preview followed by the full record is one cable with the full record’s fields', () => {
    const preview = [...header, 'E.O. 12958: DECL: 10/13/2016', 'TAGS: PREL EC UNSC', 'SUBJECT: UNSC: GOE STILL UND...', ''];
    const full = [
      ...header,
      ...caption,
      'Classified By: Ambassador John Doe, reasons 1.4 (b) and (d)',
      '',
      '1. (C) Summary: undecided. End Summary.',
      '',
      '2. (C) More.',
      '',
    ];
    const file = parseCableFile([...preview, '', ...full].join('\n'));
    assert.equal(file.cables.length, 1);
    const cable = file.cables[0];
    assert.equal(cable.caption.subject?.text, 'UNSC: GOE STILL UNDECIDED');
    assert.ok(cable.caption.classifiedBy);
    assert.deepEqual(
      cable.body.paragraphs.map((p) => p.number),
      [1, 2],
    );
    assert.equal(cable.range.start.line, 0);
  });

  it('sections that continue the numbering are one cable with every paragraph', () => {
    const first = [...header, ...caption, '1. (C) One.', '', '2. (C) Two.', ''];
    const second = [...header.map((l) => l.replace('QUITO 002529', 'SECTION 02 OF 02 QUITO 002529')), ...caption, '3. (C) Three.', ''];
    const file = parseCableFile([...first, ...second].join('\n'));
    assert.equal(file.cables.length, 1);
    assert.deepEqual(
      file.cables[0].body.paragraphs.map((p) => p.number),
      [1, 2, 3],
    );
  });

  it('two different cables stay two', () => {
    const other = [...header.map((l) => l.replace('002529', '002530').replace('#2529', '#2530')), ...caption, '1. (C) Other.'];
    const file = parseCableFile([...header, ...caption, '1. (C) One.', '', ...other].join('\n'));
    assert.equal(file.cables.length, 2);
  });
});
