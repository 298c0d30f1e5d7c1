/** Hovers for cable ids: REF items, record references, a cable's own ref id — and whether the workspace holds them. */
import type { CableCitation, Reference, ReferenceKind } from '../../model';
import { parseRefId } from '../../parse/refIds';
import { fileNameOf, type IndexCompleteness, type WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { RenderContext } from './context';
import { escapeMarkdown, paragraphs, strong } from '../markdown';
import { formatCount as count } from '../../../../../shared/formatCount';

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

const NOT_A_TELEGRAM = {
  kind: 'Not a telegram: it has no ref id, so no cable file is linked to it.',
  other: 'No telegram could be read in it (a post and a serial such as 08 MEXICO 3456), so no cable file is linked to it.',
};

/** `A. 08 MEXICO 3456`: the canonical ref id it names and where that cable is; for `STATE 12345, 23456`, the one under the cursor. */
export function referenceHover(item: Reference, context: RenderContext, citation?: CableCitation): string {
  const title = item.letter ? `Reference ${escapeMarkdown(item.letter.text.replace(/[().¶]/g, ''))}` : 'Reference';
  // The item's text is under the cursor already: say what it is instead of echoing it.
  if (item.kind !== 'cable')
    return paragraphs([`**${title}** — ${KIND_WORDS[item.kind]}`, NOT_A_TELEGRAM[item.kind === 'other' ? 'other' : 'kind']]);
  const cited = citation ?? item.cables[0];
  const refId = cited?.refId ?? item.refId;
  const others =
    item.cables.length > 1
      ? `One of ${item.cables.length} cables this item names: ${item.cables.map((c) => strong(c.refId ?? c.text)).join(', ')}.`
      : undefined;
  if (!refId)
    return paragraphs([
      `**${title}** — a cable`,
      'Its year is unknown (neither the item nor the cable gives one), so its ref id cannot be told.',
      others,
    ]);
  return paragraphs([
    `**${title}** — cable ${strong(refId)}`,
    describeRefId(refId, context),
    others,
    whereInWorkspace(refId, context.workspace),
  ]);
}

/**
 * `reftel`, `ref B`, `REFS A and C` in the text: the caption's REF items the word points to, each with the cable
 * it names and whether the workspace holds it.
 */
export function reftelHover(text: string, items: Reference[], missing: string[], context: RenderContext): string {
  const word = text.split(/\s/)[0].toUpperCase();
  const { acronyms } = context.dictionaries;
  // `REFS` may be missing where `REF` is not: its plural then.
  const meaning = acronyms.get(word) ?? (word.endsWith('S') ? `${acronyms.get(word.slice(0, -1)) ?? 'Reference'}s` : 'Reference');
  const title = `${strong(text)} — ${escapeMarkdown(meaning.toLowerCase())}`;
  const absent = missing.length ? `The REF line has no item ${missing.map(strong).join(', ')}.` : undefined;
  if (!items.length) return paragraphs([title, "This cable's caption has no REF line, so the telegram it refers to is not named here."]);
  const { workspace } = context;
  if (items.length === 1) {
    const [item] = items;
    const ids = citedIds(item);
    // One cable: where it is, with its subject, as on the REF item itself; several: each one's place in a word.
    if (ids.length === 1)
      return paragraphs([title, `Points to ${itemName(item)}: ${itemWords(item)}.`, absent, whereInWorkspace(ids[0], workspace)]);
    return paragraphs([title, `Points to ${itemName(item)}: ${itemWords(item, workspace)}.`, absent]);
  }
  const lines = items.map((item) => `${itemName(item)}: ${itemWords(item, workspace)}`);
  return paragraphs([title, `Points to the ${items.length} items of the REF line:`, lines.join('  \n'), absent]);
}

function itemName(item: Reference): string {
  return item.letter ? `REF ${strong(item.letter.text.replace(/[().¶:]/g, ''))}` : 'the REF item';
}

/** The ref ids an item names: one per telegram, when its year is known. */
function citedIds(item: Reference): string[] {
  if (item.kind !== 'cable') return [];
  const ids = item.cables.map((c) => c.refId).filter((id): id is string => id !== undefined);
  return ids.length ? [...new Set(ids)] : item.refId ? [item.refId] : [];
}

/** `cable **08MEXICO3456**`, with `workspace` `cable **08MEXICO3456** (not in the workspace)`; `an e-mail, no cable`. */
function itemWords(item: Reference, workspace?: WorkspaceIndex): string {
  if (item.kind !== 'cable') return `${KIND_WORDS[item.kind]}, no cable`;
  const ids = citedIds(item);
  if (!ids.length) return 'a cable whose year is unknown, so its ref id cannot be told';
  const named = ids.map((id) => `${strong(id)}${workspace ? ` (${inWorkspaceWords(id, workspace)})` : ''}`);
  return `${ids.length === 1 ? 'cable' : 'cables'} ${named.join(', ')}`;
}

/** `in the workspace: **08MEXICO3456.txt**`, `not in the workspace`, or what the index holds so far. */
function inWorkspaceWords(refId: string, workspace: WorkspaceIndex): string {
  const files = workspace.findCableFiles(refId);
  const incomplete = incompleteness(workspace.completeness());
  if (!files.length) return incomplete ? `not among the cables indexed${incomplete}` : 'not in the workspace';
  const names = files.slice(0, MAX_LISTED).map((location) => strong(fileNameOf(location.uri)));
  return `in the workspace${incomplete}: ${names.join(', ')}${files.length > MAX_LISTED ? ` and ${files.length - MAX_LISTED} more` : ''}`;
}

/** A ref id: the cable's own (with who cites it) or another (with where it is). */
export function refIdHover(refId: string, own: boolean, context: RenderContext): string {
  if (own) return paragraphs([`${strong(refId)} — this cable's ref id`, describeRefId(refId, context), citedBy(refId, context)]);
  return paragraphs([`${strong(refId)} — cable ref id`, describeRefId(refId, context), whereInWorkspace(refId, context.workspace)]);
}

/** `09MEXICO283` → year 2009, origin MEXICO, serial 283. */
function describeRefId(refId: string, context: RenderContext): string {
  const parts = parseRefId(refId);
  if (!parts) return '';
  const year = context.dictionaries.calendar.fullYear(+parts.year);
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
  if (!uris.length)
    return incomplete ? `No other file among those indexed cites it${incomplete}.` : 'No other file in the workspace cites it.';
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
