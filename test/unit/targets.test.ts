/**
 * `targetAt`: what lies at a position, one case per target kind on a made-up cable in the shape of real ones,
 * with the exact range of each. The cases are a table keyed by kind, so a new kind needs its case here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../../server/src/language/model';
import { targetAt, type TargetKind } from '../../server/src/language/features/targets';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

const CABLE = [
  '97717',
  '2007-02-22 17:23:00',
  '07MONTERREY130',
  'Consulate Monterrey',
  'CONFIDENTIAL',
  '07MONTERREY58|07MONTERREY99',
  'VZCZCXRO4991',
  'RR RUEHWEB',
  'DE RUEHMC #0130/01 0531723',
  'ZNY CCCCC ZZH',
  'R 221723Z FEB 07',
  'FM AMCONSUL MONTERREY',
  'TO RUEHC/SECSTATE WASHDC 1234',
  '',
  'C O N F I D E N T I A L SECTION 01 OF 02 MONTERREY 000130',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 02/22/2017',
  'TAGS: PGOV SNAR OVIP (CALDERON, FELIPE) MX MERIDA INITIATIVE',
  'SUBJECT: CARTEL VIOLENCE IN NUEVO LEON',
  '',
  'REF: A. MONTERREY 45',
  '',
  'Classified By: Consul General Bruce Williamson. Reasons 1.4(b) and (d)',
  '',
  '1. (C) Summary. The Federal Investigative Agency (AFI) arrested ten people, as reftel foresaw. End Summary.',
  '',
  '2. (C) The state police met the AFI, as 06MONTERREY877 reported.',
  '',
  'MONTERREY 00000130 002 OF 002',
  '',
  '3. (U) The meeting ended.',
  '',
  'CONFIDENTIAL',
  '',
].join('\n');

const document = TextDocument.create('file:///c/07MONTERREY130.txt', 'cable', 1, CABLE);
const model = parseCableFile(CABLE, { fileName: document.uri });
const lines = CABLE.split('\n');

/** Where to put the cursor: on `at` (its first character) on the first line that holds `line`, from line `after` on. */
interface Case {
  line: string;
  at: string;
  /** The text the target's range covers, on the same line; `at` when absent. */
  covers?: string;
  after?: number;
}

function rangeOf({ line, at, covers, after = 0 }: Case): { position: Range['start']; range: Range } {
  const index = lines.findIndex((l, i) => i >= after && l.includes(line));
  assert.ok(index >= 0, `no line with ${line}`);
  const character = lines[index].indexOf(at);
  const start = lines[index].indexOf(covers ?? at);
  assert.ok(character >= 0 && start >= 0, `no ${at} on ${line}`);
  const text = covers ?? at;
  return {
    position: { line: index, character },
    range: { start: { line: index, character: start }, end: { line: index, character: start + text.length } },
  };
}

const CASES = {
  tag: { line: 'TAGS:', at: 'PGOV' },
  tagName: { line: 'TAGS:', at: 'CALDERON', covers: 'CALDERON, FELIPE' },
  tagKeyword: { line: 'TAGS:', at: 'MERIDA', covers: 'MERIDA INITIATIVE' },
  word: { line: '1. (C)', at: 'AFI' },
  marking: { line: '1. (C)', at: '(C)' },
  classification: { line: 'C O N F I D', at: 'C O N F I D E N T I A L' },
  control: { line: 'SIPDIS', at: 'SIPDIS' },
  reason: { line: 'Classified By', at: '(b)' },
  reasons: { line: 'Classified By', at: 'Reasons', covers: 'Reasons 1.4' },
  routingIndicator: { line: 'RR RUEHWEB', at: 'RUEHWEB' },
  precedence: { line: 'RR RUEHWEB', at: 'RR' },
  deLine: { line: 'DE RUEHMC', at: '0531723' },
  dtg: { line: 'R 221723Z', at: '221723Z', covers: '221723Z FEB 07' },
  securityLine: { line: 'ZNY', at: 'ZNY' },
  transmissionId: { line: 'VZCZC', at: 'VZCZCXRO4991' },
  addressList: { line: 'FM AMCONSUL', at: 'FM' },
  executiveOrder: { line: 'E.O. 12958', at: 'E.O.', covers: 'E.O. 12958' },
  decl: { line: 'E.O. 12958', at: 'DECL' },
  reference: { line: 'REF: A.', at: 'MONTERREY 45', covers: 'A. MONTERREY 45' },
  refId: { line: '07MONTERREY58|', at: '07MONTERREY99' },
  reftel: { line: '1. (C)', at: 'reftel' },
  section: { line: 'MONTERREY 00000130', at: '002 OF', covers: 'MONTERREY 00000130 002 OF 002' },
} satisfies Record<TargetKind, Case>;

for (const [kind, place] of Object.entries(CASES)) {
  test(`targetAt finds a ${kind} with its exact range`, () => {
    const { position, range } = rangeOf(place);
    const found = targetAt(document, model, position);
    assert.equal(found?.target.kind, kind);
    assert.deepEqual(found.target.range, range);
    assert.equal(found.cable, model.cables[0]);
  });
}

test('targetAt: the DECL date, the record classification, page lines and ids in other places', () => {
  const at = (place: Case) => {
    const { position, range } = rangeOf(place);
    const found = targetAt(document, model, position);
    return { kind: found?.target.kind, same: JSON.stringify(found?.target.range) === JSON.stringify(range), target: found?.target };
  };
  assert.deepEqual(at({ line: 'E.O. 12958', at: '02/22/2017' }).kind, 'decl');
  assert.ok(at({ line: 'E.O. 12958', at: '02/22/2017' }).same);
  const record = at({ line: 'CONFIDENTIAL', at: 'CONFIDENTIAL' });
  assert.equal(record.kind, 'classification');
  assert.ok(record.same);
  const closing = at({ line: 'CONFIDENTIAL', at: 'CONFIDENTIAL', after: 30 });
  assert.equal(closing.kind, 'classification');
  assert.ok(closing.same);
  const own = at({ line: '07MONTERREY130', at: '07MONTERREY130' });
  assert.deepEqual([own.kind, own.same, own.target?.kind === 'refId' && own.target.own], ['refId', true, true]);
  const banner = at({ line: 'C O N F I D', at: '000130', covers: 'MONTERREY 000130' });
  assert.deepEqual([banner.kind, banner.same], ['refId', true]);
  const inText = at({ line: '2. (C)', at: '06MONTERREY877' });
  assert.deepEqual([inText.kind, inText.same, inText.target?.kind === 'refId' && inText.target.refId], ['refId', true, '06MONTERREY877']);
  const bannerSection = at({ line: 'C O N F I D', at: 'SECTION', covers: 'SECTION 01 OF 02' });
  assert.deepEqual([bannerSection.kind, bannerSection.same], ['section', true]);
});

test('targetAt: nothing between words of free text; a cursor past the end of a line is at its end', () => {
  const { position } = rangeOf({ line: '3. (U)', at: ' ended' });
  assert.equal(targetAt(document, model, position), undefined);
  const line = lines.findIndex((l) => l === 'SIPDIS');
  // At the end of the line the control's token (end exclusive) no longer holds the cursor: the word it ends does.
  const found = targetAt(document, model, { line, character: 400 });
  assert.equal(found?.target.kind, 'word');
  assert.deepEqual(found?.target.range, { start: { line, character: 0 }, end: { line, character: 6 } });
});
