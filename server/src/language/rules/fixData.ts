/**
 * What a diagnostic carries in `data` for its quick fix. Shared by the rules, which fill it, and the code
 * actions, which turn it into edits. Replacements carry the text they expect to replace, so a fix offered for
 * a diagnostic that no longer matches the document (the user typed since) is dropped instead of misapplied.
 */
import type { Range } from 'vscode-languageserver-types';

/** What a `replace` fix changes; the code actions name the fix after it. */
export type ReplaceTarget = 'tag' | 'security-letters' | 'security-prosign' | 'banner-classification';

/** Replace the diagnostic's range, which holds `expected`, by `replacement`. */
export interface ReplaceFix {
  fix: 'replace';
  target: ReplaceTarget;
  expected: string;
  replacement: string;
}

/** Insert `marking` (e.g. `(C)`) at the marking position of the paragraphs starting on `lines`. */
export interface InsertMarkingFix {
  fix: 'insert-marking';
  marking: string;
  lines: number[];
}

/** One paragraph number to rewrite, e.g. `¶4.` → `¶3.`. */
export interface NumberEdit {
  range: Range;
  expected: string;
  newText: string;
}

/** Renumber paragraphs: one edit per wrong number token. */
export interface RenumberFix {
  fix: 'renumber-paragraphs';
  edits: NumberEdit[];
}

export type FixData = ReplaceFix | InsertMarkingFix | RenumberFix;

const isString = (value: unknown): value is string => typeof value === 'string';
const isRange = (value: unknown): value is Range =>
  typeof value === 'object' && value !== null && typeof (value as Range).start?.line === 'number' && typeof (value as Range).end?.line === 'number';

/** Narrows a diagnostic's `data` (which comes back from the client as plain JSON) to fix data of a known shape. */
export function isFixData(data: unknown): data is FixData {
  if (typeof data !== 'object' || data === null) return false;
  const fix = data as Record<string, unknown>;
  switch (fix.fix) {
    case 'replace':
      return isString(fix.target) && isString(fix.expected) && isString(fix.replacement);
    case 'insert-marking':
      return isString(fix.marking) && Array.isArray(fix.lines) && fix.lines.every((line) => typeof line === 'number');
    case 'renumber-paragraphs':
      return Array.isArray(fix.edits) && fix.edits.every((edit: NumberEdit) => isRange(edit?.range) && isString(edit.expected) && isString(edit.newText));
    default:
      return false;
  }
}
