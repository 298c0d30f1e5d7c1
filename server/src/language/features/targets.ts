/**
 * What lies at a position, read from the model: a TAG, a REF item, a classification reason, a routing part, a
 * marking… Only when no part of the model claims the position does the word under the cursor count (acronyms,
 * TAG codes and controls in free text, compact ref ids such as `08MEXICO3456`). Hover, go-to-definition and
 * find-references all ask `targetAt`, so they agree on what the cursor is on.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type {
  Address,
  AddressList,
  Banner,
  Cable,
  CableFile,
  Caption,
  Classification,
  ClassifiedByField,
  DateTimeGroup,
  DeLine,
  EoLine,
  PortionMarking,
  Position,
  Reason,
  Reference,
  CableCitation,
  RoutingHeader,
  TagName,
  Token,
} from '../model';
import { parseRefId } from '../parse/refIds';
import { clampPosition, isOn, lineText, wordAt } from './ranges';

/** What lies at a position, by `kind`; `range` is the model's range of it (the word's, for free text). */
export type Target =
  | { kind: 'tag'; range: Range; code: string }
  | { kind: 'tagName'; range: Range; name: TagName }
  | { kind: 'tagKeyword'; range: Range; text: string }
  | { kind: 'word'; range: Range; text: string; lineText: string }
  | { kind: 'marking'; range: Range; marking: PortionMarking }
  | { kind: 'classification'; range: Range; text: string; classification: Classification }
  | { kind: 'control'; range: Range; text: string }
  | { kind: 'reason'; range: Range; reason: Reason }
  | { kind: 'reasons'; range: Range; field: ClassifiedByField }
  | { kind: 'routingIndicator'; range: Range; indicator: string }
  | { kind: 'precedence'; range: Range; text: string }
  | { kind: 'deLine'; range: Range; de: DeLine }
  | { kind: 'dtg'; range: Range; dtg: DateTimeGroup }
  | { kind: 'securityLine'; range: Range; text: string }
  | { kind: 'transmissionId'; range: Range; text: string }
  | { kind: 'addressList'; range: Range; list: AddressList }
  | { kind: 'executiveOrder'; range: Range; eo: EoLine }
  | { kind: 'decl'; range: Range; eo: EoLine }
  | { kind: 'reference'; range: Range; item: Reference; citation?: CableCitation }
  | { kind: 'refId'; range: Range; refId: string; own: boolean }
  | { kind: 'reftel'; range: Range; text: string; items: Reference[]; missing: string[] }
  | { kind: 'section'; range: Range; n: number; m: number; page: boolean };

export type TargetKind = Target['kind'];

/** The target of one kind: `TargetOf<'tag'>` is `{ kind: 'tag'; range; code }`. */
export type TargetOf<K extends TargetKind> = Extract<Target, { kind: K }>;

export interface FoundTarget {
  target: Target;
  /** The cable the position lies in, if any. */
  cable?: Cable;
}

/**
 * What lies at `position`, or undefined where there is nothing to explain. The document is needed only for the
 * words of free text, which the model does not hold.
 */
export function targetAt(document: TextDocument, model: CableFile, asked: Position): FoundTarget | undefined {
  const position = clampPosition(document, asked);
  const cable = model.cables.find((c) => c.range.start.line <= position.line && position.line <= c.range.end.line);
  const target = (cable && modelTarget(cable, position)) ?? wordTarget(document, cable, position);
  return target ? { target, cable } : undefined;
}

function modelTarget(cable: Cable, position: Position): Target | undefined {
  return (
    captionTarget(cable.caption, position) ??
    (cable.routing && routingTarget(cable.routing, position)) ??
    (cable.banner && bannerTarget(cable, cable.banner, position)) ??
    preambleTarget(cable, position) ??
    bodyTarget(cable, position)
  );
}

