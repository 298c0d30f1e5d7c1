/**
 * What an editor must show for the reference cable and the fixtures, shared by the VS Code, Neovim
 * and Electron tests so that all three hold the extension to the same facts. Positions are found
 * in the text (never hard-coded line numbers), so a fixture can be edited without touching tests.
 */

/** The reference cable's outline: one cable symbol, five headings, each with its paragraphs; ¶1 precedes every heading. */
export const SAMPLE_OUTLINE = {
  cable: '09MEXICO283',
  leadParagraphs: ['¶1'],
  headings: [
    // A heading may run over two lines in the cable; its symbol starts with the first line's words.
    { startsWith: "Reinforce President Calderon's Commitment to Law Enforcement", paragraphs: ['¶2'] },
    { startsWith: 'Encourage Better Inter-Institutional Cooperation', paragraphs: ['¶3', '¶4'] },
    { startsWith: 'Enhance Intelligence Collection and Sharing', paragraphs: ['¶5', '¶6'] },
    { startsWith: 'Engage the Enemy on Our Side of the Border', paragraphs: ['¶7'] },
    { startsWith: 'Broaden Judicial Reform Effort', paragraphs: ['¶8', '¶9', '¶10', '¶11', '¶12'] },
  ],
} as const;

export interface HoverExpectation {
  word: string;
  /** Text of the line to hover on (its first occurrence in the cable); the word's first occurrence in it is hovered. */
  lineIncludes: string;
  meaning: RegExp;
}

/** Hovers on the reference cable: a TAG from the TAGS line and an acronym in ¶3. */
export const SAMPLE_HOVERS: HoverExpectation[] = [
  { word: 'PGOV', lineIncludes: 'TAGS: PGOV', meaning: /Internal Governmental Affairs/ },
  { word: 'SSP', lineIncludes: "Security's (SSP)", meaning: /Secretariat of Public Security/ },
];

/** The reference cable in the test workspace: once as a `.cable` file, once as a `.txt` file to be detected. */
export const SAMPLE_AS_CABLE = '09MEXICO283.cable';
export const SAMPLE_AS_TEXT = '09MEXICO283.txt';
export const DEFECTIVE_FIXTURE = 'unmarked-paragraph-and-secret-security-line.cable';
export const ERROR_FREE_FIXTURE = 'error-free.cable';
export const NOT_A_CABLE_FIXTURE = 'not-a-cable.txt';

export interface ExpectedProblem {
  /** What the problem is about, for messages. */
  about: string;
  /** Text of the fixture line the problem starts on. */
  lineStartsWith: string;
  message: RegExp;
}

/**
 * The defective fixture is the error-free one with exactly two defects, so exactly these two problems
 * are expected: ¶2 of a CONFIDENTIAL cable has no portion marking, and the security line says SECRET.
 */
export const DEFECTIVE_PROBLEMS = {
  missingMarking: { about: 'missing portion marking', lineStartsWith: '¶2. The agreement', message: /marking/i },
  securityLine: {
    about: 'security line disagreeing with CONFIDENTIAL',
    lineStartsWith: 'ZNY SSSSS ZZH',
    message: /SSSSS|security line|ZNY/i,
  },
} as const satisfies Record<string, ExpectedProblem>;

/** The marking the quick fix inserts into ¶2 of the CONFIDENTIAL defective fixture, and the fixed line. */
export const QUICK_FIX = { titleIncludes: '(C)', fixedLineStartsWith: '¶2. (C) The agreement' } as const;

/** Diagnostic codes are `CBL` and three digits; the source is `cable`. */
export const DIAGNOSTIC_CODE = /^CBL\d{3}$/;
export const DIAGNOSTIC_SOURCE = 'cable';

/** Zero-based line and UTF-16 character of `word` in the first line of `text` that includes `lineIncludes`. */
export function positionOf(text: string, lineIncludes: string, word: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((candidate) => candidate.includes(lineIncludes));
  if (line < 0) throw new Error(`no line includes ${JSON.stringify(lineIncludes)}`);
  const character = lines[line]!.indexOf(word);
  if (character < 0) throw new Error(`line ${line + 1} has no ${JSON.stringify(word)}`);
  return { line, character };
}

/** Zero-based number of the first line of `text` that starts with `prefix`. */
export function lineStartingWith(text: string, prefix: string): number {
  const line = text.split(/\r?\n/).findIndex((candidate) => candidate.startsWith(prefix));
  if (line < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return line;
}
