/**
 * Completion by place: TAGS on the TAGS line, portion markings after a paragraph number, reasons after `1.4`,
 * classification words and controls in the banner and header lines, and snippets for a new cable or paragraph.
 * Where the cursor is comes from the model; only the characters typed so far are read from the line.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { getDictionaries, type Dictionaries } from '../dicts/dictionaries';
import { LEVEL_RANK, type Cable, type CableFile, type Level } from '../model';
import { classificationText } from '../parse/classification';
import { classificationTier, isClassified } from '../rules/cableFacts';
import { bodyCableAt, cableSkeletonItem, isOutsideCables, nextParagraphItems } from './completionSnippets';
import { reasonWording } from './executiveOrders';
import { escapeMarkdown } from './markdown';
import { clampPosition, isWithin, lineText } from './ranges';

/** Every reason letter an order lists (a–h), as the dictionary's sections give them. */
function reasonLetters(dictionaries: Dictionaries): string[] {
  return [...new Set(dictionaries.orders.sections.flatMap((section) => [...section.letters]))].sort();
}

/**
 * The classification words a header line may start with, and what each means: every spelling of every level
 * (`UNCLAS`, `LIMITED OFFICIAL USE`), the classified levels with NOFORN, and index.csv's name of SBU.
 */
function classificationWords({ levels }: Dictionaries): Array<{ word: string; meaning?: string }> {
  const words = [
    ...levels.list.flatMap((entry) => entry.spellings.map((word) => ({ word, entry }))),
    ...levels.list
      .filter((entry) => isClassified(entry.level))
      .map((entry) => ({ word: classificationText(entry.level, ['NOFORN']), entry })),
    ...levels.list.filter((entry) => !entry.spellings.includes(entry.name)).map((entry) => ({ word: entry.name, entry })),
  ];
  return words.map(({ word, entry }) => ({ word, meaning: levels.spellingMeanings.get(word) ?? entry.meaning }));
}

/** Banner words letter-spaced, as banners write them: `C O N F I D E N T I A L` for CONFIDENTIAL. */
function spacedWords({ levels }: Dictionaries): Array<[spaced: string, word: string]> {
  return levels.list.flatMap((entry) =>
    entry.banner ? [[entry.banner.replace(/ /g, '').split('').join(' '), entry.banner] as [string, string]] : [],
  );
}

export function doComplete(
  document: TextDocument,
  model: CableFile,
  asked: Position,
  dictionaries: Dictionaries = getDictionaries(),
): CompletionList {
  const position = clampPosition(document, asked);
  const line = lineText(document, position.line);
  const before = line.slice(0, position.character);
  const cable = model.cables.find((c) => c.range.start.line <= position.line && position.line <= c.range.end.line);
  const items =
    (cable && tagItems(cable, position, before, dictionaries)) ??
    (cable && markingItems(cable, position, before, dictionaries)) ??
    (cable && reasonItems(cable, position, before, dictionaries)) ??
    headerWordItems(cable, position, before, dictionaries) ??
    snippetItems(model, position, line, before) ??
    [];
  return { isIncomplete: false, items };
}

