/**
 * fast-check generators of cable-shaped documents for property tests and the fuzzer: real corpus lines (a
 * fixed subset, loaded once) kept in order, shuffled, cut and merged, then soiled with the characters real
 * files and hostile files carry — CR/CRLF, BOM, tabs, controls, combining and right-to-left marks, surrogate
 * pairs and lone halves, binary bytes and very long lines.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Position } from 'vscode-languageserver-types';
import type { LanguageSettings, RuleLevel } from '../../server/src/language/settings';
import { corpusFiles } from './corpus';
import { SAMPLE_FIXTURE_PATH } from './sample';

/** One cable of every this many corpus files (in name order) plus the sample: varied, deterministic, quick to load. */
const CORPUS_STRIDE = 12;

export interface CorpusSample {
  /** Each sampled cable as its lines. */
  cables: readonly (readonly string[])[];
  /** The distinct non-blank lines of those cables. */
  lines: readonly string[];
}

let sample: CorpusSample | undefined;

/** The corpus subset the generators draw from; read on first use only. */
export function corpusSample(): CorpusSample {
  if (sample) return sample;
  const paths = [SAMPLE_FIXTURE_PATH, ...corpusFiles().filter((_, i) => i % CORPUS_STRIDE === 0)];
  const cables = paths.map((path) => readFileSync(path, 'utf8').split(/\r\n|\r|\n/));
  const lines = [...new Set(cables.flat().filter((line) => line.trim() !== ''))];
  sample = { cables, lines };
  return sample;
}

/** An element of `items`, shrinking towards the first. */
function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.nat({ max: items.length - 1 }).map((i) => items[i]);
}

/** Characters that break naive text handling, by family; each family is drawn as often as the others. */
export const ODD_CHARACTERS = {
  control: ['\0', '\x01', '\x07', '\b', '\x0b', '\f', '\x1b', '\x7f', '\x85', '\x9b', '\t', '\u2028', '\u2029'],
  combining: ['\u0301', '\u0300', '\u0327', '\u20dd', '\u200d', '\u200b', '\ufe0f', '\u034f'],
  rightToLeft: ['\u202e', '\u202b', '\u200f', '\u2067', '\u061c', '\u05d0', '\u05e9', '\u0627', '\u0644'],
  surrogate: ['\ud83d\ude00', '\ud801\udc37', '\ud83c\udff3\ufe0f\u200d\ud83c\udf08', '\ud800', '\udfff', '\udc00', '\ud83d'],
  special: [
    '\ufeff',
    '\ufffd',
    '\u00a0',
    '\u3000',
    '¶',
    '§',
    '’',
    '\\',
    '`',
    '*',
    '_',
    '[',
    ']',
    '(',
    ')',
    '<',
    '>',
    '&',
    '!',
    '|',
    '#',
    ':',
    '/',
  ],
} as const;

const oddCharacter: fc.Arbitrary<string> = fc.oneof(
  ...Object.values(ODD_CHARACTERS).map((family) => fc.constantFrom(...family)),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);

/** Up to 40 odd characters: what an insertion into a real line adds. */
export const noise: fc.Arbitrary<string> = fc.string({ unit: oddCharacter, maxLength: 40 });

/** Payloads that would become live markdown, HTML or a command link if a hover or completion showed them raw. */
export const MARKDOWN_PAYLOADS = [
  '[click](command:evil.run)',
  '[x](https://evil.example/steal)',
  '![img](https://evil.example/pixel.png)',
  '<img src=x onerror=evil()>',
  '<a href="command:evil.run">EVIL</a>',
  '<script data-evil>alert(1)</script>',
  '<command:evil.run>',
  '<https://evil.example>',
  'https://evil.example/bare',
  'www.evil.com',
  'command:evil.run?%5B%5D',
  'javascript:evil()',
  '[ref][evil]\n\n[evil]: command:evil.run',
  '`code` **bold** _em_ # heading | table |',
  '&lt;img src=evil&gt;',
  '\\[escaped\\](command:evil.run)',
] as const;

export const payload: fc.Arbitrary<string> = fc.constantFrom(...MARKDOWN_PAYLOADS);

