/**
 * Consistency checks: what a cable's text plainly holds that the model lacks or misreads. Each check looks at
 * the raw text with its own, deliberately simple patterns (independent of the parser's), and at the model's
 * public fields; a cable is flagged in a class when the two disagree. Used by `npm run corpus-report` and by
 * the corpus test, which bounds each class's share of the corpus.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Cable, CableFile } from '../../server/src/language/model';

export type ConsistencyClass =
  | 'subject-holds-item'
  | 'ref-without-reference'
  | 'classified-by-unread'
  | 'tags-unread'
  | 'eo-unread'
  | 'subject-unread'
  | 'date-unread'
  | 'decl-unread'
  | 'name-holds-title'
  | 'reasons-unread'
  | 'missing-rule-false';

export const CONSISTENCY_CLASSES: Record<ConsistencyClass, string> = {
  'subject-holds-item': 'a subject holding REF:, Classified By, E.O., TAGS or a page marker',
  'ref-without-reference': 'a REF keyword with a station and number, but no cable reference read',
  'classified-by-unread': 'Classified By in the text, none read',
  'tags-unread': 'a TAGS line, but no tags',
  'eo-unread': 'an E.O. line, none read',
  'subject-unread': 'a SUBJECT line, none read',
  'date-unread': 'a date-time group or record date, but no date',
  'decl-unread': 'a DECL date, but no declassification date',
  'name-holds-title': 'a classifier name holding a title word',
  'reasons-unread': 'classification reasons in the Classified By text, none read',
  'missing-rule-false': 'a "missing X" rule fires although X is in the text',
};

export interface ConsistencyFinding {
  kind: ConsistencyClass;
  /** What was seen, for the report's examples. */
  detail: string;
}

/** How far into the text the header and caption reach, generously (flattened cables run the caption into ¶1). */
const HEADER_CHARS = 6000;

const SUBJECT_ITEMS = /\b(?:REFS?|REFTELS?)\s*:|\bCLASSIFIED\s+BY\b|\bE\.\s?O\.\s?\d{5}|\bTAGS\s*:|\b\d{3}(?:\.\d)?\s+OF\s+\d{3}\b/i;
const REF_WITH_CABLE =
  /(?:^|[\s.:;])(?:REFS?|REFTELS?|REF\(S\)|REFERENCES?)\s*[:.]?\s*(?:[A-Z][.)]\s*)?(?:\d{2}\s+)?(?:SECSTATE|STATE|[A-Z][A-Z]{2,}(?:\s[A-Z]{2,}){0,2})\s+0*\d{1,6}\b/;
