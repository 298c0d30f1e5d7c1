/**
 * Classified By as people write it: title and name in either order, the reasons in their many spellings, nothing
 * after them; on the field alone and in whole cables (the 1990s form inside paragraph 1).
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { ClassifiedByField, Range } from '../../server/src/language/model';
import { parseClassifiedBy } from '../../server/src/language/parse/classifiedBy';
import type { Line } from '../../server/src/language/parse/lines';
import { reasonFault, reasonSectionFor } from '../../server/src/language/rules/classificationReasons';
import { cableOf, only, textAt } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

/** The field read from `text` (lines split on `\n`), the keyword on the first line. */
function read(text: string, next?: number): { field: ClassifiedByField; lines: Line[] } {
  const lines = text.split('\n').map((line, index) => makeLine(index, line, 0));
  return { field: parseClassifiedBy(lines, 0, next ?? lines.length), lines };
}

/** The text a one-line range covers, the line's own offset taken away. */
function at(lines: Line[], range: Range): string {
  assert.equal(range.start.line, range.end.line, 'a one-line range');
  const line = lines[range.start.line];
  return line.text.slice(range.start.character - line.offset, range.end.character - line.offset);
}

const reasonsOf = (field: ClassifiedByField) => field.reasons.map((r) => `${r.section}(${r.letter})`).join(' ');

test('Classified By spellings', () => {
  const by = (line: string) => cableOf(`${line}\n`).caption.classifiedBy!;
  const upper = by('CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).');
  assert.deepEqual(
    upper.reasons.map((r) => `${r.section}${r.letter}`),
    ['1.5b', '1.5d'],
  );
  assert.equal(upper.title, 'AMBASSADOR');
  assert.equal(upper.name, 'TOM MCDONALD');
  const comma = by('Classified By: CDA John Doe, reasons 1.4 (B/D)');
  assert.deepEqual(
    comma.reasons.map((r) => r.letter),
    ['b', 'd'],
  );
  assert.equal(by('Classified By: Deputy Political Counselor Mark Canning for reasons 1.4 (a) (b) and (c)').reasons.length, 3);
  assert.equal(by('Classified By: Ambassador J. Curtis Struble. Reason: 1.4 (b,d)').reasons.length, 2);
});

