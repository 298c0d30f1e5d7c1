/**
 * How one cable reads in the Cables view: `09MEXICO283 — THE U.S.-MEXICAN RELATIONSHIP…` with
 * `2009-02-04 · CONFIDENTIAL` beside it. Pure (no `vscode` import) so it can be unit-tested.
 */
import type { CablesTreeNode } from '../../shared/protocol';

export type CableNode = Extract<CablesTreeNode, { kind: 'cable' }>;

/** Subjects run to 200 characters and more; the view's row shows about this many. */
export const SUBJECT_LENGTH = 80;

/** The row's label: ref id (or the file's name when the cable gives none) and the shortened subject. */
export function cableLabel(node: CableNode): string {
  const name = node.refId ?? fileName(node.uri);
  const subject = node.subject?.trim();
  return subject ? `${name} — ${shorten(subject, SUBJECT_LENGTH)}` : name;
}

/** The row's description: `2009-02-04 · CONFIDENTIAL`, with what the cable gives. */
export function cableDescription(node: CableNode): string {
  return [node.date, node.classification].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** The row's tooltip: ref id, the whole subject, date and classification, and where the cable is. */
export function cableTooltip(node: CableNode, where: string): string {
  const lines = [node.refId, node.subject?.trim(), cableDescription(node), `${where}, line ${node.line + 1}`];
  return lines.filter((line) => line !== undefined && line !== '').join('\n');
}

/** Cuts `text` to at most `length` characters at a word boundary where there is one near, ending in `…`. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const kept = lastSpace >= length * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${kept.replace(/[\s,;:.-]+$/, '')}…`;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // not percent-encoded after all
  }
}
