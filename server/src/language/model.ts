/**
 * The cable document model: what the parser makes of a cable file, with exact ranges.
 * Every feature and rule reads this model; none re-reads the text.
 * Ranges are LSP ranges (zero-based line, UTF-16 character), end exclusive.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export type { Position, Range };

/** Classification rank, lowest first: `(U)` < `(SBU)` < `(C)` < `(S)` < `(TS)`. */
export type Level = 'U' | 'SBU' | 'C' | 'S' | 'TS';

export const LEVEL_RANK: Record<Level, number> = { U: 0, SBU: 1, C: 2, S: 3, TS: 4 };

/** A classification as written, e.g. `CONFIDENTIAL//NOFORN` → level C, caveats [NOFORN]. */
export interface Classification {
  readonly level: Level;
  /** Dissemination caveats in canonical words: NOFORN, FOUO, SIPDIS is not one (it is a distribution marker). */
  readonly caveats: string[];
  /** Canonical text as index.csv spells it: `CONFIDENTIAL`, `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`. */
  readonly text: string;
}

/** A piece of text with its range, e.g. the `RUEHME` of `DE RUEHME #0283/01 0351708`. */
export interface Token {
  readonly text: string;
  readonly range: Range;
}

/** A reference id such as `09MEXICO283`: two-digit year, origin (post, no spaces), serial without leading zeros. */
export interface RefId {
  readonly text: string;
  readonly year: string;
  readonly origin: string;
  readonly serial: string;
}

/** Where a cable-level value was read from; a value from the file name is a last resort. */
export type ValueSource = 'preamble' | 'record' | 'routing' | 'banner' | 'banner+dtg' | 'extract' | 'filename';

/** A cable-level value and where it came from (range of the text it was read from, absent for the file name). */
export interface Sourced<T> {
  readonly value: T;
  readonly source: ValueSource;
  readonly range?: Range;
}

/** A problem the parser met, as data. `code` is the name of the rule that reports it. */
export interface ParseProblem {
  readonly code: string;
  readonly message: string;
  readonly range: Range;
}

/** The five-line metadata preamble: `09MEXICO283` / title / `Wed Feb 04 00:00:00 +0100 2009` / `CONFIDENTIAL` / `Embassy Mexico`. */
export interface MetadataPreamble {
  range: Range;
  refId?: Token & { refId?: RefId };
  title?: Token;
  date?: Token & { iso?: string };
  classification?: Token & { classification?: Classification };
  origin?: Token;
}

/** The cables.csv record form: `86237` / `2006-11-17 23:37:00` / `06MEXICO6546` / `Embassy Mexico` / `CONFIDENTIAL` / `06MEXICO5318|06MEXICO6278`. */
export interface RecordPreamble {
  range: Range;
  rowId?: Token;
  date?: Token & { iso?: string };
  refId?: Token & { refId?: RefId };
  origin?: Token;
  classification?: Token & { classification?: Classification };
  /** The record's list of referenced ref ids, `|`-separated. */
  references?: RecordReference[];
}

/** One id of a record's reference list, `06MEXICO5318` of `06MEXICO5318|06MEXICO6278`; `refId` when it reads as one. */
export interface RecordReference extends Token {
  readonly refId?: RefId;
}

/** `DE RUEHME #0283/01 0351708`: station, serial, section, day of year and time (UTC). */
export interface DeLine {
  range: Range;
  station?: Token;
  serial?: Token;
  section?: Token;
  /** The `0351708` group: day of year 035, time 17:08. */
  dayTime?: Token;
  dayOfYear?: number;
  hour?: number;
  minute?: number;
  /** False when the line starts with `DE` but does not have the expected shape. */
  wellFormed: boolean;
}

/** `ZNY CCCCC ZZH`: prosign, classification letters, operating signal. */
export interface SecurityLine {
  range: Range;
  prosign: Token;
  letters?: Token;
  /** The repeated letter when all five agree: U, E, C, S or T. */
  letter?: string;
  trailer?: Token;
}

