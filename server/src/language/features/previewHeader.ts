/**
 * The header card of the Cable Preview, read from the model: ref id, date, from and to, classification with
 * caveats and controls, precedence, E.O. line, TAGS with their meanings, subject, references (with the workspace
 * file of each cited cable) and Classified By. Plain data; the client renders and escapes it.
 */
import type {
  PreviewAddress,
  PreviewCitation,
  PreviewHeader,
  PreviewReference,
  PreviewTag,
  PreviewTerm,
} from '../../../../shared/previewProtocol';
import type { Dictionaries } from '../dicts/dictionaries';
import type { AddressList, Cable, Classification, EoLine, Reference } from '../model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isoDateInWords, utcInWords } from './dateWords';
import { executiveOrder, reasonWording } from './executiveOrders';
import { explainTag } from './hover/words';

export interface HeaderContext {
  dictionaries: Dictionaries;
  workspace?: WorkspaceIndex;
}

export function previewHeader(cable: Cable, context: HeaderContext): PreviewHeader {
  const { dictionaries } = context;
  const { caption, routing } = cable;
  const bodyStart = cable.body.range?.start.line;
  const endLine = bodyStart !== undefined && bodyStart > cable.range.start.line ? bodyStart - 1 : cable.range.end.line;
  const subject = caption.subject?.text.trim() || cable.preamble?.title?.text.trim() || undefined;
  const precedence = cable.precedence?.value;
  return {
    line: cable.range.start.line,
    endLine,
    refId: cable.refId?.value.text,
    date: cable.date ? dateInWords(cable.date.value) : undefined,
    dtg: routing?.dtg ? `${routing.dtg.dayTime.text} ${routing.dtg.month.text} ${routing.dtg.year.text}` : undefined,
    origin: cable.origin?.value,
    from: addresses(routing?.from, dictionaries),
    to: addresses(routing?.to, dictionaries),
    info: addresses(routing?.info, dictionaries),
    classification: cable.classification ? classification(cable.classification.value, cable, dictionaries) : undefined,
    precedence: precedence ? { text: precedence, meaning: dictionaries.precedence.get(precedence) } : undefined,
    offices: cable.banner?.officeLines.map((line) => line.text.trim()).filter(Boolean) ?? [],
    eo: caption.eo ? eoLine(caption.eo, dictionaries) : undefined,
    tags: (caption.tags?.tags ?? []).map((tag) => previewTag(tag.text, dictionaries)),
    subject,
    references: (caption.refs?.items ?? []).map((item) => reference(item, context.workspace)),
    classifiedBy: caption.classifiedBy && {
      authority: caption.classifiedBy.authority?.text.trim() || undefined,
      reasons: caption.classifiedBy.reasons.map((reason) => {
        const wording = reasonWording(
          reason.section,
          reason.letter,
          { date: cable.date?.value, order: caption.eo?.order?.text },
          dictionaries.orders,
        );
        return {
          text: `${reason.section}(${reason.letter})`,
          meaning: wording.wording ? `${wording.citation}: ${wording.wording}` : wording.citation,
        };
      }),
    },
  };
}

/** `2009-02-04T17:08:00Z` → `Wednesday, 4 February 2009, 17:08 UTC`; a date alone → `4 February 2009`. */
function dateInWords(iso: string): { text: string; iso: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  const timed = match ? utcInWords(+match[1], +match[2], +match[3], +match[4], +match[5]) : undefined;
  return { text: timed?.words ?? isoDateInWords(iso), iso };
}

function addresses(list: AddressList | undefined, dictionaries: Dictionaries): PreviewAddress[] {
  return (list?.addresses ?? []).map((address) => {
    const name = address.name.text.replace(/\s+/g, ' ').trim();
    const station = dictionaries.stationAddresses.get(name.toUpperCase());
    return { text: name, meaning: station?.label, precedence: address.precedence?.text };
  });
}

