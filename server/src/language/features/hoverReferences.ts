/** Hovers for cable ids: REF items, record references, a cable's own ref id — and whether the workspace holds them. */
import type { Reference } from '../model';
import { parseRefId } from '../parse/refIds';
import { fileNameOf, type WorkspaceIndex } from '../workspaceIndex';
import type { RenderContext } from './hoverContext';
import { escapeMarkdown, paragraphs, strong } from './markdown';

/** How many files a hover names before it only counts the rest. */
const MAX_LISTED = 5;

/** `A. 08 MEXICO 3456`: the canonical ref id it names and where that cable is. */
export function referenceHover(item: Reference, context: RenderContext): string {
  const title = item.letter ? `Reference ${escapeMarkdown(item.letter.text.replace(/[().¶]/g, ''))}` : 'Reference';
  if (item.kind !== 'cable') {
    const what = item.kind === 'email' ? 'an e-mail' : item.kind === 'memo' ? 'a memo or letter' : 'not a cable';
    return paragraphs([`**${title}** — ${what}`, escapeMarkdown(item.text)]);
  }
  if (!item.refId) return paragraphs([`**${title}** — a cable`, 'Its year is unknown (neither the item nor the cable gives one), so its ref id cannot be told.']);
  return paragraphs([`**${title}** — cable ${strong(item.refId)}`, describeRefId(item.refId), whereInWorkspace(item.refId, context.workspace)]);
}

/** A ref id: the cable's own (with who cites it) or another (with where it is). */
export function refIdHover(refId: string, own: boolean, context: RenderContext): string {
  if (own) return paragraphs([`${strong(refId)} — this cable's ref id`, describeRefId(refId), citedBy(refId, context)]);
  return paragraphs([`${strong(refId)} — cable ref id`, describeRefId(refId), whereInWorkspace(refId, context.workspace)]);
}

/** `09MEXICO283` → year 2009, origin MEXICO, serial 283. */
function describeRefId(refId: string): string {
  const parts = parseRefId(refId);
  if (!parts) return '';
  const year = +parts.year >= 66 ? 1900 + +parts.year : 2000 + +parts.year;
  return `Year ${year}, from ${strong(parts.origin)}, serial ${parts.serial}.`;
}

function whereInWorkspace(refId: string, workspace: WorkspaceIndex | undefined): string | undefined {
  if (!workspace) return undefined;
  const files = workspace.findCableFiles(refId);
  if (!files.length) return 'Not in the workspace.';
  const subjects = new Map(workspace.allCables().filter((c) => c.refId === refId).map((c) => [c.uri, c.subject]));
  const listed = files.slice(0, MAX_LISTED).map((location) => {
    const subject = subjects.get(location.uri);
    return `${strong(fileNameOf(location.uri))}${subject ? `: ${escapeMarkdown(subject)}` : ''}`;
  });
  const more = files.length > MAX_LISTED ? `  \n…and ${files.length - MAX_LISTED} more.` : '';
  return `In the workspace: ${listed.join('  \n')}${more}`;
}

function citedBy(refId: string, context: RenderContext): string | undefined {
  if (!context.workspace) return undefined;
  const own = context.document.uri;
  const uris = [...new Set(context.workspace.findCitations(refId).map((l) => l.uri))].filter((uri) => uri !== own);
  if (!uris.length) return 'No other file in the workspace cites it.';
  const names = uris.slice(0, MAX_LISTED).map((uri) => strong(fileNameOf(uri)));
  const more = uris.length > MAX_LISTED ? ` and ${uris.length - MAX_LISTED} more` : '';
  return `Cited by ${uris.length} file${uris.length === 1 ? '' : 's'} in the workspace: ${names.join(', ')}${more}.`;
}