/** Date-time group `R 041708Z FEB 09` (or `041708Z FEB 09` in a partial extract's `291359Z Nov 00`). */
export interface DateTimeGroup {
  /** The DTG itself, from its first precedence letter to the year (service text after it is not part of it). */
  range: Range;
  /** The action precedence: `O` in `O P 011212Z AUG 06`; it is the cable's precedence. */
  precedence?: Token;
  /** The info addressees' precedence, the second letter of `O P 011212Z AUG 06`. */
  infoPrecedence?: Token;
  /** Operating signals after the DTG on its line: `ZDK` in `R 041708Z FEB 09 ZDK` (a retransmission). */
  serviceText?: Token;
  /** The `041708Z` token. */
  dayTime: Token;
  month: Token;
  year: Token;
  day: number;
  hour: number;
  minute: number;
  /** 1–12, or 0 when the month word is unknown. */
  monthNumber: number;
  /** Four-digit year (two-digit years are 19xx before 66... see parseDates). */
  fullYear: number;
  /** `2009-02-04T17:08:00Z` when every part is valid. */
  iso?: string;
}

/** One addressee, e.g. `RUEHC/SECSTATE WASHDC 4895` or `AMEMBASSY NAIROBI`. */
export interface Address {
  range: Range;
  indicator?: Token;
  name: Token;
  /** Trailing precedence word (`PRIORITY`, `IMMEDIATE`, `NIACT IMMEDIATE`). */
  precedence?: Token;
  /** Trailing serial number, e.g. `4895`. */
  serial?: Token;
}

/** `FM`, `TO` or `INFO` with its addressees (first line and continuation lines). */
export interface AddressList {
  range: Range;
  keyword: Token;
  addresses: Address[];
}

/** The routing header: `VZCZC…` through the `INFO` list, or the older `PAGE 01 …`/`ACTION`/`INFO` office form. */
export interface RoutingHeader {
  range: Range;
  transmissionId?: Token;
  /** `RR RUEHCD RUEHGD …`: precedence pair and the indicators of the stations that relay it. */
  precedence?: Token;
  relayIndicators: Token[];
  de?: DeLine;
  security?: SecurityLine;
  dtg?: DateTimeGroup;
  from?: AddressList;
  to?: AddressList;
  info?: AddressList;
  /** Older cables: `PAGE 01 HARARE 06677 01 OF 03 291400Z`. */
  pageLines: Token[];
  /** Older cables: `ACTION AF-00` and `INFO LOG-00 NP-00 …` office lists. */
  officeLists: Token[];
}

/** The banner: `C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283`, `UNCLAS SAN JOSE 000123`. */
export interface Banner {
  range: Range;
  /** The classification words as written (letter-spaced or not). */
  classificationToken: Token;
  classification: Classification;
  letterSpaced: boolean;
  section?: { n: number; m: number; range: Range };
  /** `MEXICO` in the banner. */
  post?: Token;
  /** `000283` in the banner. */
  serial?: Token;
  /** `SIPDIS`, `NOFORN`, `SENSITIVE`, `EXDIS`, `FOR OFFICIAL USE ONLY` on and after the banner line. */
  controls: Token[];
  /** Office and passing lines after the banner, e.g. `DEPT FOR WHA/MEX`. */
  officeLines: Token[];
}

/** `E.O. 12958: DECL: 01/15/2019`. */
export interface EoLine {
  range: Range;
  keyword: Token;
  /** `12958`, `12065`, `12356`, `11652`, `13526`. */
  order?: Token;
  /** The keyword before the instruction, without its colon: `DECL` of `DECL: 01/15/2019`, `Declassify on`. */
  declKeyword?: Token;
  /** The declassification instruction after `DECL:` (or the whole rest of the line). */
  decl?: Token;
  declKind: 'date' | 'na' | 'oadr' | 'marking' | 'other' | 'missing';
  /** ISO date when `declKind` is `date` and the date exists. */
  declIso?: string;
  /** True when the DECL text looks like a date but the date does not exist. */
  declInvalidDate?: boolean;
}

/** `TAGS: PGOV PREL KCRM SNAR KJUS PINR MX` (space- or comma-separated, may wrap). */
export interface TagsField {
  range: Range;
  keyword: Token;
  /** The TAG codes, each once (the first time it stands), codes run together (`ETRDEINV`) read as two. */
  tags: Token[];
  /** A person's name after a people tag: `OVIP RICE CONDOLEEZZA`, `OVIP (BIDEN, JOSEPH R.)` (text without the brackets). */
  names?: TagName[];
  /** Words written as free text among the codes, one token per run: `IRAQI FREEDOM`, `GOI EXTERNAL`. */
  keywords?: Token[];
  /** Dissemination controls standing on the TAGS line (`SIPDIS`): no tags. */
  controls?: Token[];
  /** Words that are two known tags without the space (`IZPREL`), each once; their parts are in `tags`. */
  glued?: GluedTags[];
}

