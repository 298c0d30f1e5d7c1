/** Golden test: every field, paragraph and heading of the reference sample, with exact ranges where they matter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { readSample } from '../support/sample';

const text = readSample();
const model = parseCableFile(text, { fileName: '09MEXICO283.txt' });
const cable = model.cables[0];
const lines = text.split('\n');
const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  lines[range.start.line].slice(range.start.character, range.end.line === range.start.line ? range.end.character : undefined);

test('the sample is one cable with no parse problems', () => {
  assert.equal(model.cables.length, 1);
  assert.deepEqual(model.problems, []);
  assert.equal(model.binary, false);
});

test('cable-level values and where they came from', () => {
  assert.deepEqual(cable.refId?.value, { text: '09MEXICO283', year: '09', origin: 'MEXICO', serial: '283' });
  assert.equal(cable.refId?.source, 'preamble');
  assert.equal(cable.date?.value, '2009-02-04T17:08:00Z');
  assert.equal(cable.date?.source, 'record');
  assert.equal(cable.classification?.value.text, 'CONFIDENTIAL');
  assert.equal(cable.classification?.value.level, 'C');
  assert.equal(cable.origin?.value, 'Embassy Mexico');
  assert.equal(cable.precedence?.value, 'ROUTINE');
});

test('both metadata layouts', () => {
  const preamble = cable.preamble!;
  assert.equal(preamble.refId?.text, '09MEXICO283');
  assert.equal(preamble.title?.text, 'THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES,');
  assert.equal(preamble.date?.iso, '2009-02-04');
  assert.equal(preamble.classification?.classification?.text, 'CONFIDENTIAL');
  assert.equal(preamble.origin?.text, 'Embassy Mexico');
  const record = cable.record!;
  assert.equal(record.rowId?.text, '190450', 'the row id glued to the INFO line');
  assert.deepEqual(record.rowId?.range, { start: { line: 12, character: 50 }, end: { line: 12, character: 56 } });
  assert.equal(record.date?.iso, '2009-02-04T17:08:00Z');
  assert.equal(record.refId?.refId?.text, '09MEXICO283');
  assert.equal(record.origin?.text, 'Embassy Mexico');
  assert.equal(record.classification?.classification?.text, 'CONFIDENTIAL');
});

test('routing header', () => {
  const routing = cable.routing!;
  assert.equal(routing.transmissionId?.text, 'VZCZCXRO3019');
  assert.equal(routing.transmissionId?.range.start.line, 18, 'the complete second copy wins');
  assert.equal(routing.precedence?.text, 'RR');
  assert.deepEqual(
    routing.relayIndicators.map((t) => t.text),
    ['RUEHCD', 'RUEHGD', 'RUEHHO', 'RUEHMC', 'RUEHNG', 'RUEHNL', 'RUEHRD', 'RUEHRS', 'RUEHTM'],
  );
  const de = routing.de!;
  assert.equal(de.wellFormed, true);
  assert.equal(de.station?.text, 'RUEHME');
  assert.deepEqual(de.station?.range, { start: { line: 20, character: 3 }, end: { line: 20, character: 9 } });
  assert.equal(de.serial?.text, '0283');
  assert.equal(de.section?.text, '01');
  assert.equal(de.dayOfYear, 35);
  assert.equal(de.hour, 17);
  assert.equal(de.minute, 8);
  assert.equal(routing.security?.prosign.text, 'ZNY');
  assert.equal(routing.security?.letter, 'C');
  assert.equal(routing.security?.trailer?.text, 'ZZH');
  const dtg = routing.dtg!;
  assert.equal(at(dtg.range), 'R 041708Z FEB 09');
  assert.equal(dtg.precedence?.text, 'R');
  assert.equal(dtg.iso, '2009-02-04T17:08:00Z');
  assert.equal(routing.from?.addresses[0].name.text, 'AMEMBASSY MEXICO');
  const to = routing.to!.addresses[0];
  assert.equal(to.indicator?.text, 'RUEHC');
  assert.equal(to.name.text, 'SECSTATE WASHDC');
  assert.equal(to.serial?.text, '4895');
  assert.equal(routing.info?.addresses[0].indicator?.text, 'RUEHXC');
  assert.equal(routing.info?.addresses[0].name.text, 'ALL US CONSULATES IN MEXICO COLLECTIVE');
});

test('banner', () => {
  const banner = cable.banner!;
  assert.equal(at(banner.classificationToken.range), 'C O N F I D E N T I A L');
  assert.equal(banner.letterSpaced, true);
  assert.equal(banner.classification.level, 'C');
  assert.deepEqual({ n: banner.section?.n, m: banner.section?.m }, { n: 1, m: 3 });
  assert.equal(at(banner.section!.range), 'SECTION 01 OF 03');
  assert.equal(banner.post?.text, 'MEXICO');
  assert.equal(banner.serial?.text, '000283');
  assert.deepEqual(
    banner.controls.map((c) => c.text),
    ['SIPDIS'],
  );
});

test('caption', () => {
  const { eo, tags, subject, refs, classifiedBy } = cable.caption;
  assert.equal(eo?.order?.text, '12958');
  assert.equal(eo?.declKind, 'date');
  assert.equal(eo?.declIso, '2019-01-15');
  assert.equal(at(eo!.decl!.range), '01/15/2019');
  assert.deepEqual(
    tags?.tags.map((t) => t.text),
    ['PGOV', 'PREL', 'KCRM', 'SNAR', 'KJUS', 'PINR', 'MX'],
  );
  assert.deepEqual(tags?.tags[0].range, { start: { line: 32, character: 6 }, end: { line: 32, character: 10 } });
  assert.equal(subject?.text, 'THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM');
  assert.equal(subject?.range.end.line, 34, 'the subject wraps onto a second line');
  assert.equal(refs, undefined);
  assert.equal(classifiedBy?.title, 'POLCOUNS');
  assert.equal(classifiedBy?.name, 'CHARLES V. BARCLAY');
  assert.deepEqual(
    classifiedBy?.reasons.map((r) => `${r.section}(${r.letter})`),
    ['1.4(b)', '1.4(d)'],
  );
  assert.equal(classifiedBy?.reasons[1].range.start.line, 37, 'the reasons wrap onto the next line');
  assert.equal(at(classifiedBy!.reasons[1].range), '(d)');
});

test('paragraphs with their numbers, markings and headings', () => {
  const paragraphs = cable.body.paragraphs;
  assert.deepEqual(
    paragraphs.map((p) => `${p.number}(${p.marking?.text})`),
    ['1(C)', '2(SBU)', '3(U)', '4(SBU)', '5(C)', '6(C)', '7(SBU)', '8(SBU)', '9(C)', '10(SBU)', '11(SBU)', '12(C)'],
  );
  assert.ok(paragraphs.every((p) => p.pilcrow));
  const fifth = paragraphs[4];
  assert.equal(at(fifth.numberToken.range), '¶5.');
  assert.equal(at(fifth.marking!.range), '(C)');
  assert.equal(fifth.marking?.level, 'C');
  assert.deepEqual(fifth.markingPosition, { line: fifth.range.start.line, character: 4 });
  assert.equal(fifth.range.end.line, 134);
  assert.equal(paragraphs[0].lead, "Summary. Mexico's drug cartels are responsible for");
  assert.deepEqual(
    paragraphs.map((p) => p.headingIndex),
    [-1, 0, 1, 1, 2, 2, 3, 4, 4, 4, 4, 4],
  );
  assert.deepEqual(
    cable.body.headings.map((h) => h.text),
    [
      "Reinforce President Calderon's Commitment to Law Enforcement Development",
      'Encourage Better Inter-Institutional Cooperation',
      'Enhance Intelligence Collection and Sharing',
      'Engage the Enemy on Our Side of the Border',
      'Broaden Judicial Reform Effort',
    ],
  );
  assert.deepEqual(cable.body.headings[0].range, { start: { line: 63, character: 0 }, end: { line: 64, character: 11 } });
});

test('summary and comment spans, footer and signature', () => {
  const [summary, comment] = cable.body.spans;
  assert.equal(summary.kind, 'summary');
  assert.equal(at(summary.start.range), 'Summary');
  assert.equal(at(summary.end!.range), 'End Summary');
  assert.equal(comment.kind, 'comment');
  assert.equal(at(comment.start.range), 'Comment');
  assert.equal(comment.end, undefined, 'the closing comment paragraph is never closed');
  assert.equal(cable.body.footers.length, 1);
  assert.match(cable.body.footers[0].text, /^Visit Mexico City's Classified Web Site/);
  assert.equal(cable.body.signature?.text, 'BASSETT');
  assert.equal(cable.body.signature?.range.start.line, 233);
});
