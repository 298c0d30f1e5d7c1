/**
 * Quick fixes for the rules' diagnostics, built from the fix data each diagnostic carries: renumber
 * paragraphs, replace an unknown TAG, insert a missing portion marking, make the security line or the banner
 * agree with the classification. A fix whose text no longer matches the document (the user typed since the
 * diagnostic) is not offered, rather than applied to the wrong text.
 *
 * A fix the cable's text proves (`safe` in its data) is the preferred one and `cable-lint --fix` applies it
 * (`getSafeFixes`); any other fix would put into an archival record what the record does not prove, so it is
 * never preferred and its title says that it changes the record's text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import type { CableFile, Paragraph } from '../model';
import {
  isFixData,
  isSafeFix,
  type FixData,
  type FixKind,
  type FixOf,
  type InsertMarkingFix,
  type NumberEdit,
  type RenumberFix,
  type ReplaceFix,
  type ReplaceTarget,
} from '../rules/fixData';
import { comparePositions } from './ranges';

/** Ends the title of every fix that is not proved by the text. */
export const CHANGES_RECORD = " — changes the record's text";

/** One way to fix a diagnostic: what the title says and the edits. */
interface FixChoice {
  title: string;
  edits: TextEdit[];
}

/** The quick fixes for the cable diagnostics of `context` that touch `range`. */
export function getCodeActions(document: TextDocument, model: CableFile, range: Range, context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== 'cable' || !isFixData(diagnostic.data) || !overlaps(diagnostic.range, range)) continue;
    const fix = diagnostic.data;
    const safe = isSafeFix(fix);
    for (const choice of fixChoices(document, model, diagnostic, fix)) {
      // Every numbering diagnostic of a cable carries the same renumbering: offer it once.
      const key = JSON.stringify([choice.title, choice.edits]);
      if (offered.has(key)) continue;
      offered.add(key);
      actions.push(quickFix(document, safe ? choice.title : choice.title + CHANGES_RECORD, diagnostic, choice.edits, safe));
    }
  }
  return actions;
}

/** The safe fixes of some diagnostics, as `cable-lint --fix` applies them. */
export interface SafeFixes {
  /** Non-overlapping edits, in document order. */
  edits: TextEdit[];
  /** The diagnostics these edits fix. */
  fixed: Diagnostic[];
}

/**
 * The edits of every safe fix among `diagnostics` that still matches the document: each fix once (the numbering
 * diagnostics of a cable share one), and a fix that would overlap one already taken left for a later run.
 */
export function getSafeFixes(document: TextDocument, model: CableFile, diagnostics: readonly Diagnostic[]): SafeFixes {
  const taken: Array<{ start: number; end: number }> = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const chosen = new Map<string, boolean>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'cable' || !isFixData(diagnostic.data) || !isSafeFix(diagnostic.data)) continue;
    const [choice] = fixChoices(document, model, diagnostic, diagnostic.data);
    if (!choice) continue;
    const key = JSON.stringify(choice.edits);
    if (!chosen.has(key)) {
      const spans = choice.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }));
      const free = spans.every((span) => !taken.some((other) => span.start < other.end && other.start < span.end));
      chosen.set(key, free);
      if (free) {
        taken.push(...spans);
        edits.push(...choice.edits);
      }
    }
    if (chosen.get(key)) fixed.push(diagnostic);
  }
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { edits, fixed };
}

/** What a fix's choices are built from: the document as it is now, its model, and the diagnostic. */
interface FixSite {
  document: TextDocument;
  model: CableFile;
  diagnostic: Diagnostic;
}

/** The choices for one kind of fix. */
type ChoiceBuilder<K extends FixKind> = (fix: FixOf<K>, site: FixSite) => FixChoice[];

/** One builder per kind of fix: a kind added to `FixData` without its builder here fails to compile. */
const CHOICE_BUILDERS = {
  replace: (fix, { document, diagnostic }) => replaceChoices(document, diagnostic, fix),
  'insert-marking': (fix, { document, model }) => insertMarkingChoices(document, model, fix),
  'renumber-paragraphs': (fix, { document }) => renumberChoices(document, fix),
} satisfies { [K in FixKind]: ChoiceBuilder<K> };

/** The ways to fix `diagnostic` that still fit the document: one for most fixes, one per level for a marking. */
function fixChoices(document: TextDocument, model: CableFile, diagnostic: Diagnostic, fix: FixData): FixChoice[] {
  return choicesOf(fix, { document, model, diagnostic });
}

function choicesOf<K extends FixKind>(fix: FixOf<K>, site: FixSite): FixChoice[] {
  return (CHOICE_BUILDERS[fix.fix] as ChoiceBuilder<K>)(fix, site);
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function quickFix(document: TextDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: edits } },
  };
  if (isPreferred) action.isPreferred = true;
  return action;
}

const REPLACE_TITLES: Record<ReplaceTarget, (fix: ReplaceFix) => string> = {
  tag: (fix) => `Replace ${fix.expected} with ${fix.replacement}`,
  'security-letters': (fix) => `Change the security letters to ${fix.replacement}`,
  'security-prosign': (fix) => `Change the prosign to ${fix.replacement}`,
  'banner-classification': (fix) => `Change the banner to ${fix.replacement}`,
};

function replaceChoices(document: TextDocument, diagnostic: Diagnostic, fix: ReplaceFix): FixChoice[] {
  if (document.getText(diagnostic.range) !== fix.expected) return [];
  const title = REPLACE_TITLES[fix.target]?.(fix);
  return title ? [{ title, edits: [TextEdit.replace(diagnostic.range, fix.replacement)] }] : [];
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

/** One choice per marking the cable allows, lowest level first, as the diagnostic lists them. */
function insertMarkingChoices(document: TextDocument, model: CableFile, fix: InsertMarkingFix): FixChoice[] {
  const paragraphs = fix.lines.map((line) => unmarkedParagraphOn(model, line)).filter((p): p is Paragraph => p !== undefined);
  if (!paragraphs.length) return [];
  return fix.markings.map((marking) => ({
    title:
      fix.lines.length === 1
        ? `Insert ${marking}`
        : `Mark ${paragraphs.length === 1 ? 'the unmarked paragraph' : `all ${paragraphs.length} unmarked paragraphs`} ${marking}`,
    edits: paragraphs.map((paragraph) => markingEdit(document, paragraph, marking)),
  }));
}

function renumberChoices(document: TextDocument, fix: RenumberFix): FixChoice[] {
  if (!fix.edits.length || fix.edits.some((edit) => document.getText(edit.range) !== edit.expected)) return [];
  return [{ title: renumberTitle(fix.edits), edits: fix.edits.map((edit) => TextEdit.replace(edit.range, edit.newText)) }];
}

/** The most renumberings a title spells out; beyond them it counts. */
const TITLE_RENUMBERINGS = 3;

/** `Renumber ¶9 as ¶7`, `Renumber ¶4 as ¶3 and ¶5 as ¶4`, `Renumber 6 paragraphs in sequence: ¶4 as ¶3, ¶5 as ¶4, …`. */
export function renumberTitle(edits: readonly NumberEdit[]): string {
  const one = (edit: NumberEdit) => (edit.pilcrow ? `¶${edit.from} as ¶${edit.to}` : `paragraph ${edit.from} as ${edit.to}`);
  if (edits.length > TITLE_RENUMBERINGS)
    return `Renumber ${edits.length} paragraphs in sequence: ${edits.slice(0, 2).map(one).join(', ')}, …`;
  const parts = edits.map(one);
  return `Renumber ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}