/** `IZPREL` as written, and the two tags it holds. */
export interface GluedTags extends Token {
  parts: [string, string];
}

/** A person's name on the TAGS line and the tag it follows (`OVIP`). */
export interface TagName extends Token {
  tag: string;
}

/** `SUBJECT: THE U.S.-MEXICAN RELATIONSHIP: …` (wraps). */
export interface SubjectField {
  range: Range;
  keyword: Token;
  /** The subject text with its lines joined by single spaces. */
  text: string;
  /** Range of the subject text (first to last character after the keyword). */
  textRange?: Range;
}

/** One REF item, e.g. `A. 08 MEXICO 3456`, `B) STATE 12345`, an e-mail or a memo. */
/**
 * What a REF item names: a telegram, or something that is none (`B. JONES-SMITH E-MAIL 05/11/07`,
 * `C. UNSCR 1737`, `D. STATE 041708Z FEB 09`, a phone call, a meeting). Only a telegram has a ref id.
 */
export type ReferenceKind =
  'cable' | 'email' | 'memo' | 'letter' | 'memcon' | 'report' | 'resolution' | 'dtg' | 'call' | 'meeting' | 'fax' | 'demarche' | 'other';

/** One telegram an item names: `STATE 12345` and `23456` of `A. STATE 12345, 23456`. */
export interface CableCitation {
  /** The text that names it, as written: `08 MEXICO CITY 2636`, or only `23456` when it shares the station before it. */
  readonly text: string;
  readonly range: Range;
  /** Canonical origin as ref ids spell it (`MEXICO CITY` → `MEXICO`, `HAGUE` → `THEHAGUE`). */
  readonly origin: string;
  readonly serial: string;
  /** Two-digit year the item gives (`08 STATE 1234`, `'08`, `(08)`); absent when it gives none. */
  year?: string;
  /** Canonical ref id, e.g. `08STATE74879`; absent while neither the item nor the cable gives a year. */
  refId?: string;
}

/** A REF item: `A. 08 MEXICO 3456`, `B) STATE 12345, 23456`, `C. JONES-SMITH E-MAIL 05/11/07`. */
export interface Reference {
  range: Range;
  letter?: Token;
  text: string;
  kind: ReferenceKind;
  /** Canonical ref id of the first telegram the item names, e.g. `08STATE74879` for `SECSTATE 74879` in a 2008 cable. */
  refId?: string;
  /** Range of the part that names that first telegram (`08 MEXICO 3456`). */
  refIdRange?: Range;
  /** Every telegram the item names, in order (`LIMA 12 AND 34` names two); empty for other kinds. */
  cables: CableCitation[];
}

/** `REF:`, `REFS:`, `REFTEL:` and its items. */
export interface RefsField {
  range: Range;
  keyword: Token;
  items: Reference[];
}

/** One classification reason, `1.4(b)`. */
export interface Reason {
  readonly range: Range;
  readonly section: string;
  readonly letter: string;
}

/** `Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)` (many spellings; may wrap). */
export interface ClassifiedByField {
  range: Range;
  keyword: Token;
  /** The text between the keyword and the reasons. */
  authority?: Token;
  name?: string;
  title?: string;
  reasons: Reason[];
  /** Range of `REASONS 1.4(b) and (d)`. */
  reasonsRange?: Range;
}

export interface Caption {
  range?: Range;
  eo?: EoLine;
  tags?: TagsField;
  subject?: SubjectField;
  refs?: RefsField;
  classifiedBy?: ClassifiedByField;
}

/** A portion marking `(C)`, `(SBU)`, `(S//NF)`, `(C/REL NATO)`: range covers the parentheses. */
export interface PortionMarking {
  readonly range: Range;
  /** Text inside the parentheses, e.g. `S//NF`. */
  readonly text: string;
  /** Undefined when the text is not a known marking. */
  readonly level?: Level;
  readonly caveats: string[];
  /** Each caveat as written, upper-cased, in the order of `caveats`: `NF` of `(S//NF)`, `REL NATO` of `(C/REL NATO)`. */
  readonly writtenCaveats?: readonly string[];
}

