/**
 * REF items: every telegram of an item with its exact range, markers, year forms, references that are no
 * telegrams, the REF fields of a cable and its origin, and the features that follow each telegram.
 * Made-up cables in the shape of real ones.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findDefinition, findDocumentLinks, findReferences } from '../../server/src/language/features/links';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';
import type { Range, Reference } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { completeReferenceYears, parseReferenceItems, type RefSegment } from '../../server/src/language/parse/references';
import { cableOf, slice } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

/** One segment per line, the whole line. */
function segmentsOf(...lines: string[]): RefSegment[] {
  return lines.map((text, index) => ({ line: makeLine(index, text, 0), start: 0, end: text.length }));
}

const read = (year: string | undefined, ...lines: string[]) => parseReferenceItems(segmentsOf(...lines), year);
const ids = (items: Reference[]) => items.flatMap((item) => item.cables.map((c) => c.refId));
const range = (line: number, start: number, end: number, endLine = line): Range => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

describe('REF items: every telegram of an item', () => {
  it('reads a shared station and its serials, each with its own range', () => {
    const line = 'A. STATE 12345, 23456';
    const [item] = read('08', line);
    assert.equal(item.kind, 'cable');
    assert.equal(item.letter?.text, 'A');
    assert.deepEqual(item.letter?.range, range(0, 0, 1));
    assert.deepEqual(item.range, range(0, 0, line.length));
    assert.deepEqual(
      item.cables.map((c) => [c.refId, c.text, c.origin, c.serial]),
      [
        ['08STATE12345', 'STATE 12345', 'STATE', '12345'],
        ['08STATE23456', '23456', 'STATE', '23456'],
      ],
    );
    assert.deepEqual(item.cables[0].range, range(0, 3, 14));
    assert.deepEqual(item.cables[1].range, range(0, 16, 21));
    assert.equal(item.refId, '08STATE12345');
    assert.deepEqual(item.refIdRange, range(0, 3, 14));
  });

  it('reads `AND`, semicolon lists, several telegrams in a row and items glued to the previous serial', () => {
    assert.deepEqual(ids(read('09', 'LIMA 12 AND 34')), ['09LIMA12', '09LIMA34']);
    const lettered = read('09', 'A) LIMA 12; B) LIMA 34');
    assert.deepEqual(
      lettered.map((i) => [i.letter?.text, i.text, i.refId]),
      [
        ['A', 'LIMA 12', '09LIMA12'],
        ['B', 'LIMA 34', '09LIMA34'],
      ],
    );
    const glued = read('09', 'A. MEXICO 123B. MEXICO 456');
    assert.deepEqual(
      glued.map((i) => [i.letter?.text, i.refId]),
      [
        ['A', '09MEXICO123'],
        ['B', '09MEXICO456'],
      ],
    );
    assert.deepEqual(glued[1].letter?.range, range(0, 13, 14));
    const unlettered = read('09', 'STATE 112900; PANAMA 00571');
    assert.deepEqual(
      unlettered.map((i) => [i.text, i.refId]),
      [
        ['STATE 112900', '09STATE112900'],
        ['PANAMA 00571', '09PANAMA571'],
      ],
    );
    assert.deepEqual(ids(read('09', 'TEHRAN 1091 MOSCOW 1603')), ['09TEHRAN1091', '09MOSCOW1603']);
    assert.deepEqual(ids(read('07', 'A. 07 ALGIERS 1807 AND 08 ALGIERS 0075')), ['07ALGIERS1807', '08ALGIERS75']);
  });

  it('keeps a telegram wrapped onto the next line, with a range across the break', () => {
    const [item] = read('06', 'F) 05 PARAMARIBO', '   527');
    assert.equal(item.refId, '05PARAMARIBO527');
    assert.deepEqual(item.cables[0].range, range(0, 3, 6, 1));
    assert.equal(item.text, '05 PARAMARIBO 527');
  });

  it('builds ranges on a cut line (offset and start not 0)', () => {
    const text = 'SUBJECT: TALKS REF: A. LIMA 1234 B. LIMA 99';
    const cut = makeLine(7, text.slice(15), 15);
    const items = parseReferenceItems([{ line: cut, start: 4, end: cut.text.length }], '09');
    assert.deepEqual(
      items.map((i) => i.refId),
      ['09LIMA1234', '09LIMA99'],
    );
    assert.deepEqual(items[0].cables[0].range, range(7, 23, 32));
    assert.equal(text.slice(23, 32), 'LIMA 1234');
    assert.deepEqual(items[1].range, range(7, 33, text.length));
  });

  it('leaves page headers that a page break left in the field out of the items', () => {
    const items = read(
      '02',
      'A. STATE 40721',
      ' CONFIDENTIAL',
      'PAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098',
      'ROME 00001196 001.2 OF 002',
    );
    assert.deepEqual(
      items.map((i) => [i.text, i.refId]),
      [
        ['STATE 40721', '02STATE40721'],
        ['ROME 1098', '02ROME1098'],
      ],
    );
  });

  it('ends the field where a glued copy of the record starts', () => {
    const items = read(
      '04',
      'A. STATE 244333',
      '     ¶B. US...',
      '23064 11/19/2004 15:41 04BRUSSELS4944 C O N F I D E N T I A L BRUSSELS 004944 SIPDIS',
    );
    assert.deepEqual(
      items.map((i) => [i.text, i.kind, i.refId]),
      [
        ['STATE 244333', 'cable', '04STATE244333'],
        ['US...', 'other', undefined],
      ],
    );
  });

  it('gives a bare serial the station of the item before, and reads a serial before its station', () => {
    assert.deepEqual(ids(read('07', 'A) SOFIA 1219 B) 1206')), ['07SOFIA1219', '07SOFIA1206']);
    assert.deepEqual(ids(read('07', 'A) 00821 ASMARA')), ['07ASMARA821']);
  });
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
  assert.deepEqual(
    refs.items.map((r) => [r.letter?.text, r.kind, r.refId]),
    [
      ['A', 'cable', '07MEXICO3456'],
      ['B', 'cable', '08STATE74879'],
      ['C', 'cable', '08STATE12345'],
      ['D', 'email', undefined],
    ],
  );
  assert.equal(slice(text, refs.items[0].refIdRange!), '07 MEXICO 3456');
  assert.equal(slice(text, refs.items[1].letter!.range), 'B');
  assert.equal(slice(text, refs.items[1].range).slice(0, 2), 'B)');
});