function captionTarget(caption: Caption, position: Position): Target | undefined {
  const tag = caption.tags?.tags.find((t) => isOn(t.range, position));
  if (tag) return { kind: 'tag', range: tag.range, code: tag.text };
  const name = caption.tags?.names?.find((n) => isOn(n.range, position));
  if (name) return { kind: 'tagName', range: name.range, name };
  const keyword = caption.tags?.keywords?.find((k) => isOn(k.range, position));
  if (keyword) return { kind: 'tagKeyword', range: keyword.range, text: keyword.text };
  const control = caption.tags?.controls?.find((c) => isOn(c.range, position));
  if (control) return { kind: 'control', range: control.range, text: control.text };
  const item = caption.refs?.items.find((i) => isOn(i.range, position));
  if (item) {
    // An item that names several telegrams (`STATE 12345, 23456`): the one under the cursor.
    const citation = item.cables.length > 1 ? item.cables.find((c) => isOn(c.range, position)) : item.cables[0];
    return { kind: 'reference', range: citation && item.cables.length > 1 ? citation.range : item.range, item, citation };
  }
  const field = caption.classifiedBy;
  if (field) {
    const reason = field.reasons.find((r) => isOn(r.range, position));
    if (reason) return { kind: 'reason', range: reason.range, reason };
    if (isOn(field.reasonsRange, position) && !isPastFirstReason(field, position))
      return { kind: 'reasons', range: reasonsHead(field), field };
  }
  const eo = caption.eo;
  if (eo) {
    if (isOn(eo.decl?.range, position)) return { kind: 'decl', range: eo.decl!.range, eo };
    if (isOn(eo.declKeyword?.range, position)) return { kind: 'decl', range: eo.declKeyword!.range, eo };
    if (isOn(eo.keyword.range, position) || isOn(eo.order?.range, position)) {
      return {
        kind: 'executiveOrder',
        range: eo.order ? { start: eo.keyword.range.start, end: eo.order.range.end } : eo.keyword.range,
        eo,
      };
    }
  }
  return undefined;
}

/** Past the first reason letter (`and` in `(b) and (d)`) lies no section number: the word hover speaks there. */
function isPastFirstReason(field: ClassifiedByField, position: Position): boolean {
  const first = field.reasons[0];
  return (
    first !== undefined &&
    (position.line > first.range.start.line ||
      (position.line === first.range.start.line && position.character >= first.range.end.character))
  );
}

/** `REASONS 1.4` up to the first letter. */
function reasonsHead(field: ClassifiedByField): Range {
  const first = field.reasons[0];
  return first && first.range.start.line === field.reasonsRange!.start.line
    ? { start: field.reasonsRange!.start, end: first.range.start }
    : field.reasonsRange!;
}

function routingTarget(routing: RoutingHeader, position: Position): Target | undefined {
  if (isOn(routing.transmissionId?.range, position))
    return { kind: 'transmissionId', range: routing.transmissionId!.range, text: routing.transmissionId!.text };
  if (isOn(routing.precedence?.range, position))
    return { kind: 'precedence', range: routing.precedence!.range, text: routing.precedence!.text };
  const relay = routing.relayIndicators.find((t) => isOn(t.range, position));
  if (relay) return indicator(relay);
  const de = routing.de;
  if (de && isOn(de.range, position)) {
    if (isOn(de.station?.range, position)) return indicator(de.station!);
    const part = [de.serial, de.section, de.dayTime].find((t) => isOn(t?.range, position));
    return { kind: 'deLine', range: part?.range ?? de.range, de };
  }
  const security = routing.security;
  if (security) {
    const part = [security.prosign, security.letters, security.trailer].find((t) => isOn(t?.range, position));
    if (part) return { kind: 'securityLine', range: part.range, text: part.text };
  }
  const dtg = routing.dtg;
  if (dtg && isOn(dtg.range, position)) {
    if (isOn(dtg.precedence?.range, position)) return { kind: 'precedence', range: dtg.precedence!.range, text: dtg.precedence!.text };
    const group = { start: dtg.dayTime.range.start, end: dtg.year.range.end };
    // The space after the precedence letter is part of neither: no hover there.
    return isOn(group, position) ? { kind: 'dtg', range: group, dtg } : undefined;
  }
  const lists = [routing.from, routing.to, routing.info].filter((list): list is AddressList => list !== undefined);
  const list = lists.find((l) => isOn(l.keyword.range, position));
  if (list) return { kind: 'addressList', range: list.keyword.range, list };
  const addresses: Address[] = lists.flatMap((l) => l.addresses);
  for (const address of addresses) {
    if (isOn(address.indicator?.range, position)) return indicator(address.indicator!);
    if (isOn(address.precedence?.range, position))
      return { kind: 'precedence', range: address.precedence!.range, text: address.precedence!.text };
  }
  return undefined;
}

function indicator(token: Token): Target {
  return { kind: 'routingIndicator', range: token.range, indicator: token.text };
}

function bannerTarget(cable: Cable, banner: Banner, position: Position): Target | undefined {
  if (isOn(banner.classificationToken.range, position)) {
    return {
      kind: 'classification',
      range: banner.classificationToken.range,
      text: banner.classificationToken.text,
      classification: banner.classification,
    };
  }
  if (banner.section && isOn(banner.section.range, position))
    return { kind: 'section', range: banner.section.range, n: banner.section.n, m: banner.section.m, page: false };
  if (banner.post && banner.serial && cable.refId && (isOn(banner.post.range, position) || isOn(banner.serial.range, position))) {
    return {
      kind: 'refId',
      range: { start: banner.post.range.start, end: banner.serial.range.end },
      refId: cable.refId.value.text,
      own: true,
    };
  }
  const control = banner.controls.find((c) => isOn(c.range, position));
  if (control) return { kind: 'control', range: control.range, text: control.text };
  return undefined;
}