/** A real line with up to three cuts, insertions of odd characters or payloads, or deletions. */
const soiledLine: fc.Arbitrary<string> = fc
  .tuple(
    pick(corpusSample().lines),
    fc.array(
      fc.record({
        at: fc.nat(),
        length: fc.nat({ max: 12 }),
        text: fc.oneof({ weight: 4, arbitrary: noise }, { weight: 1, arbitrary: payload }),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([line, edits]) =>
    edits.reduce((text, edit) => {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at + edit.length);
    }, line),
  );

/** Units a long line repeats: the parser's worst cases and characters that straddle UTF-16 boundaries. */
const LONG_LINE_UNITS = [
  '(',
  'A. ',
  'RUEH',
  ' ',
  '\t',
  '¶1. (C) ',
  'C O N F I D E N T I A L ',
  'TAGS: PGOV ',
  'GOM ',
  '\ud83d\ude00',
  'x\u0301',
  '\u202e',
  '[x](command:y) ',
];

/** One line of 1 to `max` characters, repeating a unit or a real line; may end in half a surrogate pair. */
function longLine(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof(fc.constantFrom(...LONG_LINE_UNITS), pick(corpusSample().lines)), fc.integer({ min: 1, max }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

/** Bytes read the way an editor might show a binary file: as Latin-1 or as UTF-8 with replacement characters. */
const binaryText: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 4000 }), fc.boolean())
  .map(([bytes, latin1]) => Buffer.from(bytes).toString(latin1 ? 'latin1' : 'utf8'));

/** A run of a real cable's lines: whole, or a slice of it. */
const cableLines: fc.Arbitrary<string[]> = fc
  .tuple(pick(corpusSample().cables), fc.nat(), fc.oneof(fc.constant(Infinity), fc.nat({ max: 60 })))
  .map(([lines, start, count]) => {
    const from = count === Infinity ? 0 : start % lines.length;
    return lines.slice(from, from + count);
  });

/** A block of lines a document is built from; several blocks merge cables and fragments. */
function block(maxLongLine: number): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 6, arbitrary: cableLines },
    { weight: 2, arbitrary: cableLines.chain((lines) => fc.shuffledSubarray(lines, { minLength: lines.length })) },
    { weight: 3, arbitrary: fc.array(pick(corpusSample().lines), { maxLength: 20 }) },
    { weight: 3, arbitrary: fc.array(soiledLine, { maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(noise, { maxLength: 5 }) },
    { weight: 1, arbitrary: binaryText.map((text) => [text]) },
    { weight: 1, arbitrary: longLine(maxLongLine).map((line) => [line]) },
  );
}

export type LineBreak = '\n' | '\r\n' | '\r' | 'mixed';

export interface DocumentOptions {
  /** Longest single line generated (the normal run uses about 200 KB). */
  maxLongLine?: number;
  /** Most blocks merged into one document. */
  maxBlocks?: number;
}

/** A generated text that prints as a short preview when fast-check reports it (the full text may be 200 KB). */
export class GeneratedDocument {
  constructor(readonly text: string) {}

  [fc.toStringMethod](): string {
    return previewText(this.text);
  }
}

