/**
 * The Cable Preview's request: `cable/preview` asks the server for the reading view of an open cable, a
 * "preview document" of plain JSON (header fields, body blocks of text runs, source lines for scroll sync),
 * which the client turns into HTML. Types and the method name only, so both sides bundle it and neither
 * imports the other's code at run time. Every string in it is the cable's text or dictionary text: the
 * client must escape all of it.
 */

export const PREVIEW_REQUEST = 'cable/preview';

export interface PreviewParams {
  textDocument: { uri: string };
}

/** `U` < `SBU` < `C` < `S` < `TS`, as the model ranks them. */
export type PreviewLevel = 'U' | 'SBU' | 'C' | 'S' | 'TS';

/** The answer to `cable/preview`: null when the server does not have the document open. */
export interface PreviewDocument {
  uri: string;
  /** The document version the preview was made from. */
  version: number;
  lineCount: number;
  cables: PreviewCable[];
  /** Set when the document was too long to show whole: the preview stops before this (zero-based) line. */
  truncatedAt?: number;
}

/** One cable of the file: its header card and its body. Lines are zero-based and inclusive. */
export interface PreviewCable {
  line: number;
  endLine: number;
  header: PreviewHeader;
  blocks: PreviewBlock[];
}

/** A word or code with what it means, for a `title` tooltip: `ROUTINE`, `SIPDIS`, `1.4(b)`. */
export interface PreviewTerm {
  text: string;
  meaning?: string;
}

/** `AMEMBASSY MEXICO` (Embassy Mexico), `SECSTATE WASHDC` with its precedence word. */
export interface PreviewAddress {
  text: string;
  /** The post it names, from the stations dictionary: `Embassy Mexico`. */
  meaning?: string;
  precedence?: string;
}

export interface PreviewTag {
  code: string;
  /** `Internal Governmental Affairs`; absent for an unknown tag. */
  meaning?: string;
  /** `subject`, `program`, `geographic`, `organization`; `unknown` when not in the TAGS dictionary. */
  kind: 'subject' | 'program' | 'geographic' | 'organization' | 'glued' | 'acronym' | 'unknown';
}

/** A telegram a REF item names, and where it is in the workspace (when it is). */
export interface PreviewCitation {
  text: string;
  refId?: string;
  /** The file and zero-based line of the cited cable; absent when the workspace does not hold it. */
  target?: { uri: string; line: number };
  /** The cited cable's subject, when the workspace holds it. */
  subject?: string;
}

/** `A. 08 MEXICO 3456`: the item's text cut into plain text and the telegrams it names (`cite`: index into `cables`). */
export interface PreviewReference {
  letter?: string;
  kind: string;
  runs: Array<{ text: string; cite?: number }>;
  cables: PreviewCitation[];
}

export interface PreviewHeader {
  line: number;
  endLine: number;
  refId?: string;
  /** `Wednesday, 4 February 2009, 17:08 UTC`. */
  date?: { text: string; iso: string };
  /** The date-time group as written: `041708Z FEB 09`. */
  dtg?: string;
  /** The published origin: `Embassy Mexico`. */
  origin?: string;
  from: PreviewAddress[];
  to: PreviewAddress[];
  info: PreviewAddress[];
  classification?: { level: PreviewLevel; text: string; meaning?: string; caveats: PreviewTerm[]; controls: PreviewTerm[] };
  precedence?: PreviewTerm;
  /** Office and passing lines under the banner: `DEPT FOR WHA/MEX`. */
  offices: string[];
  /** `E.O. 12958` with the order's title, and when to declassify (`15 January 2019`, `OADR`). */
  eo?: { order?: PreviewTerm; declassify?: PreviewTerm };
  tags: PreviewTag[];
  subject?: string;
  references: PreviewReference[];
  /** `POLCOUNS CHARLES V. BARCLAY`, reasons `1.4(b)`, `1.4(d)` with their wording. */
  classifiedBy?: { authority?: string; reasons: PreviewTerm[] };
}

/**
 * A piece of running text. `acronym`: a word with a known meaning (`title`); `marking`: a portion marking inside
 * the text (`-- (C) …`); `spanMark`: the words that open or close a span (`Summary.`, `End Comment.`).
 * `span` is set on text inside a Summary or Comment that starts within the block (blocks wholly inside one say so
 * themselves).
 */
export interface PreviewRun {
  text: string;
  kind?: 'acronym' | 'marking' | 'spanMark';
  title?: string;
  level?: PreviewLevel;
  span?: 'summary' | 'comment';
}

/** A portion marking set apart: `(C)`, `(S//NF)`, with its level (absent when unknown) and meaning. */
export interface PreviewMarking {
  text: string;
  level?: PreviewLevel;
  meaning?: string;
}

/** One reflowed stretch of a paragraph: its source lines joined; a list item (`--`, `A.`) keeps its bullet apart. */
export interface PreviewPiece {
  line: number;
  endLine: number;
  bullet?: string;
  marking?: PreviewMarking;
  runs: PreviewRun[];
}

/** A Summary or Comment a block lies in (from its start): `index` tells spans apart; `open` when never closed. */
export interface PreviewSpanRef {
  kind: 'summary' | 'comment';
  index: number;
  open?: boolean;
}

interface BlockLines {
  line: number;
  endLine: number;
}

export type PreviewBlock =
  | (BlockLines & { kind: 'paragraph'; number: string; marking?: PreviewMarking; pieces: PreviewPiece[]; span?: PreviewSpanRef })
  | (BlockLines & { kind: 'heading'; number?: string; marking?: PreviewMarking; runs: PreviewRun[] })
  | (BlockLines & { kind: 'text'; pieces: PreviewPiece[]; span?: PreviewSpanRef })
  | (BlockLines & { kind: 'withheld'; count: number })
  | (BlockLines & { kind: 'break'; text: string })
  | (BlockLines & { kind: 'signature'; text: string })
  | (BlockLines & { kind: 'footer'; text: string });