function classification(value: Classification, cable: Cable, dictionaries: Dictionaries): NonNullable<PreviewHeader['classification']> {
  const { controls, levels } = dictionaries;
  const seen = new Set<string>();
  const terms: PreviewTerm[] = [];
  for (const token of [...(cable.banner?.controls ?? []), ...(cable.caption.tags?.controls ?? [])]) {
    const text = token.text.replace(/\s+/g, ' ').trim().toUpperCase();
    if (!text || seen.has(text) || value.caveats.includes(text)) continue;
    seen.add(text);
    terms.push({ text, meaning: controls.lookup(text)?.meaning });
  }
  return {
    level: value.level,
    text: value.text,
    meaning: levels.byLevel[value.level].meaning,
    caveats: value.caveats.map((caveat) => ({ text: caveat, meaning: controls.byCode.get(caveat)?.meaning })),
    controls: terms,
  };
}

function eoLine(eo: EoLine, { markings, orders }: Dictionaries): NonNullable<PreviewHeader['eo']> {
  const order = eo.order ? { text: `E.O. ${eo.order.text}`, meaning: executiveOrder(eo.order.text, orders)?.title } : undefined;
  const decl = eo.decl?.text.trim();
  let declassify: PreviewTerm | undefined;
  if (eo.declKind === 'date' && eo.declIso) declassify = { text: isoDateInWords(eo.declIso), meaning: `DECL: ${decl}` };
  else if (decl) declassify = { text: decl, meaning: markings.declassification_markings[decl.toUpperCase().split(/[\s,;]+/)[0] ?? ''] };
  return { order, declassify };
}

export function previewTag(code: string, dictionaries: Dictionaries): PreviewTag {
  const explanation = explainTag(code, dictionaries);
  switch (explanation.status) {
    case 'known':
      return { code, meaning: explanation.entry.meaning, kind: explanation.entry.kind };
    case 'glued': {
      const [a, b] = explanation.parts;
      return {
        code,
        meaning: `${a} (${dictionaries.tags.get(a)!.meaning}) and ${b} (${dictionaries.tags.get(b)!.meaning}), run together`,
        kind: 'glued',
      };
    }
    case 'acronym':
      return { code, meaning: `Not a TAG; as an acronym: ${explanation.meaning}`, kind: 'acronym' };
    case 'unknown':
      return {
        code,
        meaning: explanation.suggestion ? `Unknown TAG; did you mean ${explanation.suggestion}?` : undefined,
        kind: 'unknown',
      };
  }
}

/** The item's text with each telegram it names cut out as a citation (found in order; the rest stays text). */
function reference(item: Reference, workspace: WorkspaceIndex | undefined): PreviewReference {
  const cables = item.cables.map((citation) => citationOf(citation.text, citation.refId, workspace));
  const runs: PreviewReference['runs'] = [];
  const text = item.text.replace(/\s+/g, ' ').trim();
  let from = 0;
  item.cables.forEach((citation, index) => {
    const at = text.indexOf(citation.text.replace(/\s+/g, ' '), from);
    if (at < 0) return;
    if (at > from) runs.push({ text: text.slice(from, at) });
    runs.push({ text: text.slice(at, at + citation.text.length), cite: index });
    from = at + citation.text.length;
  });
  if (from < text.length) runs.push({ text: text.slice(from) });
  return { letter: item.letter?.text.replace(/[().:\s]/g, '') || undefined, kind: item.kind, runs, cables };
}

function citationOf(text: string, refId: string | undefined, workspace: WorkspaceIndex | undefined): PreviewCitation {
  if (!refId || !workspace) return { text, refId };
  const [found] = workspace.findCableFiles(refId);
  if (!found) return { text, refId };
  const subject = workspace.cablesWithId(refId).find((cable) => cable.uri === found.uri)?.subject;
  return { text, refId, target: { uri: found.uri, line: found.range.start.line }, subject };
}