/** JSON of the text, or of its head and tail with its length when it is long. */
export function previewText(text: string, max = 2000): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max / 2))} … ${JSON.stringify(text.slice(-max / 2))} (${text.length} chars)`;
}

/** Documents merged from blocks with one line break style (or a mix), maybe a BOM, tabs, and a cut anywhere. */
export function cableDocument(options: DocumentOptions = {}): fc.Arbitrary<GeneratedDocument> {
  const { maxLongLine = 200_000, maxBlocks = 4 } = options;
  return fc
    .record({
      blocks: fc.array(block(maxLongLine), { maxLength: maxBlocks }),
      lineBreak: fc.constantFrom<LineBreak>('\n', '\r\n', '\r', 'mixed'),
      bom: fc.boolean(),
      tabs: fc.boolean(),
      trailingBreak: fc.boolean(),
      cut: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    })
    .map(({ blocks, lineBreak, bom, tabs, trailingBreak, cut }) => {
      let lines = blocks.flat();
      if (tabs) lines = lines.map((line, i) => (i % 3 === 0 ? line.replace(/ {2,8}/g, '\t') : line));
      let text =
        (bom ? '\ufeff' : '') +
        joinLines(lines, lineBreak) +
        (trailingBreak && lines.length ? breakAfter(lines.length - 1, lineBreak) : '');
      if (cut !== null) text = text.slice(0, cut % (text.length + 1));
      return new GeneratedDocument(text);
    });
}

function breakAfter(index: number, lineBreak: LineBreak): string {
  return lineBreak === 'mixed' ? ['\n', '\r\n', '\r', '\r\n', '\n'][index % 5] : lineBreak;
}

function joinLines(lines: readonly string[], lineBreak: LineBreak): string {
  return lines.map((line, i) => (i < lines.length - 1 ? line + breakAfter(i, lineBreak) : line)).join('');
}

/** Where a position lands: inside the text, just past a line's end, past the last line, or at the protocol's maximum. */
export type PositionSeed = { kind: 'inside' | 'pastLineEnd' | 'pastDocumentEnd' | 'maximum'; line: number; character: number };

export const positionSeed: fc.Arbitrary<PositionSeed> = fc.record({
  kind: fc.constantFrom<PositionSeed['kind']>('inside', 'inside', 'inside', 'pastLineEnd', 'pastDocumentEnd', 'maximum'),
  line: fc.nat(),
  character: fc.nat(),
});

/** LSP's largest uinteger: clients send it for "end of line". */
const MAX_UINTEGER = 2 ** 31 - 1;

/** Turns a seed into a position of `text` (split as LSP splits lines). */
export function positionIn(text: string, seed: PositionSeed): Position {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  const line = seed.line % lengths.length;
  switch (seed.kind) {
    case 'inside':
      return { line, character: seed.character % (lengths[line] + 1) };
    case 'pastLineEnd':
      return { line, character: lengths[line] + 1 + (seed.character % 5) };
    case 'pastDocumentEnd':
      return { line: lengths.length + (seed.line % 3), character: seed.character % 10 };
    case 'maximum':
      return { line: seed.line % 2 ? line : MAX_UINTEGER, character: MAX_UINTEGER };
  }
}

/** Rule keys and levels a user might write, known or not, including keys that are Object.prototype members. */
const RULE_KEYS = [
  'CBL101',
  'CBL001',
  'cbl101',
  'CBL999',
  'missing-portion-marking',
  'unknown-rule',
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];
const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error', 'ERROR', 'fatal', '', 'none', '0'];

/**
 * Settings as a careless client might send them, past the settings mapping: unknown rule names and levels,
 * negative, fractional and non-finite problem limits, acronyms with payloads. `ruleKeys` adds the registry's.
 */
export function languageSettings(ruleKeys: readonly string[] = []): fc.Arbitrary<LanguageSettings> {
  const keys = [...RULE_KEYS, ...ruleKeys];
  return fc
    .record({
      rules: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), fc.constantFrom(...RULE_LEVELS)), {
        maxLength: 8,
      }),
      maxNumberOfProblems: fc.oneof(
        fc.constantFrom(0, 1, 3, 1000, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12),
        fc.nat({ max: 50 }),
      ),
      acronyms: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('GOM', 'SIPDIS', 'RUEH', '__proto__', ''), fc.string({ maxLength: 6 })),
          fc.oneof(payload, noise),
        ),
        { maxLength: 4 },
      ),
    })
    .map(({ rules, maxNumberOfProblems, acronyms }) => ({
      // Object.fromEntries makes `__proto__` an own key, as JSON.parse of a settings file does.
      rules: Object.fromEntries(rules) as Record<string, RuleLevel>,
      maxNumberOfProblems,
      acronyms: Object.fromEntries(acronyms),
    }));
}

/** The seed of the normal run: fixed, so a failure in CI reproduces on any machine. */
export const DEFAULT_SEED = 20090204;

/** Added to the seed per property, so properties that draw the same arbitrary do not all see the same cases. */
export const PROPERTY_SALT = { parser: 0, lineBreaks: 1, features: 2, markdown: 3, edits: 4, editsAnyClient: 5, reparse: 6 } as const;
export type PropertyName = keyof typeof PROPERTY_SALT;

/**
 * fast-check parameters for `numRuns` cases of `property`: seeded by `FUZZ_SEED` or the fixed seed, plus the
 * property's salt; `FUZZ_PATH` (from a failure report) replays one counterexample directly.
 */
export function runParameters(
  numRuns: number,
  property: PropertyName,
  baseSeed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED),
): { seed: number; numRuns: number; path?: string } {
  const path = process.env.FUZZ_PATH;
  return { seed: baseSeed + PROPERTY_SALT[property], numRuns: Math.round(numRuns), ...(path ? { path } : {}) };
}

/** One change of a `didChange` event: a range between two seeded positions (in the text as it is then), or the whole text. */
export type ChangeSeed = { kind: 'range'; from: PositionSeed; to: PositionSeed; text: string } | { kind: 'full'; text: string };

/** What an edit inserts: typed characters, line breaks (also half a CRLF), pasted lines, payloads, noise. */
const insertedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'A', ' ', '\t', '¶', '(', ')', '.', '1', 'C') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  { weight: 3, arbitrary: pick(corpusSample().lines).map((line) => `${line}\n`) },
  { weight: 1, arbitrary: cableLines.map((lines) => lines.join('\r\n')) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: payload },
);

/** Changes with positions inside the text, or (`outside`) also past a line's or the document's end. */
function changeSeed(outside: boolean): fc.Arbitrary<ChangeSeed> {
  const at = outside ? positionSeed : positionSeed.map((seed): PositionSeed => ({ ...seed, kind: 'inside' }));
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('range' as const), from: at, to: at, text: insertedText }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('full' as const),
        text: fc.oneof(
          insertedText,
          cableLines.map((lines) => lines.join('\n')),
        ),
      }),
    },
  );
}

export interface EditSession {
  initial: GeneratedDocument;
  /** `didChange` events, each holding changes applied one after the other. */
  events: ChangeSeed[][];
}

/**
 * An opened document and the `didChange` events that follow. As VS Code sends them (`client: 'vscode'`): one
 * line-break style for the whole text (VS Code normalizes a file's EOLs on load and every insertion to
 * them) and positions inside the text. Any client (`'any'`): mixed and lone CR breaks, positions past the end.
 */
export function editSession(client: 'vscode' | 'any', options: DocumentOptions = {}): fc.Arbitrary<EditSession> {
  const events = fc.array(fc.array(changeSeed(client === 'any'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });
  return fc.record({ initial: cableDocument(options), events, eol: fc.constantFrom('\n', '\r\n') }).map(({ initial, events, eol }) => {
    if (client === 'any') return { initial, events };
    const normalize = (text: string) => text.replace(/\r\n|\r|\n/g, eol);
    return {
      initial: new GeneratedDocument(normalize(initial.text)),
      events: events.map((event) => event.map((change) => ({ ...change, text: normalize(change.text) }))),
    };
  });
}

/** The parts of a cable a payload goes into; each slot of the template below names one. */
const PAYLOAD_SLOTS = [
  'title',
  'post',
  'address',
  'office',
  'decl',
  'tag',
  'subject',
  'ref',
  'authority',
  'definedName',
  'acronym',
  'heading',
  'marking',
  'word',
  'signature',
] as const;
type PayloadSlot = (typeof PAYLOAD_SLOTS)[number];

/** A cable with a slot in every part a hover or completion may quote, including acronym definitions both ways round. */
const PAYLOAD_TEMPLATE = `09MEXICO283
{title}
Wed Feb 04 00:00:00 +0100 2009
CONFIDENTIAL
Embassy {post}
VZCZCXRO3019
RR RUEHCD RUEHGD
DE RUEHME #0283/01 0351708
ZNY CCCCC ZZH
R 041708Z FEB 09
FM AMEMBASSY {post}
TO RUEHC/SECSTATE WASHDC 4895
INFO RUEHXC/{address} COLLECTIVE