describe('parseClassifiedBy: title and name', () => {
  const cases: Array<[string, string | undefined, string | undefined, string]> = [
    ['Classified By: DCM Robert Smith, E.O. 12958, reasons 1.5 (b) and (d)', 'DCM', 'Robert Smith', '1.5(b) 1.5(d)'],
    ['Classified By: Ambassador John Doe Jr. for reasons 1.4 (b) and (d)', 'Ambassador', 'John Doe Jr.', '1.4(b) 1.4(d)'],
    ['Classified By: Ambassador John Q. Doe, Jr., Reason: 1.4 (d)', 'Ambassador', 'John Q. Doe, Jr.', '1.4(d)'],
    ["Classified By: Charge d'Affaires a.i. Bob Jones, reasons 1.4 (b,d)", "Charge d'Affaires a.i.", 'Bob Jones', '1.4(b) 1.4(d)'],
    ['Classified By: Charge’ d’Affaires Bob Jones for Reasons 1.4 (B) and (D)', 'Charge’ d’Affaires', 'Bob Jones', '1.4(b) 1.4(d)'],
    [
      'Classified By: Jane Roe, Acting Political Counselor, for reasons 1.4 (b,d)',
      'Acting Political Counselor',
      'Jane Roe',
      '1.4(b) 1.4(d)',
    ],
    ['CLASSIFIED BY: POLITICAL COUNSELOR JANE ROE BASED UPON REASON 1.4(B) AND (D)', 'POLITICAL COUNSELOR', 'JANE ROE', '1.4(b) 1.4(d)'],
    ['Classified By: Rick Holtzapple, PolOff, Reasons 1.4 B/D', 'PolOff', 'Rick Holtzapple', '1.4(b) 1.4(d)'],
    ['Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)', 'POLCOUNS', 'CHARLES V. BARCLAY', '1.4(b) 1.4(d)'],
    ['Classified By: A/DCM Mary Major for reasons 1.4 (b) and (d).', 'A/DCM', 'Mary Major', '1.4(b) 1.4(d)'],
    ['Classified By: POL/ECON Chief Sam Stone, reasons 1.4 b and d', 'POL/ECON Chief', 'Sam Stone', '1.4(b) 1.4(d)'],
    ['Classified By: Acting DCM Ann Lee; reasons 1.4 (b), (d)', 'Acting DCM', 'Ann Lee', '1.4(b) 1.4(d)'],
    ['Classified By: Consul General Tom Brown for reasons 1.4 (b) & (d)', 'Consul General', 'Tom Brown', '1.4(b) 1.4(d)'],
    ['Classified By: PO Ned Park, reasons 1.4 (B)(D)', 'PO', 'Ned Park', '1.4(b) 1.4(d)'],
    ['Classified By: A/S Lou Gray per 1.4 (b,d)', 'A/S', 'Lou Gray', '1.4(b) 1.4(d)'],
    ['Classified By: Charge Tim Ford, reasons 1.5(b)&(d)', 'Charge', 'Tim Ford', '1.5(b) 1.5(d)'],
    [
      'Classified By: Bo Hart, Consul General, Consulate Lahore, Department of State. REASON: 1.4 (b), (d)',
      'Consul General',
      'Bo Hart',
      '1.4(b) 1.4(d)',
    ],
    ['Classified By: Kim Ward, Ambassador, State, EXEC; REASON: 1.4(B), (D)', 'Ambassador', 'Kim Ward', '1.4(b) 1.4(d)'],
    ['Classified By: NAS Director Al Kent for Reason 1.4 (B, D)', 'NAS Director', 'Al Kent', '1.4(b) 1.4(d)'],
    ['Classified By: Poloff Al Kent and DTRA Bo Hart for reasons 1.4 (b, d).', 'Poloff', 'Al Kent', '1.4(b) 1.4(d)'],
    ['Classified By: Classified by CDA Ed Moss for reason 1.4(d.)', 'CDA', 'Ed Moss', '1.4(d)'],
    ['Classified By: AMBASSADOR. REASON 1.5(B,D).', 'AMBASSADOR', undefined, '1.5(b) 1.5(d)'],
    ['Classified By: XXXXXXXXXXXX for reasons 1.4(b,d).', undefined, undefined, '1.4(b) 1.4(d)'],
    ['Classified By: Political...', undefined, undefined, ''],
    ['Classified By: AMB JOHN E. DOE,...', 'AMB', 'JOHN E. DOE', ''],
  ];
  for (const [text, title, name, reasons] of cases) {
    it(text.slice(15), () => {
      const { field } = read(text);
      assert.equal(field.title, title);
      assert.equal(field.name, name);
      assert.equal(reasonsOf(field), reasons);
    });
  }

  it('agency words are not names', () => {
    assert.equal(read('Classified By: Department of State, for reasons 1.4 (d)').field.name, undefined);
    assert.equal(read('Classified By: Ambassador Jo Doe, Embassy Lima, for reasons 1.4 (d)').field.name, 'Jo Doe');
  });

  it('a name wrapped onto the next line, the reasons on a third', () => {
    const { field, lines } = read('Classified by: Uma Zed, Deputy Executive\nSecretary, S/ES, Department of State.  Reason 1.4 (d).');
    assert.equal(field.name, 'Uma Zed');
    assert.equal(field.title, 'Deputy Executive Secretary');
    assert.equal(field.authority?.text, 'Uma Zed, Deputy Executive Secretary, S/ES, Department of State');
    assert.deepEqual(field.authority?.range, { start: { line: 0, character: 15 }, end: { line: 1, character: 36 } });
    assert.equal(at(lines, field.reasons[0].range), '(d)');
    assert.equal(at(lines, field.reasonsRange!), 'Reason 1.4 (d)');
  });

  it('a word cut by the line wrap: `FOR REAS` / `ONS 1.4 B/D`', () => {
    const { field, lines } = read('Classified By: POLITICAL COUNSELOR JO DOE, FOR REAS\nONS 1.4 B/D');
    assert.equal(field.name, 'JO DOE');
    assert.equal(field.title, 'POLITICAL COUNSELOR');
    assert.deepEqual(
      field.reasons.map((r) => at(lines, r.range)),
      ['B', 'D'],
    );
  });

  it('a name never holds a title word', () => {
    for (const [text] of cases) {
      const name = read(text).field.name ?? '';
      assert.doesNotMatch(name, /\b(?:Ambassador|DCM|CDA|Charge|Counselor|PolOff|Poloff|Director|reasons?|for|per|State)\b/i, text);
    }
  });
});

