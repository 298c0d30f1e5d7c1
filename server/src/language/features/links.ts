/**
 * Cross-references between cables: REF items and record references link to the cited cable's file,
 * go-to-definition jumps from any ref id to its cable, find-references lists the cables that cite one.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink, Location, Position, Range } from 'vscode-languageserver-types';
import type { CableFile } from '../model';
import { fileNameOf, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { targetAt } from './targets';

/** Links from each REF item and record reference whose cable the workspace holds. */
export function findDocumentLinks(_document: TextDocument, model: CableFile, index: WorkspaceIndex): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const cable of model.cables) {
    for (const item of cable.caption.refs?.items ?? []) {
      for (const citation of item.cables) if (citation.refId) pushLink(links, citation.range, citation.refId, index);
    }
    for (const token of cable.record?.references ?? []) if (token.refId) pushLink(links, token.range, token.refId.text, index);
  }
  return links;
}

function pushLink(links: DocumentLink[], range: Range, refId: string, index: WorkspaceIndex) {
  const [first, ...others] = index.findCableFiles(refId);
  if (!first) return;
  const also = others.length ? ` (${others.length} more cop${others.length === 1 ? 'y' : 'ies'} in the workspace)` : '';
  links.push({ range, target: linkTarget(first), tooltip: `Open ${refId} in ${fileNameOf(first.uri)}${also}` });
}

/** The file's URI, with `#L<line>` when the cable does not start the file (VS Code opens it at that line). */
function linkTarget(location: Location): string {
  const line = location.range.start.line;
  return line > 0 ? `${location.uri}#L${line + 1}` : location.uri;
}

/** The ref id at `position`: a REF item, a record reference, the cable's own id, or a compact id in the text. */
export function refIdAt(document: TextDocument, model: CableFile, position: Position): { refId: string; own: boolean } | undefined {
  const target = targetAt(document, model, position)?.target;
  if (target?.kind === 'reference') {
    const refId = target.citation?.refId ?? (target.item.cables.length > 1 ? undefined : target.item.refId);
    return refId ? { refId, own: false } : undefined;
  }
  if (target?.kind === 'refId') return { refId: target.refId, own: target.own };
  return undefined;
}

/** Where the cable named at `position` lives; for the cable's own id, its other copies. */
export function findDefinition(document: TextDocument, model: CableFile, position: Position, index: WorkspaceIndex): Location[] {
  const found = refIdAt(document, model, position);
  if (!found) return [];
  const locations = index.findCableFiles(found.refId);
  return found.own ? locations.filter((l) => l.uri !== document.uri) : locations;
}

/** The cables that cite the ref id at `position`; with `includeDeclaration`, the cable's own files too. */
export function findReferences(
  document: TextDocument,
  model: CableFile,
  position: Position,
  index: WorkspaceIndex,
  includeDeclaration = false,
): Location[] {
  const found = refIdAt(document, model, position);
  if (!found) return [];
  const citations = index.findCitations(found.refId);
  return includeDeclaration ? [...index.findCableFiles(found.refId), ...citations] : citations;
}
