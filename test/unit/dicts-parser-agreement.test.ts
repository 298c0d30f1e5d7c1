/**
 * The parser and the dictionary know the same codes, both ways: every control, level, marking, security letter,
 * executive order and month the dictionary lists is read by the parser, and everything the parser reads (in probes
 * and on the 720 corpus cables) has its dictionary entry, so no hover says "not in the dictionary" of a word the
 * parser read as a code (CHEROKEE was parsed as a control and unknown to the hover).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { getLanguageService } from '../../server/src/language/languageService';
import { LEVEL_RANK, type CableFile, type Level } from '../../server/src/language/model';
import {
  classificationText,
  levelName,
  levelOfSecurityLetter,
  parseClassificationWords,
  parsePortionMarking,
  securityLetterOf,
} from '../../server/src/language/parse/classification';
import { fullYear, monthNumber } from '../../server/src/language/parse/dates';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { monthName, readableDay } from '../../server/src/language/rules/cableFacts';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { corpusFiles } from '../support/corpus';

const { controls, levels, orders, calendar, markings } = getDictionaries();
const service = getLanguageService();

/** A short unclassified cable with `extra` as its own line after the banner. */
const cableWith = (extra: string, tags = 'PGOV MX') =>
  `R 041708Z FEB 09\nFM AMEMBASSY MEXICO\nTO SECSTATE WASHDC\n\nUNCLAS MEXICO 000283\n\n${extra}\n\nE.O. 12958: N/A\nTAGS: ${tags}\nSUBJECT: PLAIN\n\n¶1. (U) First.\n`;

const parse = (text: string) => parseCableFile(text, { fileName: '09MEXICO283.txt' });

