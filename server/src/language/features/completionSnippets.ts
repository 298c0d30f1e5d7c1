/**
 * Snippet completions that depend on where the cursor is: a whole cable skeleton on a blank line outside any
 * cable, and the next paragraph (its number and the cable's level already filled in), plain or opening a
 * Summary or a Comment, on a blank line in a body.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { Cable, CableFile, Position } from '../model';
import { PLACEHOLDERS } from '../rules/placeholders';

/** Snippet text is literal except for `$`, `}` and `\\`. */
const literal = (text: string) => text.replace(/[$}\\]/g, (ch) => `\\${ch}`);

/**
 * The skeleton's defaults pass the rules except its placeholders, which CBL413 flags until they are filled; the
 * first choices agree with each other (CONFIDENTIAL and `(C)`).
 */
export const CABLE_SKELETON = [
  `\${1|C O N F I D E N T I A L,S E C R E T,U N C L A S|} \${2:${literal(PLACEHOLDERS.post)}} \${3:000001}`,
  '',
  'SIPDIS',
  '',
  `E.O. \${4|13526,12958|}: DECL: \${5:${literal(PLACEHOLDERS.decl)}}`,
  'TAGS: ${6:PREL PGOV}',
  `SUBJECT: \${7:${literal(PLACEHOLDERS.subject)}}`,
  '',
  `Classified By: \${8:${literal(PLACEHOLDERS.classifiedBy)}}. Reasons 1.4 (\${9:b}) and (\${10:d}).`,
  '',
  '¶1. (${11|C,S,SBU,U|}) Summary: ${0} End Summary.',
  '',
  `\${12:${literal(PLACEHOLDERS.signature)}}`,
].join('\n');

/** A blank line before the first cable or after the last one (an empty document is both). */
export function isOutsideCables(model: CableFile, position: Position): boolean {
  const first = model.cables[0];
  const last = model.cables[model.cables.length - 1];
  if (!first || !hasContent(first)) return true;
  return position.line < first.range.start.line || position.line > last.range.end.line;
}

/** A cable the parser made of stray text has no banner, caption or paragraph; it does not count as content. */
function hasContent(cable: Cable): boolean {
  return Boolean(cable.preamble || cable.record || cable.routing || cable.banner || cable.caption.range || cable.body.paragraphs.length);
}

export function cableSkeletonItem(range: Range): CompletionItem {
  return {
    label: 'New cable',
    kind: CompletionItemKind.Snippet,
    detail: 'Banner, caption (E.O., TAGS, SUBJECT, Classified By), a first paragraph and the signature',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: CABLE_SKELETON },
    filterText: 'new cable',
    sortText: '1',
  };
}

/** The cable whose body a blank line at `position` would continue: the last one starting above it, past its caption. */
export function bodyCableAt(model: CableFile, position: Position): Cable | undefined {
  const cable = [...model.cables].reverse().find((c) => c.range.start.line <= position.line);
  if (!cable) return undefined;
  const headerEnd = cable.caption.range?.end.line ?? cable.banner?.range.end.line ?? cable.routing?.range.end.line;
  const firstParagraph = cable.body.paragraphs[0]?.range.start.line;
  const inBody = (headerEnd !== undefined && position.line > headerEnd) || (firstParagraph !== undefined && position.line > firstParagraph);
  return inBody ? cable : undefined;
}

/** What a new paragraph opens with: plain text, or a Summary or Comment closed so that it folds. */
const PARAGRAPH_KINDS = [
  { label: '', detail: 'Next paragraph with its portion marking', body: '$0', words: 'paragraph' },
  {
    label: ' Summary',
    detail: 'Next paragraph, a summary closed by End Summary so that it folds',
    body: 'Summary: $0 End Summary.',
    words: 'summary paragraph',
  },
  {
    label: ' Comment',
    detail: 'Next paragraph, a comment closed by End Comment so that it folds',
    body: 'Comment: $0 End Comment.',
    words: 'comment paragraph',
  },
];

/**
 * `¶13. (C) $0`, and the same opening a Summary or a Comment: the number after the paragraph above the cursor,
 * the cable's level (a choice when unknown).
 */
export function nextParagraphItems(cable: Cable, position: Position, range: Range): CompletionItem[] {
  const above = cable.body.paragraphs.filter((p) => p.range.start.line < position.line);
  const previous = above[above.length - 1];
  const number = previous ? previous.number + 1 : 1;
  const pilcrow = previous ? previous.pilcrow : true;
  const level = cable.classification?.value.level;
  const prefix = `${pilcrow ? '¶' : ''}${number}.`;
  // Levels are written as their markings: U, SBU, C, S, TS.
  const marking = level ? `(${level})` : '(${1|C,S,SBU,U|})';
  return PARAGRAPH_KINDS.map((kind, index) => ({
    label: `${prefix} ${level ? marking : '(…)'}${kind.label}`,
    kind: CompletionItemKind.Snippet,
    detail: kind.detail,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${prefix} ${marking} ${kind.body}` },
    filterText: `${prefix} ${kind.words}`,
    sortText: `0${index}`,
  }));
}
