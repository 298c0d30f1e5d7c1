/** The TAGS field as real copies write it: spellings, glued and repeated codes, debris, controls, names, keywords. */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { Range, TagsField } from '../../server/src/language/model';
import type { Line } from '../../server/src/language/parse/lines';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { isTagsContinuation, parseTags } from '../../server/src/language/parse/tags';
import { lint, withCode } from '../support/ruleHarness';
import { cableOf } from '../support/parsing';
import { lineOf as makeLine } from '../../server/src/language/parse/lines';

const HEAD = 'C O N F I D E N T I A L LIMA 001234\n\nE.O. 12958: DECL: 03/04/2019\n';
const tagsOf = (text: string): TagsField => parseCableFile(text, { fileName: '09LIMA1234.txt' }).cables[0].caption.tags!;
const codes = (field: TagsField) => field.tags.map((t) => t.text);
const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const cable = (tagsLines: string) => `${HEAD}${tagsLines}\nSUBJECT: MINISTER SPEAKS\n\n1. (C) Text.\n`;

describe('TAGS keyword spellings', () => {
  for (const keyword of ['TAGS:', 'TAGS', 'tags:', 'Tags:']) {
    it(`reads '${keyword}'`, () => {
      const field = tagsOf(cable(`${keyword} PGOV PREL PE`));
      assert.equal(field.keyword.text, keyword.replace(':', ''));
      assert.deepEqual(codes(field), ['PGOV', 'PREL', 'PE']);
      assert.deepEqual(field.tags[2].range, at(3, keyword.length + 11, keyword.length + 13));
    });
  }

  // The regex asked of the lead for the `tags` entry of caption.ts KEYS (TAG:, `TAG ECON, …`, TGS: only with a colon).
  const PROPOSED = /^\s*(TAGS(?![A-Za-z])|TAG(?=\s*:|\s+[A-Z]{2,6}(?:[\s,]|$))|TGS(?=\s*:)|[Tt]ags?(?=\s*:))\s*:?/d;
  it('the proposed key pattern takes TAG:, TAG without colon before a code, and TGS:, not prose', () => {
    for (const line of ['TAG: PTER, PREL', ' TAG ECON, KPAL, QA', 'TGS: PGOV', 'tag: pgov', 'TAGS PREL'])
      assert.ok(PROPOSED.test(line), line);
    for (const line of ['TGS) but to leave the journalists', 'TGS "Reproaches," AK Stakes', 'TAGGED BY THE MINISTRY', 'Tag the file'])
      assert.ok(!PROPOSED.test(line), line);
  });
});

describe('TAGS codes', () => {
  it('splits codes run together where both halves are known tags and keeps the word for the fix', () => {
    const field = tagsOf(cable('TAGS: ETRDEINV IZPREL PGOV'));
    assert.deepEqual(codes(field), ['ETRD', 'EINV', 'IZ', 'PREL', 'PGOV']);
    assert.deepEqual(field.tags[1].range, at(3, 10, 14));
    assert.deepEqual(field.tags[3].range, at(3, 17, 21));
    assert.deepEqual(
      field.glued?.map((g) => [g.text, g.parts]),
      [
        ['ETRDEINV', ['ETRD', 'EINV']],
        ['IZPREL', ['IZ', 'PREL']],
      ],
    );
  });

  it('does not split two country codes, nor an acronym such as USEU', () => {
    const field = tagsOf(cable('TAGS: PGOV BC CKGR USEU'));
    assert.deepEqual(codes(field), ['PGOV', 'BC', 'CKGR', 'USEU']);
    assert.equal(field.glued, undefined);
  });

  it('counts a repeated code once, at its first place', () => {
    const field = tagsOf(cable('TAGS: PREL MARR IT MARR IT IZPREL IZPREL'));
    assert.deepEqual(codes(field), ['PREL', 'MARR', 'IT', 'IZ']);
    assert.deepEqual(field.tags[1].range, at(3, 11, 15));
    assert.equal(field.glued?.length, 1);
  });

  it('separates by spaces, commas and semicolons, and reads lower case as written', () => {
    assert.deepEqual(codes(tagsOf(cable('TAGS PGOV,PREL; ECON , PE'))), ['PGOV', 'PREL', 'ECON', 'PE']);
    assert.deepEqual(codes(tagsOf(cable('Tags: pgov, prel, aj'))), ['pgov', 'prel', 'aj']);
  });
});