function hoverAt(text: string, line: number, character: number): string | undefined {
  const document = TextDocument.create('file:///w/09MEXICO283.txt', 'cable', 1, text);
  const hover = service.doHover(document, service.parse(document), { line, character }, DEFAULT_SETTINGS);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const corpus: Array<{ name: string; text: string; model: CableFile }> = corpusFiles().map((file) => {
  const text = readFileSync(file, 'utf8');
  return { name: file, text, model: parseCableFile(text, { fileName: file }) };
});

describe('controls: dictionary → parser', () => {
  for (const control of controls.list.filter((c) => c.banner)) {
    for (const written of [control.code, ...control.spellings]) {
      it(`reads ${written} on a control line as ${control.code}, and its hover explains it`, () => {
        const text = cableWith(written);
        const banner = parse(text).cables[0].banner!;
        assert.deepEqual(
          banner.controls.map((t) => controls.lookup(t.text)?.code),
          [control.code],
        );
        const hover = hoverAt(text, banner.controls[0].range.start.line, banner.controls[0].range.start.character);
        assert.ok(hover?.includes('dissemination control') && !hover.includes('Not in the dictionary'), hover);
      });
    }
    for (const phrase of control.phrases) {
      it(`reads the line ${phrase} as a control line, the control from its word ${control.code}`, () => {
        const banner = parse(cableWith(phrase)).cables[0].banner!;
        assert.deepEqual(
          banner.controls.map((t) => t.text),
          [control.code],
        );
      });
    }
  }

  it('reads every single-word control that is no English word in a TAGS line as a control, not a tag', () => {
    const words = controls.list
      .filter((c) => c.banner && !c.plainWord)
      .flatMap((c) => [c.code, ...c.spellings])
      .filter((w) => !w.includes(' '));
    assert.ok(words.includes('SIPDIS') && words.includes('NODIS'));
    for (const word of words) {
      const tags = parse(cableWith('SIPDIS', `PGOV ${word} MX`)).cables[0].caption.tags!;
      assert.deepEqual(
        tags.controls?.map((t) => t.text),
        [word],
        word,
      );
    }
  });

  it('reads every caveat as a portion marking and a classification word write it', () => {
    for (const caveat of controls.caveats) {
      for (const marking of caveat.markings)
        assert.deepEqual(parsePortionMarking(`S//${marking}`), { level: 'S', caveats: [caveat.code] }, marking);
      assert.deepEqual(parseClassificationWords(`SECRET//${caveat.code}`)?.caveats, [caveat.code], caveat.code);
    }
  });

  it('makes UNCLAS Sensitive But Unclassified with each sensitive control, and only with those', () => {
    for (const control of controls.list.filter((c) => c.banner)) {
      const model = parse(cableWith(control.code));
      assert.equal(model.cables[0].classification?.value.level, control.sensitive ? 'SBU' : 'U', control.code);
    }
  });
});

describe('controls: parser → dictionary', () => {
  // Every word the parser read as a control before the dictionary was its home (banner.ts and tags.ts), in probes.
  const FORMER_PARSER_WORDS = [
    'SIPDIS',
    'NOFORN',
    'SENSITIVE',
    'EXDIS',
    'NODIS',
    'LIMDIS',
    'STADIS',
    'NOTAL',
    'CHEROKEE',
    'FOR OFFICIAL USE ONLY',
    'FOUO',
    'E F T O',
    'EFTO',
    'SBU',
    'ROGER CHANNEL',
    'SENSITIVE BUT UNCLASSIFIED',
    'DEA SENSITIVE',
  ];
  for (const word of FORMER_PARSER_WORDS) {
    it(`has an entry for what the parser reads in the control line ${word}`, () => {
      const banner = parse(cableWith(word)).cables[0].banner!;
      assert.ok(banner.controls.length > 0, `${word} is read as a control`);
      for (const token of banner.controls) assert.ok(controls.lookup(token.text), `${token.text} has an entry`);
    });
  }

  it('has an entry for every control and caveat the parser read on the corpus', () => {
    const unknown = new Set<string>();
    for (const { model } of corpus) {
      for (const cable of model.cables) {
        for (const token of [...(cable.banner?.controls ?? []), ...(cable.caption.tags?.controls ?? [])])
          if (!controls.lookup(token.text)) unknown.add(token.text);
        for (const caveat of cable.classification?.value.caveats ?? []) if (!controls.byCode.has(caveat)) unknown.add(caveat);
        for (const paragraph of cable.body.paragraphs)
          for (const caveat of paragraph.marking?.caveats ?? []) if (!controls.byCode.has(caveat)) unknown.add(caveat);
      }
    }
    assert.deepEqual([...unknown], []);
  });

  it('reads no word outside the dictionary as a control', () => {
    for (const word of ['CHEROKEES', 'NODISTRIBUTION', 'SBUX', 'SECRET', 'EXDISX', 'ROGER']) {
      const banner = parse(cableWith(word)).cables[0].banner!;
      assert.deepEqual(
        banner.controls.map((t) => t.text),
        [],
        word,
      );
    }
  });
});

describe('levels: dictionary ↔ parser', () => {
  it('lists the model’s five levels, lowest first, as LEVEL_RANK ranks them', () => {
    assert.deepEqual(
      levels.list.map((entry) => entry.level),
      (Object.keys(LEVEL_RANK) as Level[]).sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b]),
    );
  });

  for (const entry of levels.list) {
    it(`reads every way ${entry.level} is written, and writes it as the dictionary says`, () => {
      for (const spelling of entry.spellings) {
        assert.equal(parseClassificationWords(spelling)?.level, entry.level, spelling);
        assert.equal(
          parseClassificationWords(spelling.replace(/ /g, '').split('').join(' '))?.level,
          entry.level,
          `${spelling} letter-spaced`,
        );
      }
      for (const marking of entry.markings) {
        assert.equal(parsePortionMarking(marking).level, entry.level, marking);
        assert.equal(parsePortionMarking(marking.toLowerCase()).level, entry.level, marking.toLowerCase());
      }
      for (const letter of entry.securityLetters) assert.ok(markings.security_line[letter.repeat(5)], `${letter.repeat(5)} has a meaning`);
      assert.equal(levelOfSecurityLetter(securityLetterOf(entry.level)), entry.level === 'SBU' ? 'U' : entry.level);
      assert.equal(classificationText(entry.level, []), entry.name);
      assert.equal(parseClassificationWords(entry.name)?.level, entry.level, entry.name);
      assert.equal(levelName(entry.level), entry.words);
      if (entry.banner) {
        const banner = parse(cableWith('SIPDIS').replace('UNCLAS MEXICO 000283', `${entry.banner} MEXICO 000283`)).cables[0].banner!;
        assert.equal(banner.classification.level, entry.level, entry.banner);
      }
    });
  }

  it('reads no level from words the dictionary does not spell', () => {
    for (const word of ['SECRETARY', 'CONFIDENTIALLY', 'TOPSECRETS', 'LIMITED'])
      assert.equal(parseClassificationWords(word), undefined, word);
    assert.equal(parsePortionMarking('X').level, undefined);
    assert.equal(levelOfSecurityLetter('X'), undefined);
  });

  it('has a spelling for every classification and marking the parser read on the corpus', () => {
    const spellings = levels.spellings.map((s) => s.text.replace(/ /g, ''));
    const unknown = new Set<string>();
    for (const { model } of corpus) {
      for (const cable of model.cables) {
        for (const token of [cable.preamble?.classification, cable.record?.classification]) {
          const compact = token?.classification ? token.text.toUpperCase().replace(/\s+/g, '') : undefined;
          if (compact && !spellings.some((s) => compact.startsWith(s))) unknown.add(token!.text);
        }
        for (const paragraph of cable.body.paragraphs) {
          const marking = paragraph.marking;
          if (marking?.level && !levels.byMarking.has(marking.text.toUpperCase().split('/')[0].replace(/\s+/g, '')))
            unknown.add(marking.text);
        }
        const letter = cable.routing?.security?.letter;
        if (letter && levelOfSecurityLetter(letter) && !levels.list.some((entry) => entry.securityLetters.includes(letter)))
          unknown.add(letter);
      }
    }
    assert.deepEqual([...unknown], []);
  });
});

