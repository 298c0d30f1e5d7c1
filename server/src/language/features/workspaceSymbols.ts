/**
 * Workspace symbols: the workspace's cables found by ref id, TAG, or words of their subject or origin (see
 * `cableQuery.ts`). A symbol's name holds the ref id and the subject, since editors filter the list by name
 * again; its container gives the date and classification.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { parseCableQuery } from '../workspace/cableQuery';
import { expand } from '../workspace/fileSummary';
import { fileNameOf, type IndexedCable, type WorkspaceIndex } from '../workspace/workspaceIndex';

/** Enough for a picker; an empty query over a large workspace must not send thousands. */
export const MAX_WORKSPACE_SYMBOLS = 500;

export function findWorkspaceSymbols(query: string, index: WorkspaceIndex, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const matcher = parseCableQuery(query);
  // Keeps the best `limit` only, so a query over 251,287 cables sorts hundreds, not all of them.
  const best: Array<{ cable: IndexedCable; score: number }> = [];
  for (const cable of index.cables()) {
    const score = matcher.score(cable);
    if (score === 0) continue;
    if (best.length === limit && compare(best[best.length - 1], { cable, score }) <= 0) continue;
    const at = insertionPoint(best, { cable, score });
    best.splice(at, 0, { cable, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ cable }) => toSymbol(cable));
}

type Scored = { cable: IndexedCable; score: number };

function compare(a: Scored, b: Scored): number {
  return b.score - a.score || compareIds(a.cable, b.cable);
}

function insertionPoint(list: Scored[], item: Scored): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(list[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareIds(a: IndexedCable, b: IndexedCable): number {
  const x = a.refId ?? a.uri;
  const y = b.refId ?? b.uri;
  return x < y ? -1 : x > y ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range[0] - b.range[0];
}

function toSymbol(cable: IndexedCable): SymbolInformation {
  const id = cable.refId ?? fileNameOf(cable.uri);
  const name = cable.subject ? `${id}: ${cable.subject}` : id;
  const container = [cable.date, cable.classification].filter(Boolean).join(' · ') || fileNameOf(cable.uri);
  return { name, kind: SymbolKind.File, location: { uri: cable.uri, range: expand(cable.range) }, containerName: container };
}