C O N F I D E N T I A L SECTION 01 OF 03 {post} 000283

SIPDIS
DEPT FOR {office}

E.O. 12958: DECL: {decl}
TAGS: PGOV {tag} PREL, {tag}
SUBJECT: {subject}

REF: A. 08 MEXICO 3456 {ref}
B. {ref}
C. STATE {ref}

Classified By: {authority}. REASONS 1.4(b) and (d)

¶1. (C) Summary. The Evil {definedName} Vendor Link (EVL) met the {acronym} (Evil {definedName} Party). End Summary.

{heading}

¶2. ({marking}) The {word} EVL and GOM and {acronym} and USERACR agreed. {definedName}

{signature}
`;

/** A payload as written, upper-cased as cables are, without spaces (one token), or inside an institution's name. */
const slotValue: fc.Arbitrary<string> = fc
  .tuple(payload, fc.constantFrom('as is', 'upper', 'one token', 'in a name'))
  .map(([text, form]) => {
    const oneLine = text.replace(/\n+/g, ' ');
    if (form === 'upper') return oneLine.toUpperCase();
    if (form === 'one token') return oneLine.replace(/\s+/g, '');
    if (form === 'in a name') return `Ministry of ${oneLine} Affairs`;
    return oneLine;
  });

export interface PayloadCable {
  text: string;
  /** A payload for the user's own acronyms (`cable.acronyms`), which hovers quote too. */
  userAcronym: string;
}

/** Cables with markdown payloads in every part (TAGS, acronym definitions, REF items, headings…). */
export const payloadCable: fc.Arbitrary<PayloadCable> = fc
  .record({
    slots: fc.record(Object.fromEntries(PAYLOAD_SLOTS.map((slot) => [slot, slotValue])) as Record<PayloadSlot, fc.Arbitrary<string>>),
    userAcronym: payload,
  })
  .map(({ slots, userAcronym }) => ({ text: PAYLOAD_TEMPLATE.replace(/\{(\w+)\}/g, (_, slot: PayloadSlot) => slots[slot]), userAcronym }));
