/**
 * Quick fixes for the rules' diagnostics, built from the fix data each diagnostic carries: insert a missing
 * portion marking, renumber paragraphs, replace an unknown TAG, make the security line or the banner agree
 * with the classification. A fix whose text no longer matches the document (the user typed since the
 * diagnostic) is not offered, rather than applied to the wrong text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionContext, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { CableFile, Paragraph } from '../model';
import { isFixData, type InsertMarkingFix, type RenumberFix, type ReplaceFix, type ReplaceTarget } from '../rules/fixData';
import { comparePositions } from './ranges';

/** The quick fixes for the cable diagnostics of `context` that touch `range`. */
export function getCodeActions(document: TextDocument, model: CableFile, range: Range, context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== 'cable' || !isFixData(diagnostic.data) || !overlaps(diagnostic.range, range)) continue;
    const action = actionFor(document, model, diagnostic, diagnostic.data);
    if (!action) continue;
    // Every numbering diagnostic of a cable carries the same renumbering: offer it once.
    const key = JSON.stringify([action.title, action.edit]);
    if (offered.has(key)) continue;
    offered.add(key);
    actions.push(action);
  }
  return actions;
}

function actionFor(document: TextDocument, model: CableFile, diagnostic: Diagnostic, fix: ReplaceFix | InsertMarkingFix | RenumberFix): CodeAction | undefined {
  switch (fix.fix) {
    case 'replace':
      return replaceAction(document, diagnostic, fix);
    case 'insert-marking':
      return insertMarkingAction(document, model, diagnostic, fix);
    case 'renumber-paragraphs':
      return renumberAction(document, diagnostic, fix);
  }
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function quickFix(document: TextDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred = false): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: edits } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

const REPLACE_TITLES: Record<ReplaceTarget, (fix: ReplaceFix) => string> = {
  tag: (fix) => `Replace TAG ${fix.expected} with ${fix.replacement}`,
  'security-letters': (fix) => `Change the security letters to ${fix.replacement}`,
  'security-prosign': (fix) => `Change the prosign to ${fix.replacement}`,
  'banner-classification': (fix) => `Change the banner to ${fix.replacement}`,
};

function replaceAction(document: TextDocument, diagnostic: Diagnostic, fix: ReplaceFix): CodeAction | undefined {
  if (document.getText(diagnostic.range) !== fix.expected) return undefined;
  const title = REPLACE_TITLES[fix.target]?.(fix);
  return title ? quickFix(document, title, diagnostic, [TextEdit.replace(diagnostic.range, fix.replacement)], true) : undefined;
}

/** The paragraph numbered on `line` that still has no marking, in the current model. */
function unmarkedParagraphOn(model: CableFile, line: number): Paragraph | undefined {
  for (const cable of model.cables) {
    const paragraph = cable.body.paragraphs.find((p) => p.numberToken.range.start.line === line);
    if (paragraph) return paragraph.marking ? undefined : paragraph;
  }
  return undefined;
}

/**
 * `(C) ` at the paragraph's marking position, with a space before it when the number runs on into it and no
 * space after it when the number ends the line.
 */
function markingEdit(document: TextDocument, paragraph: Paragraph, marking: string): TextEdit {
  const at = paragraph.markingPosition;
  const before = at.character > 0 ? document.getText({ start: { line: at.line, character: at.character - 1 }, end: at }) : ' ';
  const after = document.getText({ start: at, end: { line: at.line, character: at.character + 1 } });
  const endsLine = after === '' || after === '\n' || after === '\r';
  return TextEdit.insert(at, `${/\s/.test(before) ? '' : ' '}${marking}${endsLine ? '' : ' '}`);
}

function insertMarkingAction(document: TextDocument, model: CableFile, diagnostic: Diagnostic, fix: InsertMarkingFix): CodeAction | undefined {
  const paragraphs = fix.lines.map((line) => unmarkedParagraphOn(model, line)).filter((p): p is Paragraph => p !== undefined);
  if (!paragraphs.length) return undefined;
  const edits = paragraphs.map((paragraph) => markingEdit(document, paragraph, fix.marking));
  if (fix.lines.length === 1) return quickFix(document, `Insert the portion marking ${fix.marking}`, diagnostic, edits, true);
  return quickFix(document, `Mark the ${paragraphs.length} unmarked paragraphs ${fix.marking}`, diagnostic, edits);
}

function renumberAction(document: TextDocument, diagnostic: Diagnostic, fix: RenumberFix): CodeAction | undefined {
  if (!fix.edits.length || fix.edits.some((edit) => document.getText(edit.range) !== edit.expected)) return undefined;
  const edits = fix.edits.map((edit) => TextEdit.replace(edit.range, edit.newText));
  const count = edits.length === 1 ? '1 number' : `${edits.length} numbers`;
  return quickFix(document, `Renumber the paragraphs in sequence (${count})`, diagnostic, edits);
}
