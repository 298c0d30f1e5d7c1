/** Hovers for cable ids: REF items, record references, a cable's own ref id — and whether the workspace holds them. */
import type { CableCitation, Reference, ReferenceKind } from '../model';
import { parseRefId } from '../parse/refIds';
import { fileNameOf, type IndexCompleteness, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { RenderContext } from './hoverContext';
import { escapeMarkdown, paragraphs, strong } from './markdown';

/** How many files a hover names before it only counts the rest. */
const MAX_LISTED = 5;

/** What an item that names no telegram is, in words. */
const KIND_WORDS: Record<Exclude<ReferenceKind, 'cable'>, string> = {
  email: 'an e-mail',
  memo: 'a memo',
  letter: 'a letter',
  memcon: 'a memorandum of conversation',
  report: 'a report',
  resolution: 'a resolution',
  dtg: 'a message named by its date-time group',
  call: 'a phone call or video conference',
  meeting: 'a meeting',
  fax: 'a fax',
  demarche: 'a demarche',
  other: 'not a cable',
};

/** `A. 08 MEXICO 3456`: the canonical ref id it names and where that cable is; for `STATE 12345, 23456`, the one under the cursor. */
export function referenceHover(item: Reference, context: RenderContext, citation?: CableCitation): string {
  const title = item.letter ? `Reference ${escapeMarkdown(item.letter.text.replace(/[().¶]/g, ''))}` : 'Reference';
  if (item.kind !== 'cable') return paragraphs([`**${title}** — ${KIND_WORDS[item.kind]}`, escapeMarkdown(item.text)]);
  const cited = citation ?? item.cables[0];
  const refId = cited?.refId ?? item.refId;
  const others = item.cables.length > 1 ? `One of ${item.cables.length} cables this item names: ${item.cables.map((c) => strong(c.refId ?? c.text)).join(', ')}.` : undefined;
  if (!refId) return paragraphs([`**${title}** — a cable`, 'Its year is unknown (neither the item nor the cable gives one), so its ref id cannot be told.', others]);
  return paragraphs([`**${title}** — cable ${strong(refId)}`, describeRefId(refId), others, whereInWorkspace(refId, context.workspace)]);
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
  const incomplete = incompleteness(workspace.completeness());
  if (!files.length) return incomplete ? `Not among the cables indexed${incomplete}.` : 'Not in the workspace.';
  const subjects = new Map(workspace.cablesWithId(refId).map((c) => [c.uri, c.subject]));
  const listed = files.slice(0, MAX_LISTED).map((location) => {
    const subject = subjects.get(location.uri);
    return `${strong(fileNameOf(location.uri))}${subject ? `: ${escapeMarkdown(subject)}` : ''}`;
  });
  const more = files.length > MAX_LISTED ? `  \n…and ${files.length - MAX_LISTED} more.` : '';
  return `In the workspace${incomplete}: ${listed.join('  \n')}${more}`;
}

function citedBy(refId: string, context: RenderContext): string | undefined {
  if (!context.workspace) return undefined;
  const own = context.document.uri;
  const uris = [...new Set(context.workspace.findCitations(refId).map((l) => l.uri))].filter((uri) => uri !== own);
  const incomplete = incompleteness(context.workspace.completeness());
  if (!uris.length) return incomplete ? `No other file among those indexed cites it${incomplete}.` : 'No other file in the workspace cites it.';
  const names = uris.slice(0, MAX_LISTED).map((uri) => strong(fileNameOf(uri)));
  const more = uris.length > MAX_LISTED ? ` and ${uris.length - MAX_LISTED} more` : '';
  return `Cited by ${uris.length} file${uris.length === 1 ? '' : 's'} in the workspace${incomplete}: ${names.join(', ')}${more}.`;
}

/** Empty when the index holds the whole workspace; else what it holds, for a message that depends on it. */
export function incompleteness(completeness: IndexCompleteness): string {
  const n = completeness.files;
  const files = `${count(n)} file${n === 1 ? '' : 's'}`;
  switch (completeness.state) {
    case 'complete':
      return '';
    case 'scanning':
      return ` so far (indexing: ${completeness.total ? `${count(n)} of ${count(completeness.total)} files` : files} read)`;
    case 'limited': {
      const limit = completeness.limit;
      return ` (the index stopped at ${files}${limit ? `: \`${limit.setting}\` is ${count(limit.value)}` : ''})`;
    }
  }
}

const count = (n: number) => n.toLocaleString('en-US');
