/**
 * "Did you mean" for unknown TAGS, strict enough to be right: a country code glued to a subject tag
 * (`IZPREL` → `IZ PREL`), or a known tag one typo away (`PGGV` → `PGOV`, `MPOS` → `MOPS`, `KFTFN` → `KTFN`).
 * Short words get no suggestion: one edit turns almost any two- or three-letter word into some country code.
 */
import { closestTag, editDistance, type Dictionaries } from '../dicts/dictionaries';

const isTopicTag = (code: string, dictionaries: Dictionaries) => {
  const kind = dictionaries.tags.get(code)?.kind;
  return kind === 'subject' || kind === 'program';
};
const isCountryTag = (code: string, dictionaries: Dictionaries) => code.length === 2 && dictionaries.tags.get(code)?.kind === 'geographic';

/** A country code and a subject or program tag written without the space between them, either way round. */
function gluedTags(code: string, dictionaries: Dictionaries): string | undefined {
  if (code.length < 5) return undefined;
  const [head, rest] = [code.slice(0, 2), code.slice(2)];
  if (isCountryTag(head, dictionaries) && isTopicTag(rest, dictionaries)) return `${head} ${rest}`;
  const [start, tail] = [code.slice(0, -2), code.slice(-2)];
  if (isTopicTag(start, dictionaries) && isCountryTag(tail, dictionaries)) return `${start} ${tail}`;
  return undefined;
}

/** A known tag one typo away; a four-letter code only by a changed or swapped letter, since codes are four letters. */
function typoOf(code: string, dictionaries: Dictionaries): string | undefined {
  if (code.length < 4) return undefined;
  const closest = closestTag(code, dictionaries);
  if (!closest || editDistance(code, closest) !== 1) return undefined;
  return code.length === 4 && closest.length !== 4 ? undefined : closest;
}

/** The tag the writer most likely meant, or undefined when no suggestion is safe. */
export function suggestTag(code: string, dictionaries: Dictionaries): string | undefined {
  const upper = code.toUpperCase();
  return gluedTags(upper, dictionaries) ?? typoOf(upper, dictionaries);
}

/**
 * True when the text itself proves `suggestion` for `code`, so the fix is safe to apply unasked: two known
 * tags run together (the space alone is missing), or the one known tag a single letter away (changed, added,
 * dropped or two swapped). With two known tags a letter away, the text does not say which was meant.
 */
export function isProvedTag(code: string, suggestion: string, dictionaries: Dictionaries): boolean {
  const upper = code.toUpperCase();
  if (suggestion.includes(' ')) return suggestion.replace(' ', '') === upper;
  return tagsOneEditAway(upper, dictionaries) === 1 && dictionaries.tags.has(suggestion);
}

/** How many known tags are one edit from `upper` (a four-letter code: four-letter tags only), counted to 2. */
function tagsOneEditAway(upper: string, dictionaries: Dictionaries): number {
  // The count reads every tag, on every validation; the same unknown codes recur, so counts are kept.
  let cache = nearTagsCache.get(dictionaries);
  if (!cache || cache.size >= NEAR_TAGS_CACHE_SIZE) nearTagsCache.set(dictionaries, (cache = new Map()));
  const known = cache.get(upper);
  if (known !== undefined) return known;
  let near = 0;
  for (const tag of dictionaries.tags.keys()) {
    if (Math.abs(tag.length - upper.length) > 1 || !oneEditApart(upper, tag)) continue;
    if (upper.length === 4 && tag.length !== 4) continue;
    if (++near > 1) break;
  }
  cache.set(upper, near);
  return near;
}

const NEAR_TAGS_CACHE_SIZE = 10_000;
const nearTagsCache = new WeakMap<Dictionaries, Map<string, number>>();

/**
 * `editDistance(a, b) === 1` without its table: one letter changed, added or dropped, or two neighbours swapped.
 * `test/unit/tag-suggestions.test.ts` holds the two to agreement.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length === b.length) {
    let first = -1;
    let mismatches = 0;
    for (let i = 0; i < a.length; i++) {
      if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
      if (++mismatches > 2) return false;
      if (first < 0) first = i;
    }
    if (mismatches === 1) return true;
    return mismatches === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  // The rest of the shorter must be the longer's rest after the one added letter.
  for (let j = i; j < short.length; j++) if (short.charCodeAt(j) !== long.charCodeAt(j + 1)) return false;
  return true;
}

/** What a suggested tag means, for messages: `Iraq + Political Affairs--External Political Relations`. */
export function tagMeaning(tag: string, dictionaries: Dictionaries): string | undefined {
  const meanings = tag.split(' ').map((part) => dictionaries.tags.get(part)?.meaning);
  return meanings.every((meaning) => meaning !== undefined) ? meanings.join(' + ') : undefined;
}
