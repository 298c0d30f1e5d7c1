/**
 * The texts a new-cable skeleton leaves to fill in (`DECL: MM/DD/YYYY`, `SUBJECT: SUBJECT IN CAPITALS`): one
 * place for the skeleton that writes them and the rule that flags them until they are filled. No real cable
 * holds them (checked on the corpus).
 */
import type { Cable, Range } from '../model';

/** The placeholder text of each field, as the skeletons write it. */
export const PLACEHOLDERS = {
  /** `DE RUEHXX #0001/01 …`: the sending station. */
  station: 'RUEHXX',
  /** `FM AMEMBASSY POST`. */
  from: 'AMEMBASSY POST',
  /** `C O N F I D E N T I A L POST 000001`. */
  post: 'POST',
  /** `E.O. 13526: DECL: MM/DD/YYYY`. */
  decl: 'MM/DD/YYYY',
  /** `SUBJECT: SUBJECT IN CAPITALS`. */
  subject: 'SUBJECT IN CAPITALS',
  /** `Classified By: NAME, TITLE. Reasons 1.4(b).` */
  classifiedBy: 'NAME, TITLE',
  /** The signature line. */
  signature: 'SIGNATURE',
} as const;

export type PlaceholderField = keyof typeof PLACEHOLDERS;

/** One placeholder still in the cable: where, as written, and what belongs there instead. */
export interface UnfilledPlaceholder {
  field: PlaceholderField;
  text: string;
  range: Range;
}

/** How each field's placeholder is recognised: its text, give or take case and spacing (`MM/DD/YY` too). */
const SHAPES: Record<PlaceholderField, RegExp> = {
  station: /^RUEHXX$/i,
  from: /^(?:AMEMBASSY|AMCONSUL|USMISSION)\s+POST$/i,
  post: /^POST$/i,
  decl: /^[MD]{2}\s*\/\s*[MD]{2}\s*\/\s*Y{2,4}$/i,
  subject: /^SUBJECT\s+IN\s+CAPITALS$/i,
  classifiedBy: /^NAME\s*,\s*TITLE\.?$/i,
  signature: /^SIGNATURE$/i,
};

/** What each field expects, for the rule's message. */
export const PLACEHOLDER_EXPECTED: Record<PlaceholderField, string> = {
  station: "the sending station's routing indicator, e.g. DE RUEHME",
  from: 'the sending post, e.g. FM AMEMBASSY MEXICO',
  post: 'the sending post as the ref id names it, e.g. MEXICO 000283',
  decl: 'the declassification date as mm/dd/yyyy, e.g. DECL: 01/15/2019 (N/A in an unclassified cable)',
  subject: "the cable's subject, e.g. SUBJECT: MEXICO: JUDICIAL REFORM",
  classifiedBy: "the classifier's name and title, e.g. Classified By: POLCOUNS CHARLES V. BARCLAY",
  signature: 'the name of who signs the cable, e.g. GARZA',
};

/** Words a reader uses for each field, for the rule's message. */
export const PLACEHOLDER_FIELD_WORDS: Record<PlaceholderField, string> = {
  station: 'The DE line',
  from: 'The FM line',
  post: 'The banner',
  decl: 'The E.O. line',
  subject: 'The SUBJECT line',
  classifiedBy: 'The Classified By line',
  signature: 'The signature',
};

/** True when `text` is the skeleton's placeholder for `field`. */
export function isPlaceholder(field: PlaceholderField, text: string): boolean {
  return SHAPES[field].test(text.trim());
}

/** The skeleton's placeholders still in `cable`, in the order they stand. */
export function unfilledPlaceholders(cable: Cable): UnfilledPlaceholder[] {
  const { routing, banner, caption, body } = cable;
  const candidates: Array<[PlaceholderField, { text: string; range: Range } | undefined]> = [
    ['station', routing?.de?.station],
    ...(routing?.from?.addresses ?? []).map((address): [PlaceholderField, { text: string; range: Range }] => ['from', address.name]),
    ['post', banner?.post],
    ['decl', caption.eo?.decl],
    ['subject', caption.subject?.textRange && { text: caption.subject.text, range: caption.subject.textRange }],
    ['classifiedBy', caption.classifiedBy?.authority],
    ['signature', body.signature],
  ];
  return candidates.flatMap(([field, token]) =>
    token && isPlaceholder(field, token.text) ? [{ field, text: token.text.trim(), range: token.range }] : [],
  );
}