/** The range from `start` to the cursor, on the cursor's line. */
function upTo(position: Position, start: number): Range {
  return { start: { line: position.line, character: start }, end: position };
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

/** TAGS on the TAGS line (and its continuation lines), after the keyword; tags already given sort last. */
function tagItems(cable: Cable, position: Position, before: string, dictionaries: Dictionaries): CompletionItem[] | undefined {
  const tags = cable.caption.tags;
  if (!tags || !isWithinLines(tags.range, position)) return undefined;
  if (position.line === tags.keyword.range.start.line && position.character < tags.keyword.range.end.character) return undefined;
  const prefix = /[A-Za-z0-9]*$/.exec(before)![0];
  const range = upTo(position, position.character - prefix.length);
  const given = new Set(tags.tags.filter((t) => !isWithin(t.range, position)).map((t) => t.text.toUpperCase()));
  return [...dictionaries.tags].map(([code, entry]) => ({
    label: code,
    kind: CompletionItemKind.Value,
    detail: `${entry.kind} TAG: ${entry.meaning}`,
    documentation: markdown(`**${escapeMarkdown(code)}** — ${entry.kind} TAG\n\n${escapeMarkdown(entry.meaning)}`),
    textEdit: { range, newText: code },
    sortText: `${given.has(code) ? '1' : '0'}${code}`,
  }));
}

function isWithinLines(range: Range, position: Position): boolean {
  return range.start.line <= position.line && position.line <= range.end.line;
}

/**
 * Portion markings right after a paragraph number (`¶13. (` or `¶13. |`): only those the cable's level allows
 * (none above its classification, as CBL504 judges), the cable's own level first; all of them when the level is unknown.
 */
function markingItems(cable: Cable, position: Position, before: string, dictionaries: Dictionaries): CompletionItem[] | undefined {
  const paragraph = cable.body.paragraphs.find((p) => p.numberToken.range.start.line === position.line);
  if (!paragraph || position.character < paragraph.numberToken.range.end.character) return undefined;
  const marking = paragraph.marking;
  if (marking && !isWithin(marking.range, position)) return undefined;
  const typed = before.slice(paragraph.numberToken.range.end.character);
  // Right after the number, or inside a `(` being typed: never once prose has begun, so typing a sentence pops nothing up.
  const match = /^(\s*)(\([A-Za-z/ ]*)?$/.exec(typed);
  if (!match) return undefined;
  const start = paragraph.numberToken.range.end.character + match[1].length;
  const range: Range = marking ? marking.range : upTo(position, start);
  const cableLevel = cable.classification?.value.level;
  const labels = Object.keys(dictionaries.markings.portion_markings).filter((label) => !label.includes('...'));
  return labels.flatMap((label) => {
    const level = label.slice(1).split('/')[0].replace(')', '') as Level;
    if (cableLevel !== undefined && LEVEL_RANK[level] !== undefined && classificationTier(level) > classificationTier(cableLevel))
      return [];
    const own = level === cableLevel && label === `(${level})`;
    return [
      {
        label,
        kind: CompletionItemKind.EnumMember,
        detail: dictionaries.markings.portion_markings[label],
        textEdit: { range, newText: marking ? label : `${match[1] ? '' : ' '}${label} ` },
        filterText: label,
        sortText: `${own ? '0' : '1'}${label}`,
        preselect: own ? true : undefined,
      },
    ];
  });
}

/** Reason letters after `1.4` (or after `(b) and`) in the Classified By field, worded for the cable's date. */
function reasonItems(cable: Cable, position: Position, before: string, dictionaries: Dictionaries): CompletionItem[] | undefined {
  const field = cable.caption.classifiedBy;
  if (!field || !isWithinLines(field.range, position)) return undefined;
  const afterSection = /1\s?\.\s?([45])\s*(\(?\s*[A-Ha-h]?)$/.exec(before);
  // `(b) and (` — or `and (` on the field's next line, the `(b)` ending the line above.
  const afterLetter = /(?:\)\s*(?:,|and|&|or)?|^\s*(?:,|and|&|or))\s*(\(?\s*[A-Ha-h]?)$/i.exec(before);
  const typed = afterSection?.[2] ?? (field.reasons.length ? afterLetter?.[1] : undefined);
  if (typed === undefined) return undefined;
  const section = afterSection ? `1.${afterSection[1]}` : (field.reasons[0]?.section ?? '1.4');
  const given = new Set(field.reasons.map((r) => r.letter));
  const range = upTo(position, position.character - typed.length);
  const context = { date: cable.date?.value, order: cable.caption.eo?.order?.text };
  return reasonLetters(dictionaries).map((letter) => {
    const wording = reasonWording(section, letter, context, dictionaries.orders);
    return {
      label: `(${letter})`,
      kind: CompletionItemKind.EnumMember,
      detail: wording.wording,
      documentation: markdown(`${escapeMarkdown(wording.citation)}${wording.note ? `\n\n${escapeMarkdown(wording.note)}` : ''}`),
      textEdit: { range, newText: `(${letter})` },
      filterText: `(${letter})`,
      sortText: `${given.has(letter) ? '1' : '0'}${letter}`,
    };
  });
}

/**
 * Classification words at the start of a banner or header line (before the caption and the first paragraph),
 * and dissemination controls on the lines after the banner.
 */
function headerWordItems(
  cable: Cable | undefined,
  position: Position,
  before: string,
  dictionaries: Dictionaries,
): CompletionItem[] | undefined {
  const match = /^(\s*)([A-Z][A-Z /]*)$/.exec(before);
  if (!match) return undefined;
  const headerEnd = cable ? (cable.caption.range?.start.line ?? cable.body.paragraphs[0]?.range.start.line) : undefined;
  if (headerEnd !== undefined && position.line >= headerEnd) return undefined;
  if (cable?.routing && isWithinLines(cable.routing.range, position) && position.line !== cable.banner?.range.start.line) return undefined;
  const range = upTo(position, match[1].length);
  const words: CompletionItem[] = [
    ...classificationWords(dictionaries).map(({ word, meaning }) => ({ label: word, detail: meaning })),
    ...spacedWords(dictionaries).map(([spaced, word]) => ({ label: spaced, detail: `${word} (letter-spaced, as banners write it)` })),
  ].map((item) => ({ ...item, kind: CompletionItemKind.Keyword, textEdit: { range, newText: item.label }, sortText: `0${item.label}` }));
  const afterBanner = cable?.banner !== undefined && position.line > cable.banner.range.start.line;
  // The controls the parser reads on the lines after the banner (not FGI, a marking caveat only).
  const controls: CompletionItem[] = afterBanner
    ? dictionaries.controls.list
        .filter((control) => control.banner)
        .map(({ code, meaning }) => ({
          label: code,
          kind: CompletionItemKind.Constant,
          detail: meaning,
          textEdit: { range, newText: code },
          sortText: `1${code}`,
        }))
    : [];
  return [...words, ...controls];
}

/**
 * Snippets on a blank line, or one holding only what starts them (`¶12`, `para`, `cable`): the next paragraph
 * after a caption, a new cable outside cables (after the last one, both).
 */
function snippetItems(model: CableFile, position: Position, line: string, before: string): CompletionItem[] | undefined {
  const started = /^(\s*)(¶?\d*|[a-z]{1,9})$/.exec(before);
  if (!started || line.slice(position.character).trim()) return undefined;
  const range = upTo(position, started[1].length);
  const items: CompletionItem[] = [];
  const cable = bodyCableAt(model, position);
  if (cable) items.push(...nextParagraphItems(cable, position, range));
  if (!/[¶\d]/.test(started[2]) && isOutsideCables(model, position)) items.push(cableSkeletonItem(range));
  return items.length ? items : undefined;
}
