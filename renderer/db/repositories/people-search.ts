import { givenNamePrefixKey, nameSearchToken } from '../../../shared/roster/person-name-key';
import { normaliseThaiText } from '../../../shared/thai/search-tokens';
import { comparePersonNames } from '../../../shared/thai/thai-collation';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import { digitLookup } from '../at-rest/person-digit-lookup';

/** Index hits read per query word before filtering; enough for a screenful of matches. */
const SCAN_LIMIT = 2000;
const TITLES = /^(?:นางสาว|นาง|นาย|น\.ส\.)(?=\S)/;

type Person = LocalRecord<'members'>;

/**
 * Search by name (a prefix of the first or family name, or a Thai word in it), by phone (a prefix
 * or the last digits), or by the last four digits of the ID. At most `limit` people, read as rows:
 * a broad prefix over 100,000 people must not read thousands of rows.
 *
 * One name word: people whose given name starts with it come first, in Thai order, straight from
 * the sort-key index; then those it matches otherwise (family name, a word inside a name).
 * Several words: each is looked up in the searchTokens index; the first narrows, the others filter.
 */
export async function searchPeople(db: DeskDatabase, query: string, limit: number): Promise<Person[]> {
  const words = normaliseThaiText(query)
    .split(' ')
    .map((w) => w.replace(TITLES, '').replace(/-/g, ''))
    .filter(Boolean);
  if (words.length === 0 || limit <= 0) return [];
  if (words.length === 1 && !/^\d+$/.test(words[0]!)) return searchOneName(db, words[0]!, limit);

  let candidates = await idsForWord(db, words[0]!);
  for (const word of words.slice(1)) {
    if (candidates.size === 0) return [];
    const ids = await idsForWord(db, word);
    candidates = new Set([...candidates].filter((id) => ids.has(id)));
  }
  return livePeople(db, [...candidates].slice(0, Math.max(limit * 4, 400)), limit);
}

async function searchOneName(db: DeskDatabase, word: string, limit: number): Promise<Person[]> {
  const key = givenNamePrefixKey(word);
  const byGivenName = key ? await db.members.where('sortKey').startsWith(key).limit(limit).toArray() : [];
  if (byGivenName.length >= limit) return byGivenName;
  const taken = new Set(byGivenName.map((p) => p.id));
  const others = [...(await idsForWord(db, word))].filter((id) => !taken.has(id));
  return [...byGivenName, ...(await livePeople(db, others.slice(0, (limit - byGivenName.length) * 2), limit - byGivenName.length))];
}

/** The live people among `ids`, in Thai name order, at most `limit`. */
async function livePeople(db: DeskDatabase, ids: string[], limit: number): Promise<Person[]> {
  const rows = (await db.members.bulkGet(ids)).filter((m): m is Person => m !== undefined && !m.deleted);
  return rows.sort(comparePersonNames).slice(0, limit);
}

async function idsForWord(db: DeskDatabase, word: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (/^\d+$/.test(word)) {
    // Digits: an ID or a phone, found by keyed tokens when they are sealed at rest (at-rest/).
    const lookup = digitLookup(db, word);
    if ('exact' in lookup) {
      if (lookup.exact.length === 0) return ids;
      for (const key of await db.members.where('searchTokens').anyOf(lookup.exact).limit(SCAN_LIMIT).primaryKeys()) ids.add(key);
      return ids;
    }
  }
  // A name prefix (whole-name token), or a Thai word inside a name as the segmenter indexed it.
  const prefixes = /^\d+$/.test(word) ? [word] : [nameSearchToken(word), word];
  for (const prefix of prefixes) {
    const keys = await db.members.where('searchTokens').startsWith(prefix).limit(SCAN_LIMIT).primaryKeys();
    for (const key of keys) ids.add(key);
  }
  return ids;
}
