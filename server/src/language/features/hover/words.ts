/** Hovers for words: TAGS on the TAGS line, acronyms and TAG codes in the text, dissemination controls. */
import { closestTag, type Dictionaries, type TagEntry } from '../../dicts/dictionaries';
import type { TagName } from '../../model';
import { meaningsOf, type Meaning } from '../acronyms';
import type { RenderContext } from './context';
import { escapeMarkdown, paragraphs, strong } from '../markdown';

const TAG_KINDS: Record<TagEntry['kind'], string> = {
  subject: 'subject TAG',
  program: 'program TAG (K-tag)',
  geographic: 'geographic TAG (country or region)',
  organization: 'organization TAG',
};

/**
 * What a TAG code is: a known tag, two known tags run together, an acronym standing where a tag belongs (office
 * symbols such as `EAP` or `DCM` often do), or unknown (with the closest known tag).
 */
export type TagExplanation =
  | { status: 'known'; code: string; entry: TagEntry }
  | { status: 'glued'; parts: [string, string] }
  | { status: 'acronym'; meaning: string; suggestion?: string }
  | { status: 'unknown'; suggestion?: string };

export function explainTag(code: string, dictionaries: Dictionaries): TagExplanation {
  const key = code.toUpperCase();
  const entry = dictionaries.tags.get(key);
  if (entry) return { status: 'known', code: key, entry };
  const parts = splitGluedTags(key, dictionaries.tags);
  if (parts) return { status: 'glued', parts };
  const suggestion = closestTag(key, dictionaries);
  const acronym = dictionaries.acronyms.get(key);
  return acronym ? { status: 'acronym', meaning: acronym, suggestion } : { status: 'unknown', suggestion };
}

/** A TAG on the TAGS line: its kind and meaning, or — when unknown — the two tags run together, or the closest known one. */
export function tagHover(code: string, context: RenderContext): string {
  const { tags } = context.dictionaries;
  const explanation = explainTag(code, context.dictionaries);
  switch (explanation.status) {
    case 'known':
      return paragraphs([`${strong(code)} — ${TAG_KINDS[explanation.entry.kind]}`, escapeMarkdown(explanation.entry.meaning)]);
    case 'glued': {
      const [a, b] = explanation.parts;
      return paragraphs([
        `${strong(code)} — two TAGS run together`,
        `${strong(a)}: ${escapeMarkdown(tags.get(a)!.meaning)}; ${strong(b)}: ${escapeMarkdown(tags.get(b)!.meaning)}`,
      ]);
    }
    case 'acronym':
      return paragraphs([
        `${strong(code)} — not a TAG code`,
        `As an acronym: ${escapeMarkdown(explanation.meaning)}`,
        suggestionLine(explanation.suggestion, tags),
      ]);
    case 'unknown':
      return paragraphs([
        `${strong(code)} — unknown TAG`,
        `Not in the TAGS dictionary. ${suggestionLine(explanation.suggestion, tags) ?? 'No known TAG is close to it.'}`,
      ]);
  }
}

/** A person's name after a people tag (`OVIP RICE CONDOLEEZZA`): one name, not TAG codes. */
export function tagNameHover(name: TagName, context: RenderContext): string {
  const tag = context.dictionaries.tags.get(name.tag);
  const after = tag ? `${strong(name.tag)} (${escapeMarkdown(tag.meaning)})` : strong(name.tag);
  return paragraphs([`${strong(name.text)} — a person's name`, `Named on the TAGS line after ${after}; not a TAG code.`]);
}

/** Free text among the codes (`IRAQI FREEDOM`): the writer's keyword, not a TAG code. */
export function tagKeywordHover(text: string): string {
  return paragraphs([`${strong(text)} — a keyword in words`, 'Written as free text on the TAGS line; not a TAG code.']);
}

function suggestionLine(suggestion: string | undefined, tags: ReadonlyMap<string, TagEntry>): string | undefined {
  return suggestion ? `Did you mean ${strong(suggestion)} (${escapeMarkdown(tags.get(suggestion)!.meaning)})?` : undefined;
}

/** `IZPREL` → `IZ` + `PREL` when both halves are known TAGS (scraped copies lose the space between them). */
export function splitGluedTags(code: string, tags: ReadonlyMap<string, TagEntry>): [string, string] | undefined {
  for (let cut = 2; cut <= code.length - 2; cut++) {
    const a = code.slice(0, cut);
    const b = code.slice(cut);
    if (tags.has(a) && tags.has(b)) return [a, b];
  }
  return undefined;
}

const SOURCE_LABELS: Record<Meaning['source'], string> = {
  settings: 'Your acronyms (cable.acronyms)',
  cable: 'Defined in this cable',
  control: 'Dissemination control',
  dictionary: 'Dictionary',
  tag: 'TAG',
  routing: 'Routing indicator',
};

/** An upper-case word in the text: the most trusted meaning first, then the other sources when they differ. */
export function wordHover(text: string, lineText: string, context: RenderContext): string | undefined {
  const cableDefinitions = context.cable && context.cache.acronymDefinitions(context.cable);
  const meanings = meaningsOf(text, { cableDefinitions, settings: context.settings, dictionaries: context.dictionaries, lineText });
  if (!meanings.length) return undefined;
  const [first, ...others] = meanings;
  return paragraphs([
    `${strong(text)} — ${escapeMarkdown(first.text)}`,
    `*${sourceLine(first)}*`,
    others.length ? others.map((m) => `${sourceLine(m)}: ${escapeMarkdown(m.text)}`).join('  \n') : undefined,
  ]);
}

function sourceLine(meaning: Meaning): string {
  if (meaning.source === 'cable' && meaning.definition) {
    const line = meaning.definition.range.start.line + 1;
    const fit = { initials: '', reordered: ', initials in another order: a translated name', translated: ', a translated name' }[
      meaning.definition.fit
    ];
    return `${SOURCE_LABELS.cable} (line ${line}${fit})`;
  }
  if (meaning.source === 'tag' && meaning.tag) return `${SOURCE_LABELS.tag} (${meaning.tag.kind})`;
  return SOURCE_LABELS[meaning.source];
}

/** A control on or after the banner: `SIPDIS`, `NOFORN`, `SENSITIVE`, `FOR OFFICIAL USE ONLY`. */
export function controlHover(text: string, context: RenderContext): string {
  const { controls, acronyms } = context.dictionaries;
  const meaning = controls.lookup(text)?.meaning ?? acronyms.get(text.toUpperCase().replace(/\s+/g, ''));
  return paragraphs([`${strong(text)} — dissemination control`, meaning ? escapeMarkdown(meaning) : 'Not in the dictionary of controls.']);
}
