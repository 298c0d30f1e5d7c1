/**
 * The incremental reparse (`reparseCableFile`): after any sequence of edits to a file of many cables, each parsed
 * from the previous version's text and model, the model is the one a whole parse of the new text gives and the
 * previous model is left as it was; and an
 * edit inside one cable of a long file reuses the other cables' models.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CableFile } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { reparseCableFile } from '../../server/src/language/parse/reparseCableFile';
import { cableDocument, corpusSample, GeneratedDocument, runParameters } from '../support/fragments';

const RUNS = 250;

/** Pieces a file is built from: whole corpus cables (repeats included, so that parts join) and generated fragments. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.nat({ max: corpusSample().cables.length - 1 }).map((i) => corpusSample().cables[i].join('\n')) },
  { weight: 2, arbitrary: cableDocument({ maxLongLine: 3000, maxBlocks: 2 }).map((document) => document.text) },
);

/** A file of several pieces, a line break style, and the offsets where pieces start (cable boundaries, mostly). */
const multiCableFile = fc
  .record({
    // A piece given twice in a row is one cable in two parts, which the parser joins.
    pieces: fc
      .array(fc.tuple(piece, fc.nat({ max: 3 })), { minLength: 1, maxLength: 7 })
      .map((drawn) => drawn.flatMap(([part, n]) => (n === 3 ? [part, part] : [part]))),
    separator: fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n'),
  })
  .map(({ pieces, separator }) => {
    const boundaries: number[] = [];
    let text = '';
    for (const [i, part] of pieces.entries()) {
      if (i) text += separator;
      boundaries.push(text.length);
      text += separator.includes('\r') ? part.replace(/\r\n|\r|\n/g, '\r\n') : part;
    }
    return { document: new GeneratedDocument(text), boundaries };
  });

/** What an edit inserts: typed characters, line breaks, a real line, a cable's opening lines, a whole cable. */
const inserted: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'A', ' ', '.', '1', '¶', '\n', '\r\n', '\r', '\n\n', 'VZCZC', '1. (C) ', 'SUBJECT: ', 'TAGS: PGOV\n'),
  fc.nat({ max: corpusSample().lines.length - 1 }).map((i) => `${corpusSample().lines[i]}\n`),
  fc.nat({ max: corpusSample().cables.length - 1 }).map((i) => `${corpusSample().cables[i].slice(0, 12).join('\n')}\n`),
  fc.nat({ max: corpusSample().cables.length - 1 }).map((i) => `\n\n${corpusSample().cables[i].join('\n')}\n\n`),
);

/** An edit: where (anywhere, or near a piece's start), how much it deletes, and what it inserts. */
const edit = fc.record({
  atBoundary: fc.boolean(),
  position: fc.nat(),
  shift: fc.integer({ min: -3, max: 3 }),
  deleted: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 400 })),
  text: inserted,
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, boundaries: number[], change: Edit): string {
  const base = change.atBoundary && boundaries.length ? boundaries[change.position % boundaries.length] + change.shift : change.position;
  const at = Math.max(0, Math.min(text.length, change.atBoundary ? base : base % (text.length + 1)));
  return text.slice(0, at) + change.text + text.slice(Math.min(text.length, at + change.deleted));
}

const json = (model: CableFile) => JSON.stringify(model);

test(`incremental reparse: the model of a whole parse after every edit (${RUNS} sessions)`, () => {
  const fileName = fc.constantFrom(undefined, 'file:///cables/09MEXICO283.txt', 'file:///cables/notes.txt');
  fc.assert(
    fc.property(multiCableFile, fc.array(edit, { minLength: 1, maxLength: 8 }), fileName, ({ document, boundaries }, edits, name) => {
      const options = { fileName: name };
      let text = document.text;
      let model = reparseCableFile(undefined, text, options);
      for (const change of edits) {
        const next = apply(text, boundaries, change);
        const before = json(model);
        const reparsed = reparseCableFile({ text, model }, next, options);
        assert.equal(json(reparsed), json(parseCableFile(next, options)));
        // The previous version's model may still be read (a request in flight): the reparse leaves it as it was.
        assert.equal(json(model), before);
        text = next;
        model = reparsed;
      }
    }),
    runParameters(RUNS, 'reparse'),
  );
});

test('an edit inside one cable of a long file reparses that cable alone', () => {
  const { cables } = corpusSample();
  const text = cables
    .slice(0, 40)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  const fileName = 'file:///cables/long.txt';
  const model = parseCableFile(text, { fileName, keepParts: true });
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  for (const insertion of ['x', '\nA NEW LINE\n']) {
    const next = text.slice(0, at) + insertion + text.slice(at);
    const reparsed = reparseCableFile({ text, model }, next, { fileName });
    assert.equal(json(reparsed), json(parseCableFile(next, { fileName })));
    const reused = reparsed.cables.filter((cable) => model.cables.includes(cable)).length;
    // Every cable before the edit is the same object; those after it are too when no line was added.
    assert.ok(reused >= model.cables.length / 2 - 2, `${reused} of ${model.cables.length} cables reused`);
    if (insertion === 'x') assert.ok(reused >= model.cables.length - 3, `${reused} of ${model.cables.length} cables reused`);
  }
});

test('the same text gives the same model; no previous parse, a whole parse', () => {
  const text = corpusSample().cables[0].join('\n');
  const model = parseCableFile(text, { keepParts: true });
  assert.equal(reparseCableFile({ text, model }, text), model);
  // Without `keepParts` (the CLI, the workspace index) nothing is kept, and the next version is parsed whole.
  const unkept = parseCableFile(text);
  assert.notEqual(reparseCableFile({ text, model: unkept }, text), unkept);
  assert.equal(json(reparseCableFile(undefined, text)), json(model));
  // A model this module did not make (here, a copy) cannot be reused: the text is parsed whole.
  const copy = JSON.parse(json(model)) as CableFile;
  assert.equal(json(reparseCableFile({ text, model: copy }, `${text}\nX`)), json(parseCableFile(`${text}\nX`)));
});