describe('REF items: markers', () => {
  it('reads A., A), A.), [A], (A), A:, (1), 1. and ¶B.', () => {
    for (const [first, second] of [
      ['A.', 'B.'],
      ['A)', 'B)'],
      ['A.)', 'B.)'],
      ['[A]', '[B]'],
      ['(A)', '(B)'],
      ['A:', 'B:'],
      ['(1)', '(2)'],
      ['1.', '2.'],
      ['A.', '¶B.'],
    ]) {
      const items = read('09', `${first} LIMA 12 ${second} LIMA 34`);
      assert.deepEqual(
        items.map((i) => i.refId),
        ['09LIMA12', '09LIMA34'],
        `${first} ${second}`,
      );
      assert.equal(items[1].letter?.text, second.replace(/[^A-Z0-9]/g, ''));
    }
  });

  it('takes a doubled marker once, and lower-case letters as markers', () => {
    const items = read('06', 'A. A) MEXICO 1963', '     ¶B. B) MEXICO 2409');
    assert.deepEqual(
      items.map((i) => [i.letter?.text, i.refId]),
      [
        ['A', '06MEXICO1963'],
        ['B', '06MEXICO2409'],
      ],
    );
    assert.deepEqual(items[0].range, range(0, 3, 17));
    assert.deepEqual(ids(read('06', 'a) vienna 350 b) vienna 309')), ['06VIENNA350', '06VIENNA309']);
  });

  it('takes no initial for a marker (`O. MOSS`), and drops the keyword said again', () => {
    const [telcon] = read('09', 'TELCON: O. MOSS; J. WALKER');
    assert.equal(telcon.kind, 'call');
    assert.equal(telcon.letter, undefined);
    assert.equal(read('09', 'TELCON: O. MOSS; J. WALKER').length, 1);
    const again = read('01', 'A: VATICAN 05286; REF B: VATICAN 05546');
    assert.deepEqual(
      again.map((i) => [i.letter?.text, i.text]),
      [
        ['A', 'VATICAN 05286'],
        ['B', 'VATICAN 05546'],
      ],
    );
  });
});