describe('TAGS continuation lines and debris', () => {
  it('reads wrapped lines of codes, lower case ones and a scraped <br>', () => {
    const field = tagsOf(cable('TAGS: PREL PGOV ECON EUN AF\nKN, MK, SI <br>'));
    assert.deepEqual(codes(field), ['PREL', 'PGOV', 'ECON', 'EUN', 'AF', 'KN', 'MK', 'SI']);
    assert.deepEqual(field.tags[7].range, at(4, 8, 10));
    assert.deepEqual(codes(tagsOf(cable('TAGS: PGOV PREL\n kdem pinr'))), ['PGOV', 'PREL', 'kdem', 'pinr']);
  });

  it('ends the field at SUBJECT, a blank line or a line of prose', () => {
    assert.deepEqual(codes(tagsOf(`${HEAD}TAGS: PGOV PREL\nDISCUSS HAITI AND OTHER ISSUES\n\n1. (C) Text.\n`)), ['PGOV', 'PREL']);
    assert.equal(isTagsContinuation(makeLine(0, 'SY, IS ', 0)), true);
    assert.equal(isTagsContinuation(makeLine(0, 'The minister said so.', 0)), false);
  });

  it('drops a printed page header between the TAGS line and its continuation', () => {
    const field = tagsOf(cable('TAGS: PGOV PREL\nCONFIDENTIAL PAGE 02 LIMA 01234 041523Z\nKDEM PINR PE'));
    assert.deepEqual(codes(field), ['PGOV', 'PREL', 'KDEM', 'PINR', 'PE']);
    assert.deepEqual(field.tags[2].range, at(5, 0, 4));
  });

  it('drops page-header debris, a page number and a section marker on the TAGS line', () => {
    assert.deepEqual(codes(tagsOf(cable('TAGS: PGOV PREL UNCLASSIFIED PAGE 02 STATE 123456'))), ['PGOV', 'PREL']);
    assert.deepEqual(codes(tagsOf(cable('TAGS: PGOV PTQ1234 PREL SECTION 01 OF 02 PE'))), ['PGOV', 'PREL', 'PE']);
  });

  it('keeps SIPDIS apart as a control, not a tag', () => {
    const field = tagsOf(cable('TAGS: PGOV SIPDIS PREL'));
    assert.deepEqual(codes(field), ['PGOV', 'PREL']);
    assert.deepEqual(
      field.controls?.map((c) => [c.text, c.range]),
      [['SIPDIS', at(3, 11, 17)]],
    );
  });
});