describe('parseClassifiedBy: reasons', () => {
  const spellings: Array<[string, string[]]> = [
    ['1.4 (b,d)', ['b', 'd']],
    ['1.4 b and d', ['b', 'd']],
    ['1.4(b/ d)', ['b', 'd']],
    ['1.5 (B) AND (D)', ['(B)', '(D)']],
    ['1.4(b), (d)', ['(b)', '(d)']],
    ['1.4 (B)(D)', ['(B)', '(D)']],
    ['1.5(b)&(d)', ['(b)', '(d)']],
    ['1.4 (b) & (d)', ['(b)', '(d)']],
    ['1.4 b, d', ['b', 'd']],
    ['E.O. 12958 1.4 (b) and (d)', ['(b)', '(d)']],
    ['1.4 (b) a nd (d)', ['(b)', '(d)']],
    ['1.4 (b, c, and d)', ['b', 'c', 'd']],
    ['1 .4(b) and (d)', ['(b)', '(d)']],
  ];
  for (const [reasons, texts] of spellings) {
    it(reasons, () => {
      const { field, lines } = read(`Classified By: DCM Al Kent, reasons ${reasons}`);
      assert.deepEqual(
        field.reasons.map((r) => r.letter),
        texts.map((t) => t.replace(/[()]/g, '').toLowerCase()),
      );
      assert.deepEqual(
        field.reasons.map((r) => at(lines, r.range)),
        texts,
      );
      assert.equal(field.name, 'Al Kent');
    });
  }

  it('never takes a letter from the next paragraph’s marking, nor from words', () => {
    const flat = read('Classified By: DCM Al Kent, reasons 1.4(b) and (d). 2. (S) The minister said').field;
    assert.equal(reasonsOf(flat), '1.4(b) 1.4(d)');
    const wrapped = read('Classified By: DCM Al Kent, reasons 1.4(b) and (d).\n2. (S) The minister said', 1).field;
    assert.equal(reasonsOf(wrapped), '1.4(b) 1.4(d)');
    assert.equal(reasonsOf(read('Classified By: DCM Al Kent, reasons 1.4 (b) and (d) (C) The minister said').field), '1.4(b) 1.4(d)');
    assert.equal(reasonsOf(read('Classified By: DCM Al Kent, reasons 1.4 (d) A meeting followed').field), '1.4(d)');
    assert.equal(reasonsOf(read("Classified By: Charge d'Affaires a.i. Bo Hart, reasons 1.4 (d)").field), '1.4(d)');
  });

  it('reasons after a blank line, when the field ends with `Reasons`', () => {
    const { field, lines } = read('Classified By: Political Counselor Jo Doe. Reasons\n\n1.4 (b) and (d).\n\n1. (C) Summary.', 1);
    assert.equal(field.name, 'Jo Doe');
    assert.deepEqual(
      field.reasons.map((r) => [r.range.start.line, at(lines, r.range)]),
      [
        [2, '(b)'],
        [2, '(d)'],
      ],
    );
  });

  it('ends the field at the reasons: nothing after them is part of it', () => {
    const { field, lines } = read('Classified By: CG Al Kent, Strasbourg, State. REASON: 1.4 (b), (d) This is an action request.');
    assert.equal(at(lines, field.range), 'Classified By: CG Al Kent, Strasbourg, State. REASON: 1.4 (b), (d)');
    assert.equal(field.name, 'Al Kent');
    assert.equal(field.title, 'CG');
  });
});

describe('Classified By inside paragraph 1 (the 1990s form)', () => {
  const text = [
    'C O N F I D E N T I A L ANKARA 008305',
    '',
    'E.O. 12958: DECL: 11/14/2012',
    'TAGS: PTER TU',
    'SUBJECT: TALKS ON TERRORISM',
    '',
    '1. (U) CLASSIFIED BY DEPUTY POLITICAL COUNSELOR JOHN DOE. REASON: 1.5 (D).',
    '',
    '2. (C) The talks went well.',
  ].join('\n');
  const cable = only(text);

  it('is the cable’s Classified By, with its reason', () => {
    const field = cable.caption.classifiedBy;
    assert.ok(field);
    assert.equal(textAt(text, field.keyword.range), 'CLASSIFIED BY');
    assert.deepEqual(
      field.reasons.map((r) => `${r.section}(${r.letter})`),
      ['1.5(d)'],
    );
  });

  it('and paragraph 1 stays a paragraph', () => {
    assert.deepEqual(
      cable.body.paragraphs.map((p) => p.number),
      [1, 2],
    );
  });
});

