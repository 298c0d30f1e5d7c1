/** A parsed cable → the values the CLI prints, read from the model only (no text is re-read here). */
import type { Cable, Reference, Sourced } from '../language/model';
import type { CableSummary, ReferenceItemSummary } from './report';

export function summarizeCable(cable: Cable): CableSummary {
  const { caption } = cable;
  const classifiedBy = caption.classifiedBy;
  return {
    refId: cable.refId?.value.text ?? null,
    date: cable.date?.value ?? null,
    classification: cable.classification?.value.text ?? null,
    origin: cable.origin?.value ?? null,
    precedence: cable.precedence?.value ?? null,
    tags: caption.tags?.tags.map((tag) => tag.text) ?? [],
    subject: caption.subject?.text || null,
    references: caption.refs?.items.flatMap(idsOf) ?? [],
    referenceItems: caption.refs?.items.map(summarizeReference) ?? [],
    classifiedBy: classifiedBy
      ? { name: classifiedBy.name ?? null, title: classifiedBy.title ?? null, text: classifiedBy.authority?.text ?? null }
      : null,
    reasons: classifiedBy?.reasons.map((reason) => `${reason.section}(${reason.letter})`) ?? [],
    declassifyOn: caption.eo?.declIso ?? caption.eo?.decl?.text ?? null,
    paragraphs: cable.body.paragraphs.length,
    sources: sourcesOf(cable),
  };
}

/** The ids of the telegrams an item names whose year is known. */
function idsOf(item: Reference): string[] {
  return item.cables.flatMap((cable) => (cable.refId ? [cable.refId] : []));
}

function summarizeReference(item: Reference): ReferenceItemSummary {
  return { letter: item.letter?.text.toUpperCase() ?? null, kind: item.kind, text: item.text, ids: idsOf(item) };
}

function sourcesOf(cable: Cable): Record<string, string> {
  const fields: Array<[string, Sourced<unknown> | undefined]> = [
    ['refId', cable.refId],
    ['date', cable.date],
    ['classification', cable.classification],
    ['origin', cable.origin],
    ['precedence', cable.precedence],
  ];
  const sources: Record<string, string> = {};
  for (const [field, value] of fields) if (value) sources[field] = value.source;
  return sources;
}
