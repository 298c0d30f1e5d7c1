/**
 * Workspace symbols: the workspace's cables found by ref id (`09mex`, `MEXICO 283`) or by words of their subject
 * (`judicial reform`). A symbol's name holds both, since editors filter the list by name again.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { fileNameOf, type IndexedCable, type WorkspaceIndex } from '../workspaceIndex';

/** Enough for a picker; an empty query over a large workspace must not send thousands. */
export const MAX_WORKSPACE_SYMBOLS = 500;

export function findWorkspaceSymbols(query: string, index: WorkspaceIndex, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const scored = index
    .allCables()
    .map((cable) => ({ cable, score: matchScore(query, cable) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.cable, b.cable));
  return scored.slice(0, limit).map(({ cable }) => toSymbol(cable));
}

/** 3: the query is part of the ref id; 2: every query word starts a subject word; 1: empty query; 0: no match. */
function matchScore(query: string, cable: IndexedCable): number {
  const trimmed = query.trim();
  if (!trimmed) return 1;
  const compact = trimmed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact && cable.refId?.includes(compact)) return 3;
  const subjectWords = (cable.subject ?? '').toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const queryWords = trimmed.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (queryWords.length && queryWords.every((q) => subjectWords.some((w) => w.startsWith(q)))) return 2;
  return 0;
}

function compareIds(a: IndexedCable, b: IndexedCable): number {
  const x = a.refId ?? a.uri;
  const y = b.refId ?? b.uri;
  return x < y ? -1 : x > y ? 1 : 0;
}

function toSymbol(cable: IndexedCable): SymbolInformation {
  const id = cable.refId ?? fileNameOf(cable.uri);
  const name = cable.subject ? `${id}: ${cable.subject}` : id;
  return { name, kind: SymbolKind.File, location: { uri: cable.uri, range: cable.range }, containerName: fileNameOf(cable.uri) };
}