/** A numbered paragraph `¶1. (C) Summary. …` with its marking; range spans to its last line. */
export interface Paragraph {
  range: Range;
  number: number;
  /** `¶1.` or `1.` */
  numberToken: Token;
  pilcrow: boolean;
  marking?: PortionMarking;
  /** Where a missing marking belongs (after the number and one space). */
  markingPosition: Position;
  /** The first words of the paragraph text (after the marking), for outlines. */
  lead: string;
  /** Index into `Body.headings` of the heading this paragraph sits under, or -1. */
  headingIndex: number;
  /** True when the number heads a title (`¶5. Money Laundering Issues` above dashes or a blank line), not a sentence. */
  title?: boolean;
  /** True when lines inside the paragraph carry their own markings (`-- (C) …`, `A. (S/NF) …`, `(C)` under a title). */
  markedWithin?: boolean;
  /** How many whole paragraphs, number included, the publisher withheld after this one (`XXXXXXXXXXXX` lines alone). */
  withheldAfter?: number;
}

/** A free-standing heading between paragraphs, e.g. `Encourage Better Inter-Institutional Cooperation`. */
export interface Heading {
  range: Range;
  text: string;
  /** Indexes into `Body.paragraphs` of the paragraphs under it, in order: `¶5` and `¶6` under `Enhance Intelligence Collection and Sharing`. */
  readonly paragraphIndexes: readonly number[];
  /** From the heading to the end of its last paragraph; the heading's own range when no paragraph follows it. */
  readonly sectionRange: Range;
}

/**
 * A line that breaks the body: `MEXICO 00000283 002 OF 003` (section n of m), `CARACAS 00002367 001.2 OF 004`
 * (page 2 of section 1), `PAGE 02 HARARE 06677 01 OF 03 291400Z`, or a page's classification line `CONFIDENTIAL`.
 */
export interface SectionBreak extends Token {
  n?: number;
  m?: number;
  page?: number;
  /** The classification a page's classification line gives: `CONFIDENTIAL` → C. */
  readonly classification?: Classification;
}

/** A classification line closing the cable, e.g. `CONFIDENTIAL` or `SECRET NOFORN`. */
export interface ClosingClassification extends Token {
  readonly classification?: Classification;
}

/** `Summary.` … `End Summary.` or `Comment:` … `End Comment.`; `end` absent when never closed. */
export interface Span {
  kind: 'summary' | 'comment';
  range: Range;
  start: Token;
  end?: Token;
}

export interface Body {
  range?: Range;
  paragraphs: Paragraph[];
  headings: Heading[];
  spans: Span[];
  /**
   * `MEXICO 00000283 002 OF 003` (section n of m), `CARACAS 00002367 001.2 OF 004` (page 2 of section 1),
   * `PAGE 02 HARARE 06677 01 OF 03 291400Z`.
   */
  sectionBreaks: SectionBreak[];
  /** `Visit Mexico City's Classified Web Site at …`. */
  footers: Token[];
  signature?: Token;
  /** A classification line closing the cable, e.g. `CONFIDENTIAL`. */
  trailingClassification?: ClosingClassification;
}

/** One cable, from its first metadata line to the line before the next cable. */
export interface Cable {
  range: Range;
  preamble?: MetadataPreamble;
  record?: RecordPreamble;
  /** `This record is a partial extract of the original cable…`. */
  extractNote?: Token;
  /** A partial extract's date line: `Wednesday, 29 November 2000, 13:59` or `Cable dated:2005-08-17T21:24:00`. */
  extractDate?: Token & { iso?: string };
  routing?: RoutingHeader;
  banner?: Banner;
  caption: Caption;
  body: Body;
  /** Cable-level values, each with where it came from. */
  refId?: Sourced<RefId>;
  date?: Sourced<string>;
  classification?: Sourced<Classification>;
  origin?: Sourced<string>;
  /** Precedence word (ROUTINE, PRIORITY, IMMEDIATE, FLASH) from the date-time group. */
  precedence?: Sourced<string>;
  /**
   * The four-digit year the cable was written in: 2009 for `R 041708Z FEB 09`; from `date` when there is one,
   * else from the date-time group's year alone (`R 311708Z FEB 09`, no such day). The one place features read it.
   */
  year?: number;
}

/** A whole file: one or more cables and the problems met. */
export interface CableFile {
  cables: Cable[];
  problems: ParseProblem[];
  lineCount: number;
  /** True when the text looked binary; parsing stopped early and one problem says so. */
  binary: boolean;
}
