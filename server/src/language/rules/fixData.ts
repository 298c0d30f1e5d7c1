/**
 * What a diagnostic carries in `data` for its quick fix. Shared by the rules, which fill it, and the code
 * actions and `cable-lint --fix`, which turn it into edits. Replacements carry the text they expect to replace,
 * so a fix offered for a diagnostic that no longer matches the document (the user typed since) is dropped
 * instead of misapplied.
 *
 * `safe` is the one place that says whether the cable's own text proves the fix: a paragraph number out of
 * sequence, or a TAG one letter from a known one. Only safe fixes are preferred in the editor and applied by
 * `cable-lint --fix`; the others would put words into an archival record that it does not prove (a
 * classification, a marking) and are offered only as choices that say they change the record's text.
 */
import type { Range } from 'vscode-languageserver-types';

/** What a `replace` fix changes; the code actions name the fix after it. */
export type ReplaceTarget = 'tag' | 'security-letters' | 'security-prosign' | 'banner-classification';

interface FixBase {
  /** True when the cable's own text proves the fix (see above); absent or false otherwise. */
  safe?: boolean;
}

/** Replace the diagnostic's range, which holds `expected`, by `replacement`: `PRELL` → `PREL`. */
export interface ReplaceFix extends FixBase {
  fix: 'replace';
  target: ReplaceTarget;
  expected: string;
  replacement: string;
}

/**
 * Insert one of `markings` (`(U)`, `(SBU)`, `(C)`: each level the cable allows) at the marking position of the
 * paragraphs starting on `lines`. Never safe: which level a paragraph was is not in the text.
 */
export interface InsertMarkingFix extends FixBase {
  fix: 'insert-marking';
  markings: string[];
  lines: number[];
}

/** One paragraph number to rewrite, e.g. `¶4.` (`from` 4) → `¶3.` (`to` 3). */
export interface NumberEdit {
  range: Range;
  expected: string;
  newText: string;
  from: number;
  to: number;
  /** Written `¶4.` rather than `4.`: how a title names the paragraph. */
  pilcrow: boolean;
}

/** Renumber paragraphs: one edit per wrong number token. */
export interface RenumberFix extends FixBase {
  fix: 'renumber-paragraphs';
  edits: NumberEdit[];
}

export type FixData = ReplaceFix | InsertMarkingFix | RenumberFix;

/** `replace`, `insert-marking`, `renumber-paragraphs`. */
export type FixKind = FixData['fix'];

/** The fix data of one kind: `FixOf<'replace'>` is `ReplaceFix`. */
export type FixOf<K extends FixKind> = Extract<FixData, { fix: K }>;

/** True when the fix is proved by the cable's text, so it may be preferred and applied by `--fix`. */
export function isSafeFix(fix: FixData): boolean {
  return fix.safe === true;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isRange = (value: unknown): value is Range =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Range).start?.line === 'number' &&
  typeof (value as Range).end?.line === 'number';
const isNumberEdit = (edit: NumberEdit) =>
  isRange(edit?.range) &&
  isString(edit.expected) &&
  isString(edit.newText) &&
  typeof edit.from === 'number' &&
  typeof edit.to === 'number' &&
  typeof edit.pilcrow === 'boolean';

/** The shape check of each kind of fix, over JSON whose `fix` names that kind; a new kind needs its check here. */
const SHAPE_CHECKS = {
  replace: (fix) => isString(fix.target) && isString(fix.expected) && isString(fix.replacement),
  'insert-marking': (fix) =>
    Array.isArray(fix.markings) &&
    fix.markings.length > 0 &&
    fix.markings.every(isString) &&
    Array.isArray(fix.lines) &&
    fix.lines.every((line) => typeof line === 'number'),
  'renumber-paragraphs': (fix) => Array.isArray(fix.edits) && fix.edits.every(isNumberEdit),
} satisfies Record<FixKind, (fix: Record<string, unknown>) => boolean>;

const isFixKind = (kind: unknown): kind is FixKind => typeof kind === 'string' && Object.prototype.hasOwnProperty.call(SHAPE_CHECKS, kind);

/** Narrows a diagnostic's `data` (which comes back from the client as plain JSON) to fix data of a known shape. */
export function isFixData(data: unknown): data is FixData {
  if (typeof data !== 'object' || data === null) return false;
  const fix = data as Record<string, unknown>;
  if (fix.safe !== undefined && typeof fix.safe !== 'boolean') return false;
  return isFixKind(fix.fix) && SHAPE_CHECKS[fix.fix](fix);
}