function preambleTarget(cable: Cable, position: Position): Target | undefined {
  for (const part of [cable.preamble, cable.record]) {
    if (!part) continue;
    if (part.refId?.refId && isOn(part.refId.range, position))
      return { kind: 'refId', range: part.refId.range, refId: part.refId.refId.text, own: true };
    const classification = part.classification;
    if (classification?.classification && isOn(classification.range, position)) {
      return {
        kind: 'classification',
        range: classification.range,
        text: classification.text,
        classification: classification.classification,
      };
    }
  }
  const reference = cable.record?.references?.find((t) => isOn(t.range, position));
  if (reference?.refId) return { kind: 'refId', range: reference.range, refId: reference.refId.text, own: false };
  return undefined;
}

function bodyTarget(cable: Cable, position: Position): Target | undefined {
  const { body } = cable;
  const paragraph = body.paragraphs.find((p) => p.marking && isOn(p.marking.range, position));
  if (paragraph?.marking) return { kind: 'marking', range: paragraph.marking.range, marking: paragraph.marking };
  const page = body.sectionBreaks.find((t) => isOn(t.range, position));
  if (page?.n !== undefined && page.m !== undefined) return { kind: 'section', range: page.range, n: page.n, m: page.m, page: true };
  const closing = [body.trailingClassification, page].find((t) => t && isOn(t.range, position));
  if (closing?.classification)
    return { kind: 'classification', range: closing.range, text: closing.text, classification: closing.classification };
  return undefined;
}

/** Free text: `REFTEL` and `REF A` (the caption's REF items), a compact ref id, else an upper-case word for the acronym, TAG and control dictionaries. */
function wordTarget(document: TextDocument, cable: Cable | undefined, position: Position): Target | undefined {
  const word = wordAt(document, position);
  if (!word) return undefined;
  const reftel = cable ? reftelTarget(document, cable, word) : undefined;
  if (reftel) return reftel;
  const refId = /^\d{2}[A-Z]/.test(word.text) ? parseRefId(word.text) : undefined;
  if (refId) return { kind: 'refId', range: word.range, refId: refId.text, own: false };
  if (!/[A-Z]/.test(word.text)) return undefined;
  return { kind: 'word', range: word.range, text: word.text, lineText: lineText(document, position.line) };
}

/** The words that point to the caption's REF items in the text: `reftel`, `REFTELS`, `ref A`, `REFS A and B`. */
const REFTEL_WORD = /^(?:reftels?|refs?)$/i;
/** Item letters after the word: ` A`, ` B and C`, ` A-C`, ` A, B`; upper case, as the caption writes them. */
const ITEM_LETTERS = /^\s+([A-H](?:\s*(?:,|and|AND|&|-|–)\s*[A-H])*)(?![A-Za-z0-9])/;

/**
 * `reftel` points to the caption's REF items (all of them, or the only one); `ref B` to item B. Letters that name
 * no item (`REFTEL A NEW LAW` in an all-capitals cable) are read as words, not letters.
 */
function reftelTarget(document: TextDocument, cable: Cable, word: { text: string; range: Range }): Target | undefined {
  if (!REFTEL_WORD.test(word.text)) return undefined;
  const items = cable.caption.refs?.items ?? [];
  const rest = lineText(document, word.range.start.line).slice(word.range.end.character);
  const written = ITEM_LETTERS.exec(rest);
  const letters = written ? expandLetters(written[1]) : [];
  const named = items.filter((item) => item.letter && letters.includes(itemLetter(item)));
  if (!named.length) return { kind: 'reftel', range: word.range, text: word.text, items, missing: [] };
  const end = { line: word.range.end.line, character: word.range.end.character + written![0].length };
  const missing = letters.filter((letter) => !named.some((item) => itemLetter(item) === letter));
  return { kind: 'reftel', range: { start: word.range.start, end }, text: `${word.text}${written![0]}`, items: named, missing };
}

/** `A.`, `(B)`, `¶C` → `A`, `B`, `C`. */
function itemLetter(item: Reference): string {
  return (item.letter?.text ?? '').replace(/[().¶:\s]/g, '').toUpperCase();
}

/** `A-C` → A, B, C; `B and D` → B, D. */
function expandLetters(text: string): string[] {
  const letters: string[] = [];
  for (const part of text.split(/\s*(?:,|and|AND|&)\s*/)) {
    const span = /^([A-H])\s*[-–]\s*([A-H])$/.exec(part);
    if (!span) {
      letters.push(part.trim());
      continue;
    }
    for (let code = span[1].charCodeAt(0); code <= span[2].charCodeAt(0); code++) letters.push(String.fromCharCode(code));
  }
  return letters.filter(Boolean);
}