const CLASSIFIED_BY = /\bclassified\s+by\b\s*:?\s*\S/i;
const TAGS_LINE = /(?:^|\s|[a-z0-9.])(?:TAGS?|TGS)\s*:\s*[A-Z]{2}|^\s*TAGS\s+[A-Z]{2}/im;
const EO_LINE = /\bE\.\s?O\.\s?\d{5}\s*[:;,.]?\s*(?:DECL|N\/A|OADR|\d)/i;
const SUBJECT_LINE = /\bSUBJ(?:ECT)?\s*:\s*\S/;
const DTG = /\b[ZOPR]\s+\d{6}Z\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+\d{2}\b/i;
const RECORD_DATE = /^\s*\d{1,6}\s*\n\s*(?:19|20)\d{2}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?\s*$/m;
const DECL_DATE = /\bDECL(?:ASSIFY)?(?:\s+ON)?\s*:?\s*(\d{1,2}\/\d{1,2}\/\d{2,4})/i;
const TITLE_WORD =
  /\b(?:AMBASSADOR|AMB|DCM|CDA|CHARGE|D'AFFAIRES|POLCOUNS|ECONCOUNS|POLOFF|ECONOFF|POLITICAL|ECONOMIC|COUNSELOR|COUNSELLOR|CONSUL|DEPUTY|CHIEF|MISSION|OFFICER|SECRETARY|DIRECTOR|ACTING|REASONS?)\b/i;
const REASONS = /\b1\s?\.\s?[45]\s*\(?\s*[A-Ha-h]\b/;

/** What the text of `cable` (its lines `text`) holds that its model lacks. */
export function checkCableConsistency(text: string, cable: Cable): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  const head = text.slice(0, HEADER_CHARS);
  const { caption } = cable;
  const found = (kind: ConsistencyClass, detail: string) => findings.push({ kind, detail: detail.replace(/\s+/g, ' ').slice(0, 160) });

  const subject = caption.subject?.text ?? '';
  const item = SUBJECT_ITEMS.exec(subject);
  if (item) found('subject-holds-item', `subject "…${subject.slice(Math.max(0, item.index - 30), item.index + 40)}…"`);

  const ref = REF_WITH_CABLE.exec(head);
  if (ref && !caption.refs?.items.some((i) => i.kind === 'cable')) found('ref-without-reference', ref[0]);

  const classifiedBy = CLASSIFIED_BY.exec(head);
  if (classifiedBy && !caption.classifiedBy) found('classified-by-unread', head.slice(classifiedBy.index, classifiedBy.index + 80));

  const tags = TAGS_LINE.exec(head);
  if (tags && !caption.tags?.tags.length) found('tags-unread', head.slice(tags.index, tags.index + 60));

  const eo = EO_LINE.exec(head);
  if (eo && !caption.eo) found('eo-unread', eo[0]);

  const subjectLine = SUBJECT_LINE.exec(head);
  if (subjectLine && !caption.subject?.text) found('subject-unread', head.slice(subjectLine.index, subjectLine.index + 60));

  const dtg = DTG.exec(head) ?? RECORD_DATE.exec(head);
  if (dtg && !cable.date) found('date-unread', dtg[0]);

  const decl = DECL_DATE.exec(head);
  if (decl && caption.eo && !caption.eo.declIso && !caption.eo.declInvalidDate) found('decl-unread', decl[0]);

  const name = caption.classifiedBy?.name;
  const title = name ? TITLE_WORD.exec(name) : null;
  if (name && title) found('name-holds-title', `name "${name}"`);

  const authority = caption.classifiedBy ? textOf(text, caption.classifiedBy.range) : '';
  if (caption.classifiedBy && REASONS.test(authority) && !caption.classifiedBy.reasons.length) found('reasons-unread', authority);
  return findings;
}

/** "missing X" rules that fire although the text holds X. */
export function checkMissingRules(text: string, diagnostics: Diagnostic[]): ConsistencyFinding[] {
  const head = text.slice(0, HEADER_CHARS);
  const present: Record<string, RegExp> = { CBL401: EO_LINE, CBL406: TAGS_LINE, CBL409: SUBJECT_LINE, CBL411: CLASSIFIED_BY };
  const findings: ConsistencyFinding[] = [];
  for (const diagnostic of diagnostics) {
    const pattern = present[String(diagnostic.code)];
    const match = pattern?.exec(head);
    if (match)
      findings.push({ kind: 'missing-rule-false', detail: `${diagnostic.code} although the text has "${match[0].trim().slice(0, 60)}"` });
  }
  return findings;
}

/** Every finding for one file: its cables' and its missing-rule diagnostics'. */
export function checkFileConsistency(text: string, model: CableFile, diagnostics: Diagnostic[]): ConsistencyFinding[] {
  const findings = model.cables.length ? checkCableConsistency(text, pickMainCable(model)) : [];
  return [...findings, ...checkMissingRules(text, diagnostics)];
}

/** The cable that carries the file's caption: the one with most caption fields (a file is one cable in the corpus). */
function pickMainCable(model: CableFile): Cable {
  const fields = (cable: Cable) => Object.values(cable.caption).filter((v) => v !== undefined).length;
  return model.cables.reduce((best, cable) => (fields(cable) > fields(best) ? cable : best));
}

function textOf(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r\n|\r|\n/).slice(range.start.line, range.end.line + 1);
  if (!lines.length) return '';
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, range.end.character);
  lines[0] = lines[0].slice(range.start.character);
  return lines.join('\n');
}