describe('TAGS names and keywords', () => {
  it('reads the name after a people tag as one name', () => {
    const field = tagsOf(cable('TAGS: OVIP RICE CONDOLEEZZA PREL PGOV'));
    assert.deepEqual(codes(field), ['OVIP', 'PREL', 'PGOV']);
    assert.deepEqual(
      field.names?.map((n) => [n.text, n.tag, n.range]),
      [['RICE CONDOLEEZZA', 'OVIP', at(3, 11, 27)]],
    );
  });

  it('reads a name with an initial, and a bracketed name with its comma', () => {
    const plain = tagsOf(cable('TAGS: KPAO BUSH GEORGE W SCUL'));
    assert.deepEqual(
      plain.names?.map((n) => n.text),
      ['BUSH GEORGE W'],
    );
    assert.deepEqual(codes(plain), ['KPAO', 'SCUL']);
    const bracketed = tagsOf(cable('TAGS OVIP (BIDEN, JOSEPH R.), PREL, PE'));
    assert.deepEqual(
      bracketed.names?.map((n) => [n.text, n.range]),
      [['BIDEN, JOSEPH R.', at(3, 11, 27)]],
    );
    assert.deepEqual(codes(bracketed), ['OVIP', 'PREL', 'PE']);
  });

  it('takes no name where known tags follow the people tag', () => {
    const field = tagsOf(cable('TAGS: OVIP PINR PGOV PE'));
    assert.equal(field.names, undefined);
    assert.deepEqual(codes(field), ['OVIP', 'PINR', 'PGOV', 'PE']);
  });

  it('reads free-text words as keywords, one per run, split at commas', () => {
    const field = tagsOf(cable('TAGS PREL, KWBG, IS, COUNTERTERRORISM, GOI EXTERNAL'));
    assert.deepEqual(codes(field), ['PREL', 'KWBG', 'IS']);
    assert.deepEqual(
      field.keywords?.map((k) => [k.text, k.range]),
      [
        ['COUNTERTERRORISM', at(3, 21, 37)],
        ['GOI EXTERNAL', at(3, 39, 51)],
      ],
    );
    const typo = tagsOf(cable('TAGS: PREL PARMS HUMAN RIGHTS'));
    assert.deepEqual(codes(typo), ['PREL', 'PARMS']);
    assert.deepEqual(
      typo.keywords?.map((k) => k.text),
      ['HUMAN RIGHTS'],
    );
  });
});

describe('parseTags on a piece of a line', () => {
  it('builds ranges from the piece offset', () => {
    const physical = 'E.O. 12958: DECL: 08/16/2015 TAGS: EMIN PGOV SIPDIS OVIP RICE CONDOLEEZZA';
    const start = physical.indexOf('TAGS');
    const piece: Line = makeLine(7, physical.slice(start), start);
    const field = parseTags([piece], 0, 1);
    assert.deepEqual(field.keyword.range, at(7, start, start + 4));
    assert.deepEqual(
      field.tags.map((t) => [t.text, t.range.start.character]),
      [
        ['EMIN', start + 6],
        ['PGOV', start + 11],
        ['OVIP', start + 23],
      ],
    );
    assert.equal(physical.slice(field.names![0].range.start.character, field.names![0].range.end.character), 'RICE CONDOLEEZZA');
    assert.equal(field.controls![0].range.start.character, start + 16);
  });
});

describe('TAGS rules on what the field holds', () => {
  it('gives no unknown-tag for names, keywords, controls and added codes', () => {
    const text = cable('TAGS: OVIP STEINBERG JAMES SIPDIS PREL OPDC KDRG TC IRAQI FREEDOM');
    assert.deepEqual(withCode(lint(text), 'CBL407'), []);
  });

  it('reports codes run together once, with the space as the fix', () => {
    const text = cable('TAGS: PREL IT IZPREL IZPREL');
    const found = withCode(lint(text), 'CBL407');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /'IZPREL' run together: did you mean IZ PREL \(Iraq \+ /);
    assert.deepEqual(found[0].range, at(3, 14, 20));
  });

  it('still reports an unknown code', () => {
    const found = withCode(lint(cable('TAGS: PGOV QQQQ PE')), 'CBL407');
    assert.deepEqual(
      found.map((d) => d.range),
      [at(3, 11, 15)],
    );
  });
});

test('TAGS: comma-separated, wrapping, without colon', () => {
  const text = 'TAGS PGOV, PREL, ECON,\nPINR, ZI, SA\nSUBJECT: X\n';
  const tags = cableOf(text).caption.tags!;
  assert.deepEqual(
    tags.tags.map((t) => t.text),
    ['PGOV', 'PREL', 'ECON', 'PINR', 'ZI', 'SA'],
  );
  assert.deepEqual(tags.tags[3].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
});
