/**
 * Executive orders from one dictionary: the E.O. rule (CBL402), the E.O. hover, the reasons rule (CBL412) and the
 * reason hovers read the same orders, so they agree on every order (E.O. 10501 was known to the rule and not to
 * the hover), and the day the reasons were renumbered is written once (E.O. 13292's effective date).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { reasonWording } from '../../server/src/language/features/executiveOrders';
import { getLanguageService } from '../../server/src/language/languageService';
import { REASONS_RENUMBERED_ON, reasonFault, reasonSectionFor } from '../../server/src/language/rules/classificationReasons';
import { ALL_RULES } from '../../server/src/language/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { CONFIDENTIAL_CABLE, edit } from '../fixtures/rules/baseCables';
import { lint, withCode } from '../support/ruleHarness';

const { orders } = getDictionaries();
const service = getLanguageService();

/** The cable with `E.O. <number>:` in its E.O. line. */
const citing = (number: string) => edit(CONFIDENTIAL_CABLE, 'E.O. 12958:', `E.O. ${number}:`);

function eoHover(number: string): string {
  const text = citing(number);
  const document = TextDocument.create('file:///w/09MEXICO283.txt', 'cable', 1, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('E.O. '));
  const hover = service.doHover(document, service.parse(document), { line, character: 6 }, DEFAULT_SETTINGS);
  assert.ok(hover, `a hover on E.O. ${number}`);
  return (hover.contents as MarkupContent).value;
}

const NOT_AN_ORDER = /Not one of the orders on classified national security information/;

describe('E.O. 10501', () => {
  it('is an order on classified information in the dictionary: 1953, Eisenhower, replaced by E.O. 11652 in 1972', () => {
    const order = orders.byNumber.get('10501');
    assert.ok(order);
    assert.equal(order.title, 'Safeguarding Official Information in the Interests of the Defense of the United States');
    assert.equal(order.president, 'Dwight D. Eisenhower');
    assert.equal(order.signed, '1953-11-05');
    assert.equal(order.effective, '1953-12-15');
    assert.equal(order.replacedBy, '11652');
    assert.equal(orders.byNumber.get('11652')!.effective.slice(0, 4), '1972');
    assert.equal(order.reasons, undefined, 'it numbered no reasons as 1.4 or 1.5');
  });

  it('gets no CBL402, and its hover names it with its dates and successor instead of saying it is no such order', () => {
    assert.deepEqual(withCode(lint(citing('10501')), 'CBL402'), []);
    const hover = eoHover('10501');
    assert.doesNotMatch(hover, NOT_AN_ORDER);
    assert.match(
      hover,
      /\*\*E\\\.O\\\. 10501\*\* — Safeguarding Official Information in the Interests of the Defense of the United States/,
    );
    assert.match(
      hover,
      /signed 5 November 1953 by Dwight D\\\. Eisenhower; in force from 15 December 1953; replaced by E\\\.O\\\. 11652\\\./,
    );
  });

  it('asks for no Classified By line and checks no §1.4 reasons (the order listed none)', () => {
    const text = edit(citing('10501'), 'Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)\n', '');
    assert.deepEqual(withCode(lint(text), 'CBL411'), []);
    assert.equal(reasonFault('1.4', 'k', '1970-01-02', '10501'), undefined);
  });
});

describe('the E.O. rule and the E.O. hover agree on every order', () => {
  const numbers = [...orders.byNumber.keys(), '12928', '10500', '13000', '99999'];
  for (const number of numbers) {
    it(`E.O. ${number}`, () => {
      const flagged = withCode(lint(citing(number)), 'CBL402').length > 0;
      const unknownToHover = NOT_AN_ORDER.test(eoHover(number));
      assert.equal(flagged, !orders.byNumber.has(number));
      assert.equal(
        unknownToHover,
        flagged,
        `CBL402 ${flagged ? 'fires' : 'is quiet'}, the hover ${unknownToHover ? 'says no such order' : 'names the order'}`,
      );
    });
  }

  it("names in CBL402's message every order it accepts (those that amend another with it), with their years", () => {
    const [diagnostic] = withCode(lint(citing('12928')), 'CBL402');
    assert.equal(
      diagnostic.message,
      'E.O. 12928 is not an order on classification: expected 13526 (from 2010), 12958 (1995–2010, amended by 13292), 12356 (1982–1995), 12065 (1978–1982), 11652 (1972–1978) or 10501 (1953–1972).',
    );
    for (const order of orders.list) assert.ok(diagnostic.message.includes(order.number), order.number);
  });
});