describe('parseClassifiedBy: the 1990s form in paragraph 1', () => {
  // The reader hands a Line from `CLASSIFIED BY` to the end of the physical line: its offset is not 0.
  const physical = '1. (U) CLASSIFIED BY DEPUTY POLITICAL COUNSELOR JOHN DOE. REASON: 1.5 (D). 2. (C) SUMMARY: THE MINISTER SAID';
  const start = physical.indexOf('CLASSIFIED');
  const line: Line = makeLine(7, physical.slice(start), start);

  it('reads title, name and reasons and stops at the reasons', () => {
    const field = parseClassifiedBy([line], 0, 1);
    assert.equal(field.title, 'DEPUTY POLITICAL COUNSELOR');
    assert.equal(field.name, 'JOHN DOE');
    assert.equal(reasonsOf(field), '1.5(d)');
    assert.deepEqual(field.keyword.range, { start: { line: 7, character: start }, end: { line: 7, character: start + 13 } });
    assert.equal(
      physical.slice(field.range.start.character, field.range.end.character),
      'CLASSIFIED BY DEPUTY POLITICAL COUNSELOR JOHN DOE. REASON: 1.5 (D)',
    );
    assert.equal(physical.slice(field.reasons[0].range.start.character, field.reasons[0].range.end.character), '(D)');
    assert.equal(
      physical.slice(field.authority!.range.start.character, field.authority!.range.end.character),
      'DEPUTY POLITICAL COUNSELOR JOHN DOE',
    );
  });

  it('prose straight after the reasons, or no reasons at all', () => {
    const prose = '(U) CLASSIFIED BY AMBASSADOR JANE ROE. REASON: 1.5 (B) AND (D). THE MINISTER SAID';
    const field = parseClassifiedBy([makeLine(0, prose, 0)], 0, 1);
    assert.equal(reasonsOf(field), '1.5(b) 1.5(d)');
    assert.equal(prose.slice(0, field.range.end.character), '(U) CLASSIFIED BY AMBASSADOR JANE ROE. REASON: 1.5 (B) AND (D)');
    const bare = 'CLASSIFIED BY AMBASSADOR JANE ROE. THE MINISTER SAID SO.';
    const noReasons = parseClassifiedBy([makeLine(0, bare, 0)], 0, 1);
    assert.equal(noReasons.name, 'JANE ROE');
    assert.equal(bare.slice(0, noReasons.range.end.character), 'CLASSIFIED BY AMBASSADOR JANE ROE.');
  });
});

describe('reasonFault: true for the cable’s date and order', () => {
  it('says nothing for cables under older orders or dated before E.O. 12958', () => {
    assert.equal(reasonFault('1.4', 'b', '1973-04-02', '11652'), undefined);
    assert.equal(reasonFault('1.4', 'b', '1988-01-02', '12958'), undefined);
    assert.equal(reasonFault('1.5', 'h', '1984-05-01', '12356'), undefined);
  });

  it('expects §1.5 between 1995 and the renumbering, and known letters', () => {
    assert.match(reasonFault('1.4', 'b', '2001-06-01', '12958')!, /listed in §1\.5 until 25 MAR 2003; expected 1\.5\(b\)/);
    assert.match(reasonFault('1.5', 'h', '2001-06-01', '12958')!, /§1\.5 lists \(a\)–\(g\)/);
    assert.match(reasonFault('1.4', 'x', '2008-06-01', '12958')!, /§1\.4 lists \(a\)–\(h\)/);
    assert.equal(reasonFault('1.4', 'h', '2008-06-01', '12958'), undefined);
  });

  it('the Classified By example cites the section of the cable’s date', () => {
    assert.equal(reasonSectionFor('2001-06-01'), '1.5');
    assert.equal(reasonSectionFor('2008-06-01'), '1.4');
    assert.equal(reasonSectionFor('1988-01-02'), '1.4');
  });
});

describe('parseClassifiedBy: reasons on a line of their own after a blank line', () => {
  it('reads `REASON: 1.4 …` after the authority’s sentence', () => {
    const { field, lines } = read(
      'CLASSIFIED BY: Al Kent, Acting Principal Officer, Consulate Lahore, US DoS.\n\nREASON: 1.4 (b), (d)\n\n1. (C) Summary.',
      1,
    );
    assert.equal(field.name, 'Al Kent');
    assert.equal(field.title, 'Acting Principal Officer');
    assert.deepEqual(
      field.reasons.map((r) => [r.range.start.line, at(lines, r.range)]),
      [
        [2, '(b)'],
        [2, '(d)'],
      ],
    );
  });

  it('leaves a bare section after a finished sentence to the body', () => {
    const { field } = read('Classified By: Ambassador Jo Doe.\n\n1.4 percent of the vote went to the party.', 1);
    assert.equal(field.reasons.length, 0);
    assert.equal(field.range.end.line, 0);
  });
});
