/**
 * What an upper-case word in a cable means, from sources in order of trust: the user's own acronyms (settings),
 * the cable's own definitions, dissemination controls, the built-in acronym dictionary, TAG codes (`MX`, `PGOV`)
 * and routing indicators (`RUEHME`).
 */
import type { Dictionaries, TagEntry } from '../dicts/dictionaries';
import type { LanguageSettings } from '../settings';
import type { AcronymDefinition } from '../parse/acronymDefinitions';

export type MeaningSource = 'settings' | 'cable' | 'dictionary' | 'tag' | 'control' | 'routing';

export interface Meaning {
  source: MeaningSource;
  text: string;
  /** For a cable definition: where the cable defines it. */
  definition?: AcronymDefinition;
  /** For a TAG code: its kind. */
  tag?: TagEntry;
}

/**
 * Dictionary keys that are also common English words (`IN` India, `WHO` World Health Organization, `ACTION`): in
 * an all-caps cable they are words, not codes. Chosen as the keys that the corpus also writes often in lower case;
 * `US` and `AID` stay out, since all-caps cables mostly mean the United States and USAID by them.
 */
const ENGLISH_WORDS = new Set([
  'ACTION',
  'AM',
  'AN',
  'AS',
  'AT',
  'BE',
  'BY',
  'CHARGE',
  'DO',
  'GO',
  'GOT',
  'HE',
  'IF',
  'IN',
  'IS',
  'IT',
  'MASS',
  'ME',
  'MY',
  'NO',
  'OF',
  'OK',
  'ON',
  'OR',
  'PASS',
  'RE',
  'SO',
  'TO',
  'UP',
  'WE',
  'WHO',
]);

export interface WordContext {
  /** The acronyms the word's cable defines itself (the model's cache holds them); absent outside a cable. */
  cableDefinitions?: ReadonlyMap<string, AcronymDefinition>;
  settings: LanguageSettings;
  dictionaries: Dictionaries;
  /** The line the word stands on, to tell an all-caps cable from a capitalised word in mixed text. */
  lineText: string;
}

/**
 * Every meaning known for `word`, most trusted first (an empty list when none). A plural `NGOs` is read as `NGO`.
 * Words in lower or title case are not acronyms, unless the user defined them exactly so.
 */
export function meaningsOf(word: string, context: WordContext): Meaning[] {
  const fromSettings = settingsMeaning(word, context.settings);
  const key = acronymKey(word);
  const meanings: Meaning[] = fromSettings ? [fromSettings] : [];
  if (!key) return meanings;
  const definition = context.cableDefinitions?.get(key);
  if (definition) meanings.push({ source: 'cable', text: definition.expansion, definition });
  // A control's code (`NODIS`), not a control that is also an English word (`SENSITIVE`), which prose uses as a word.
  const controlEntry = context.dictionaries.controls.byCode.get(key);
  const control = controlEntry && !controlEntry.plainWord ? controlEntry.meaning : undefined;
  if (control) meanings.push({ source: 'control', text: control });
  const plainWord = ENGLISH_WORDS.has(key) && !/[a-z]/.test(context.lineText);
  const entry = plainWord ? undefined : context.dictionaries.acronyms.get(key);
  if (entry) meanings.push({ source: 'dictionary', text: entry });
  const tag = plainWord ? undefined : context.dictionaries.tags.get(key);
  if (tag) meanings.push({ source: 'tag', text: tag.meaning, tag });
  // Routing indicators outside the parsed header (a repeated header the model keeps only once) still read.
  const station = /^R[A-Z0-9]{3,7}$/.test(key) ? context.dictionaries.routing.get(key) : undefined;
  if (station) meanings.push({ source: 'routing', text: station });
  return dropRepeats(meanings);
}

/** The user's entry for the word as written, else for its upper-case form. */
function settingsMeaning(word: string, settings: LanguageSettings): Meaning | undefined {
  const acronyms = settings.acronyms ?? {};
  const own = (key: string) =>
    Object.prototype.hasOwnProperty.call(acronyms, key) && typeof acronyms[key] === 'string' ? acronyms[key] : undefined;
  const text = own(word) ?? own(word.toUpperCase()) ?? (word.endsWith('s') ? own(word.slice(0, -1)) : undefined);
  return text ? { source: 'settings', text } : undefined;
}

/** `NGOs` → `NGO`, `GoM` → `GOM`, `SSP` → `SSP`; undefined for ordinary words such as `Mexico`. */
function acronymKey(word: string): string | undefined {
  const stem = /^[A-Z0-9]{2,}s$/.test(word) ? word.slice(0, -1) : word;
  const capitals = stem.replace(/[^A-Z]/g, '').length;
  if (capitals < 2 && !/^[A-Z][A-Z0-9]+$/.test(stem)) return undefined;
  if (/[a-z]{2}/.test(stem)) return undefined;
  return stem.toUpperCase();
}

/** Later sources that only repeat an earlier meaning add nothing. */
function dropRepeats(meanings: Meaning[]): Meaning[] {
  const seen = new Set<string>();
  return meanings.filter((meaning) => {
    const key = meaning.text.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
