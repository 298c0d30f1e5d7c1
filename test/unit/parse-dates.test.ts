/** Dates outside the routing header: the partial extract's date line. (Date-time groups are in parse-routing.) */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { only } from '../support/parsing';

const EXTRACT = 'This record is a partial extract of the original cable. The full text of the original cable is not available.';

describe('the partial extract’s date line', () => {
  it('reads `Wednesday, 29 November 2000, 13:59` as the date', () => {
    const cable = only(
      [
        EXTRACT,
        '',
        'Wednesday, 29 November 2000, 13:59',
        'C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677',
        '',
        'E.O. 12958: DECL: 11/28/10',
        'TAGS: PREL ZI',
        'SUBJECT: TALKS',
        '',
        '1. (C) Text.',
      ].join('\n'),
    );
    assert.equal(cable.date?.value, '2000-11-29T13:59:00Z');
    assert.equal(cable.refId?.value.text, '00HARARE6677');
  });
});