describe('executive orders: dictionary ↔ parser', () => {
  it('reads the number of every order the dictionary lists from an E.O. line', () => {
    for (const order of orders.list) {
      const eo = parse(cableWith('SIPDIS').replace('E.O. 12958: N/A', `E.O. ${order.number}: N/A`)).cables[0].caption.eo!;
      assert.equal(eo.order?.text, order.number);
    }
  });

  it('knows every order the corpus cables cite, but the one misprint (12928)', () => {
    const cited = new Set(
      corpus.flatMap(({ model }) => model.cables.map((c) => c.caption.eo?.order?.text).filter((n): n is string => n !== undefined)),
    );
    assert.deepEqual(
      [...cited].filter((n) => !orders.byNumber.has(n)),
      ['12928'],
    );
  });
});

describe('months and years: dictionary ↔ parser', () => {
  it('reads each month of the dictionary in a date-time group, and writes it back as the dictionary spells it', () => {
    calendar.months.forEach((month, i) => {
      for (const written of [month.abbreviation, month.name, month.abbreviation[0] + month.abbreviation.slice(1).toLowerCase()]) {
        const dtg = parse(cableWith('SIPDIS').replace('FEB 09', `${written} 09`)).cables[0].routing!.dtg!;
        assert.equal(dtg.monthNumber, i + 1, written);
      }
      assert.equal(monthNumber(month.abbreviation), i + 1);
      assert.equal(monthName(i + 1), month.name);
      assert.equal(readableDay(`2009-${String(i + 1).padStart(2, '0')}-04`), `4 ${month.abbreviation} 2009`);
    });
    assert.equal(monthNumber('FOO'), 0);
  });

  it('has a month for every month the corpus date-time groups give', () => {
    const months = new Set(
      corpus.flatMap(({ model }) => model.cables.map((c) => c.routing?.dtg?.month.text.toUpperCase()).filter(Boolean)),
    );
    assert.deepEqual(
      [...months].filter((m) => !calendar.months.some((month) => month.abbreviation === m!.slice(0, 3))),
      [],
    );
  });

  it('reads a two-digit year the same way in the parser, the DTG and the ref id hover: 66–99 as 19xx, 00–65 as 20xx', () => {
    for (let y = 0; y < 100; y++) {
      const expected = y >= 66 ? 1900 + y : 2000 + y;
      assert.equal(fullYear(y), expected);
      assert.equal(calendar.fullYear(y), expected);
    }
    const yy = (y: number) => String(y).padStart(2, '0');
    for (const y of [0, 9, 65, 66, 99]) {
      const text = cableWith('SIPDIS').replace('FEB 09', `FEB ${yy(y)}`);
      assert.equal(parse(text).cables[0].routing!.dtg!.fullYear, fullYear(y));
      const refText = `${yy(y)}MEXICO283\n${text}`;
      assert.match(hoverAt(refText, 0, 2) ?? '', new RegExp(`Year ${fullYear(y)},`), `ref id ${yy(y)}MEXICO283`);
    }
  });
});

describe('the dictionary files say where their facts come from', () => {
  const DATA = join(__dirname, '..', '..', 'server', 'src', 'language', 'dicts', 'data');
  for (const file of ['calendar.json', 'classification-levels.json', 'controls.json', 'executive-orders.json', 'classifier-titles.json']) {
    it(file, () => {
      const data = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as { _source?: unknown };
      assert.equal(typeof data._source, 'string');
    });
  }

  it('gives every control a source', () => {
    for (const control of controls.list) assert.ok(control.source.length > 0, control.code);
  });
});