describe('REF items: years', () => {
  it('reads every year form, and the cable year when the item gives none', () => {
    const cases: Array<[string, string]> = [
      ['08 STATE 1234', '08STATE1234'],
      ['2008 STATE 1234', '08STATE1234'],
      ["'08 STATE 1234", '08STATE1234'],
      ['(08) STATE 1234', '08STATE1234'],
      ['STATE 1234 (08)', '08STATE1234'],
      ['10-OTTAWA-57', '10OTTAWA57'],
      ['08STATE1234', '08STATE1234'],
      ['STATE 1234', '09STATE1234'],
    ];
    for (const [text, id] of cases) {
      const [item] = read('09', text);
      assert.equal(item.refId, id, text);
      assert.deepEqual(item.cables[0].range, range(0, 0, text.length), text);
    }
    assert.equal(read('09', '08 STATE 1234')[0].cables[0].year, '08');
    assert.equal(read('09', 'STATE 1234')[0].cables[0].year, undefined);
  });

  it('completes ids once the cable year is known', () => {
    const items = read(undefined, 'A. STATE 12345, 23456 B. 07 LIMA 5');
    assert.deepEqual(ids(items), [undefined, undefined, '07LIMA5']);
    completeReferenceYears(items, '08');
    assert.deepEqual(ids(items), ['08STATE12345', '08STATE23456', '07LIMA5']);
    assert.equal(items[0].refId, '08STATE12345');
  });
});

describe('REF items: references that are no telegrams', () => {
  it('keeps each as a reference of its own kind, with no id', () => {
    const cases: Array<[string, Reference['kind']]> = [
      ['JONES-SMITH E-MAIL 05/11/07', 'email'],
      ['DOE/ROE EMAILS 8-11 SEP 06', 'email'],
      ['MEMO OF MAY 5', 'memo'],
      ['AMBASSADOR LETTER TO FM 12 MAY 09', 'letter'],
      ['MEMCON OF 3/4/09', 'memcon'],
      ['IIR 6 123 4567 08', 'report'],
      ['TD-314/12345-06', 'report'],
      ['LIMA DAILY REPORT (APRIL 2 2009)', 'report'],
      ['UNSCR 1737', 'resolution'],
      ['STATE 041708Z FEB 09', 'dtg'],
      ['FEB 24 SMITH-DOE TELCON', 'call'],
      ['PHONE CALL OF 12 JAN', 'call'],
      ['OCTOBER 12 DVC', 'call'],
      ['MEETING OF 3 MARCH', 'meeting'],
      ['FAX OF 12 APRIL', 'fax'],
      ['DEMARCHE OF 12 JAN', 'demarche'],
      ['SECDEF 122723', 'other'],
    ];
    for (const [text, kind] of cases) {
      const [item] = read('10', `B. ${text}`);
      assert.equal(item.kind, kind, text);
      assert.equal(item.text, text);
      assert.deepEqual(item.cables, [], text);
      assert.equal(item.refId, undefined, text);
    }
  });

  it('never makes a station of SECTION, PARA, PAGE, NOTAL, AND or ALSO', () => {
    const items = read('10', 'A. STATE 1234 PARA 5 (NOTAL) AND ALSO 77', 'B. SECTION 2 OF UNSCR 1737 PAGE 3');
    assert.deepEqual(ids(items), ['10STATE1234']);
    assert.equal(items[1].kind, 'resolution');
    assert.ok(!ids(items).some((id) => id && /UNSCR|SECTION|PARA|PAGE|NOTAL|ALSO/.test(id)));
  });

  it('names no station for a redacted post', () => {
    const [item] = read('09', '09 XXXXXXXXXXXX 167');
    assert.equal(item.kind, 'other');
    assert.deepEqual(item.cables, []);
  });
});