describe('the reasons and their renumbering, from the orders', () => {
  it('derives the sections from the orders that list reasons: §1.5 (a)–(g) from E.O. 12958, §1.4 (a)–(h) from E.O. 13292', () => {
    assert.deepEqual(
      orders.withReasons.map((o) => o.number),
      ['12958', '13292', '13526'],
    );
    assert.deepEqual(orders.sections, [
      { section: '1.5', letters: 'abcdefg', since: '1995-10-14', until: '2003-03-25' },
      { section: '1.4', letters: 'abcdefgh', since: '2003-03-25' },
    ]);
  });

  it('writes the renumbering date once: E.O. 13292 took effect that day, and rule, hover and description read it', () => {
    assert.equal(REASONS_RENUMBERED_ON, orders.byNumber.get('13292')!.effective);
    assert.equal(REASONS_RENUMBERED_ON, '2003-03-25');
    assert.equal(reasonSectionFor('2003-03-24'), '1.5');
    assert.equal(reasonSectionFor('2003-03-25'), '1.4');
    const rule = ALL_RULES.find((r) => r.code === 'CBL412')!;
    assert.equal(rule.description, 'A classification reason outside §1.4 (a)–(h), or §1.5 (a)–(g) in cables before 25 March 2003.');
    assert.match(
      reasonWording('1.4', 'b', { date: '2002-06-01', order: '12958' }, orders).note!,
      /Before 25 March 2003 E\.O\. 12958 listed the reasons in §1\.5/,
    );
  });

  it('words a reason under the order in force: 12958 before 2003, 12958 as amended by 13292 after, 13526 from 2010', () => {
    assert.deepEqual(reasonWording('1.5', 'b', { date: '2001-06-01', order: '12958' }, orders), {
      citation: 'E.O. 12958, §1.5(b)',
      wording: 'foreign government information',
      note: undefined,
    });
    assert.deepEqual(reasonWording('1.4', 'h', { date: '2008-06-01', order: '12958' }, orders), {
      citation: 'E.O. 12958, as amended by E.O. 13292, §1.4(h)',
      wording: 'the development, production, or use of weapons of mass destruction',
      note: 'Added by E.O. 13292 in 2003.',
    });
    assert.deepEqual(reasonWording('1.4', 'd', { date: '2008-06-01', order: '12958' }, orders), {
      citation: 'E.O. 12958, as amended by E.O. 13292, §1.4(d)',
      wording: 'foreign relations or foreign activities of the United States, including confidential sources',
    });
    assert.deepEqual(reasonWording('1.4', 'c', { date: '2010-07-01', order: '12958' }, orders), {
      citation: 'E.O. 13526, §1.4(c)',
      wording: 'intelligence activities (including covert action), intelligence sources or methods, or cryptology',
    });
    assert.equal(reasonWording('1.4', 'c', { date: '2010-01-04', order: '13526' }, orders).citation, 'E.O. 13526, §1.4(c)');
  });

  it('gives every order its sources, and every order with reasons every letter of its section', () => {
    for (const order of orders.list) assert.ok(order.sources.length > 0, order.number);
    for (const order of orders.withReasons) {
      const section = orders.sections.find((s) => s.section === order.reasons!.section)!;
      for (const letter of section.letters)
        assert.ok(orders.category(order, letter), `E.O. ${order.number} §${section.section}(${letter})`);
    }
  });
});
