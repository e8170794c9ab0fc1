// Keys that let IndexedDB do what Thai text needs: whole-name prefix search and Thai dictionary
// order. IndexedDB compares strings by code unit, so both are encodings of the name.
import { normaliseThaiText } from '../thai/search-tokens';

const LEADING_VOWEL = /([\u0E40-\u0E44])([\u0E01-\u0E2E])/g;
const TONE_AND_DIACRITICS = /[\u0E47-\u0E4E]/g;

/**
 * A string whose code-unit order is Thai dictionary order (as Intl.Collator('th') sorts): a
 * leading vowel (เ แ โ ใ ไ) is moved after the consonant it is spoken after, and tone marks
 * count only when everything else is equal, as in the collation's secondary level.
 */
export function thaiSortKey(text: string): string {
  const swapped = normaliseThaiText(text).replace(LEADING_VOWEL, '$2$1');
  return `${swapped.replace(TONE_AND_DIACRITICS, '')}\u0001${swapped}`;
}

/** Rosters are ordered by given name, then family name (see comparePersonNames). */
export function personSortKey(firstName: string, lastName: string): string {
  const first = normaliseThaiText(firstName).replace(LEADING_VOWEL, '$2$1');
  const last = normaliseThaiText(lastName).replace(LEADING_VOWEL, '$2$1');
  const strip = (s: string) => s.replace(TONE_AND_DIACRITICS, '');
  return `${strip(first)}\u0001${strip(last)}\u0002${first}\u0001${last}`;
}

/**
 * The start of personSortKey for every person whose given name starts with `prefix`: a range of
 * the sort-key index is then exactly the given-name matches, already in Thai order.
 */
export function givenNamePrefixKey(prefix: string): string {
  return normaliseThaiText(prefix).replace(LEADING_VOWEL, '$2$1').replace(TONE_AND_DIACRITICS, '');
}

const NAME_TOKEN_PREFIX = 'nm';

/**
 * A whole name as one search token. The search index is built by a word segmenter, which splits
 * Thai names into dictionary words ("สมชาย" → สม + ชาย), so "สมช" would not be a prefix of any
 * token. Written as fixed-width hex it survives segmentation whole (letters and digits are one
 * word), and a prefix of the name is a prefix of its token.
 */
export function nameSearchToken(name: string): string {
  let out = NAME_TOKEN_PREFIX;
  for (const ch of normaliseThaiText(name).replace(/\s+/g, '')) out += ch.charCodeAt(0).toString(16).padStart(4, '0');
  return out;
}