describe('the cable: REF fields and origin', () => {
  const header = (ref: string) =>
    `C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571\n\nE.O. 12958: DECL: 08/16/2015\nTAGS: PREL\nSUBJECT: TALKS\n\n${ref}\n\n1. (C) Text.\n`;

  it('reads the REF items of each keyword, with the year of the ref id', () => {
    // Finding the keyword is caption.ts's part (mixed-case `Ref:`, `Refs:` come with its rewrite); the items are this one's.
    for (const keyword of ['REF:', 'REFS:', 'REFTEL:', 'REF(S):', 'REFERENCES:']) {
      const cable = parseCableFile(header(`${keyword} A. STATE 12345, 23456 B. LIMA 77`), { fileName: '05LIMA3571.txt' }).cables[0];
      assert.deepEqual(ids(cable.caption.refs?.items ?? []), ['05STATE12345', '05STATE23456', '05LIMA77'], keyword);
    }
  });

  it('names the origin from the banner post when no preamble, record or FM line does', () => {
    const cable = parseCableFile(header('REF: LIMA 77')).cables[0];
    assert.equal(cable.origin?.value, 'Embassy Lima');
    assert.equal(cable.origin?.source, 'banner');
  });

  it('names the origin from the ref id of the file name when nothing else does', () => {
    const cable = parseCableFile('E.O. 12958: DECL: 08/16/2015\nTAGS: PREL\nSUBJECT: TALKS\n\n1. (C) Text.\n', {
      fileName: '05THEHAGUE12.txt',
    }).cables[0];
    assert.equal(cable.origin?.value, 'Embassy The Hague');
    assert.equal(cable.origin?.source, 'filename');
  });

  it('maps FM lines through the stations dictionary', () => {
    const cases: Array<[string, string]> = [
      ['AMCONSUL MONTERREY', 'Consulate Monterrey'],
      ['SECSTATE WASHDC', 'Secretary of State'],
      ['USMISSION USUN NEW YORK', 'USUN New York'],
      ['USMISSION USNATO', 'Mission USNATO'],
      ['AMCONSUL CALCUTTA', 'Consulate Kolkata'],
      ['AMEMBASSY FARAWAY', 'Embassy Faraway'],
    ];
    for (const [address, label] of cases) {
      const text = `R 011212Z AUG 06\nFM ${address}\nTO SECSTATE WASHDC 1234\nBT\nUNCLAS MONTERREY 000123\n\nSUBJECT: TALKS\n`;
      const cable = parseCableFile(text).cables[0];
      assert.equal(cable.origin?.value, label, address);
      assert.equal(cable.origin?.source, 'routing', address);
    }
  });
});

describe('features: each telegram of an item', () => {
  const citing = 'UNCLASSIFIED LIMA 000900\n\nSUBJECT: TALKS\n\nREF: A. 09 STATE 12345, 23456\n\n1. (U) Text.\n';
  const cited = (serial: string) => `UNCLASSIFIED STATE 0${serial}\n\nSUBJECT: CITED\n\n1. (U) Text.\n`;
  const index = new InMemoryWorkspaceIndex();
  index.setFile('file:///ws/09LIMA900.txt', citing);
  index.setFile('file:///ws/09STATE12345.txt', cited('12345'));
  index.setFile('file:///ws/09STATE23456.txt', cited('23456'));
  const document = TextDocument.create('file:///ws/09LIMA900.txt', 'cable', 1, citing);
  const model = parseCableFile(citing, { fileName: '09LIMA900.txt' });
  const line = 4;

  it('links every telegram at its own range', () => {
    const links = findDocumentLinks(document, model, index);
    assert.deepEqual(
      links.map((l) => [l.range, l.target]),
      [
        [range(line, 8, 22), 'file:///ws/09STATE12345.txt'],
        [range(line, 24, 29), 'file:///ws/09STATE23456.txt'],
      ],
    );
  });

  it('goes to the telegram under the cursor, and finds each one cited', () => {
    assert.deepEqual(
      findDefinition(document, model, { line, character: 26 }, index).map((l) => l.uri),
      ['file:///ws/09STATE23456.txt'],
    );
    assert.deepEqual(
      findDefinition(document, model, { line, character: 12 }, index).map((l) => l.uri),
      ['file:///ws/09STATE12345.txt'],
    );
    const other = TextDocument.create('file:///ws/09STATE23456.txt', 'cable', 1, cited('23456'));
    const otherModel = parseCableFile(cited('23456'), { fileName: '09STATE23456.txt' });
    assert.deepEqual(
      findReferences(other, otherModel, { line: 0, character: 20 }, index).map((l) => [l.uri, l.range]),
      [['file:///ws/09LIMA900.txt', range(line, 24, 29)]],
    );
  });
});
