/**
 * The caption: the E.O. line in its spellings, and caption items wherever they stand: after another item on
 * the same line, glued to the previous word, in a header whose line breaks were lost; where the subject
 * ends; keyword spellings, E.O. and DECL apart. TAGS, REF and Classified By have files of their own.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { cableOf, only, textAt } from '../support/parsing';

const EXTRACT = 'This record is a partial extract of the original cable. The full text of the original cable is not available.';

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

describe('caption items after another item on the same line', () => {
  const text = [
    EXTRACT,
    '',
    'C O N F I D E N T I A L LIMA 001234 ',
    '',
    'SIPDIS ',
    '',
    'E.O. 12958: DECL: 12/17/2014 TAGS: ETRD EINV PGOV PE',
    '',
    'SUBJECT: MINISTER DEFENDS TRADE POLICY REF: LIMA 1122 Classified By: Political Counselor Jane Roe. Reasons 1.4(b) and (d) ',
    '',
    '¶1. (C) Summary: The minister defended the policy. End Summary.',
  ].join('\n');
  const cable = only(text);
  const { eo, tags, subject, refs, classifiedBy } = cable.caption;

  it('ends the E.O. line where TAGS begins, and reads both', () => {
    assert.equal(eo?.declIso, '2014-12-17');
    assert.equal(textAt(text, eo?.range), 'E.O. 12958: DECL: 12/17/2014');
    assert.deepEqual(
      tags?.tags.map((t) => t.text),
      ['ETRD', 'EINV', 'PGOV', 'PE'],
    );
    assert.equal(textAt(text, tags?.keyword.range), 'TAGS');
  });

  it('ends the subject where REF begins, and REF where Classified By begins', () => {
    assert.equal(subject?.text, 'MINISTER DEFENDS TRADE POLICY');
    assert.equal(textAt(text, subject?.textRange), 'MINISTER DEFENDS TRADE POLICY');
    assert.equal(refs?.items.length, 1);
    assert.equal(refs?.items[0].kind, 'cable');
    assert.equal(textAt(text, refs?.keyword.range), 'REF');
    assert.equal(textAt(text, classifiedBy?.keyword.range), 'Classified By');
    assert.deepEqual(
      classifiedBy?.reasons.map((r) => `${r.section}(${r.letter})`),
      ['1.4(b)', '1.4(d)'],
    );
  });

  it('keeps the paragraphs after the caption', () => {
    assert.equal(cable.body.paragraphs.length, 1);
    assert.equal(cable.body.paragraphs[0].marking?.text, 'C');
  });
});

describe('a whole header run together, words glued', () => {
  const text = [
    EXTRACT,
    '',
    'Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDISEB FOR A/S SMITHE.O. 12958: DECL: 08/16/2015TAGS: EMIN PGOV SNAR',
    ' ',
    'Classified By: Ambassador John Doe. Reason: 1.4 (b,d) ',
    ' ',
    '¶1. (SBU) Summary: Protests went on. End Summary.',
  ].join('\n');
  const cable = only(text);

  it('reads the extract stamp as the date', () => {
    assert.equal(cable.date?.value, '2005-08-17T21:24:00Z');
    assert.equal(cable.date?.source, 'extract');
  });

  it('reads the banner, the E.O. glued to the office line and the TAGS glued to the date', () => {
    assert.equal(cable.classification?.value.text, 'CONFIDENTIAL');
    assert.equal(cable.caption.eo?.order?.text, '12958');
    assert.equal(cable.caption.eo?.declIso, '2015-08-16');
    assert.equal(textAt(text, cable.caption.eo?.keyword.range), 'E.O.');
    assert.deepEqual(
      cable.caption.tags?.tags.map((t) => t.text),
      ['EMIN', 'PGOV', 'SNAR'],
    );
  });

  it('takes the ref id from the banner and the stamp’s year', () => {
    assert.equal(cable.refId?.value.text, '05LIMA3571');
  });
});

describe('items after the banner’s office lines, and the first paragraph after the caption', () => {
  const text = [
    'C O N F I D E N T I A L BRASILIA 000676 ',
    '',
    'SIPDIS DEPT FOR WHA/BSC E.O. 12958: DECL: 03/19/2014 TAGS: PREL MARR BR',
    'SUBJECT: BRAZIL ON UN PEACEKEEPING REF: A. STATE 56282 B. BRASILIA 616 Classified By: AMBASSADOR JOHN DOE. REASONS: 1.5 (b) (d) ¶1. (C) Summary. On 19 March the minister spoke.',
    '',
    '¶2. (C) More text.',
  ].join('\n');
  const cable = only(text);

  it('reads the E.O. after the office line', () => {
    assert.equal(cable.caption.eo?.declIso, '2014-03-19');
  });

  it('starts paragraph 1 where it stands on the caption’s line', () => {
    assert.deepEqual(
      cable.body.paragraphs.map((p) => p.number),
      [1, 2],
    );
    const first = cable.body.paragraphs[0];
    assert.equal(textAt(text, first.numberToken.range), '¶1.');
    assert.equal(first.marking?.text, 'C');
  });

  it('ends REF before Classified By', () => {
    assert.equal(cable.caption.refs?.items.length, 2);
    assert.ok(cable.caption.classifiedBy);
    assert.equal(cable.caption.subject?.text, 'BRAZIL ON UN PEACEKEEPING');
  });
});

describe('where the subject ends', () => {
  const subjectOf = (lines: string[]) =>
    only(['UNCLAS SECTION 01 OF 02 ROME 001234', '', 'E.O. 12958: N/A', 'TAGS: PGOV IT', ...lines].join('\n')).caption.subject?.text;

  it('at a section marker on the next line', () => {
    assert.equal(subjectOf(['SUBJECT: ELECTIONS IN THE NORTH', 'ROME 00001234 001.2 OF 002', '1. Text.']), 'ELECTIONS IN THE NORTH');
  });

  it('at a dashed rule', () => {
    assert.equal(subjectOf(['SUBJECT: ELECTIONS IN THE NORTH', '-------------------', '1. Text.']), 'ELECTIONS IN THE NORTH');
  });

  it('at a handling notice on the same line', () => {
    assert.equal(
      subjectOf(['SUBJECT: ELECTIONS IN THE NORTH Sensitive but unclassified - please handle accordingly', '', '1. Text.']),
      'ELECTIONS IN THE NORTH',
    );
  });

  it('not in the middle of the next sentence under an upper-case subject', () => {
    assert.equal(
      subjectOf(['SUBJECT: ELECTIONS IN THE NORTH', 'The ruling party won the vote in every province.', '', '1. Text.']),
      'ELECTIONS IN THE NORTH',
    );
  });

  it('wraps onto an upper-case continuation line', () => {
    assert.equal(subjectOf(['SUBJECT: ELECTIONS IN THE NORTH', 'AND THE SOUTH', '', '1. Text.']), 'ELECTIONS IN THE NORTH AND THE SOUTH');
  });

  it('takes the text after a blank line when SUBJECT: is empty', () => {
    assert.equal(subjectOf(['SUBJECT:', '', 'ELECTIONS IN THE NORTH', '', '1. Text.']), 'ELECTIONS IN THE NORTH');
  });

  it('reads SUBJECT without its colon', () => {
    assert.equal(subjectOf(['SUBJECT ELECTIONS IN THE NORTH', '', '1. Text.']), 'ELECTIONS IN THE NORTH');
  });
});

describe('keyword spellings and split lines', () => {
  const captionOf = (lines: string[]) =>
    only(['C O N F I D E N T I A L ROME 001234', '', ...lines, 'SUBJECT: TALKS', '', '1. (C) Text.'].join('\n')).caption;

  it('reads E.O. and DECL on separate lines', () => {
    const text = [
      'C O N F I D E N T I A L ROME 001234',
      '',
      'E.O. 12958:',
      'DECL: 05/05/2015',
      'TAGS: PREL IT',
      'SUBJECT: TALKS',
      '',
      '1. (C) Text.',
    ].join('\n');
    const eo = only(text).caption.eo;
    assert.equal(eo?.declIso, '2015-05-05');
    assert.equal(textAt(text, eo?.decl?.range), '05/05/2015');
    assert.equal(textAt(text, eo?.range), 'E.O. 12958:\nDECL: 05/05/2015');
  });

  it('reads E.0. with a zero, as typed', () => {
    assert.equal(captionOf(['E.0. 12958: DECL: 03/05/11', 'TAGS: PREL IT']).eo?.order?.text, '12958');
  });

  for (const keyword of ['TAGS:', 'Tags:', 'TAG:', 'TGS:', 'tags:']) {
    it(`reads TAGS spelt ${keyword}`, () => {
      assert.deepEqual(
        captionOf(['E.O. 12958: DECL: 03/05/2011', `${keyword} PREL IT`]).tags?.tags.map((t) => t.text),
        ['PREL', 'IT'],
      );
    });
  }

  it('reads Refs: and Ref(s): in mixed case', () => {
    const refsOf = (keyword: string) =>
      only(
        [
          'C O N F I D E N T I A L ROME 001234',
          '',
          'E.O. 12958: DECL: 03/05/2011',
          'TAGS: PREL IT',
          'SUBJECT: TALKS',
          `${keyword} ROME 1122`,
          '',
          '1. (C) Text.',
        ].join('\n'),
      ).caption.refs;
    assert.equal(refsOf('Refs:')?.items.length, 1);
    assert.equal(refsOf('Ref(s):')?.items.length, 1);
  });

  it('leaves E.O. numbers in prose alone', () => {
    const cable = only(
      [
        'C O N F I D E N T I A L ROME 001234',
        '',
        'E.O. 12958: DECL: 03/05/2011',
        'TAGS: PREL IT',
        'SUBJECT: TALKS',
        '',
        '1. (C) The designation pursuant to E.O. 13460 drew comment. REF: nothing.',
      ].join('\n'),
    );
    assert.equal(cable.caption.eo?.order?.text, '12958');
    assert.equal(cable.caption.refs, undefined);
  });
});
