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

  // Every word's ids at once (each a key-range read); the intersection is usually a screenful or less.
  const [first, ...rest] = await Promise.all(words.map((word) => idsForWord(db, word)));
  let candidates = first!;
  for (const ids of rest) {
    if (candidates.size === 0) return [];
    candidates = new Set([...candidates].filter((id) => ids.has(id)));
  }
  return livePeople(db, [...candidates].slice(0, Math.max(limit * 4, 400)), limit);
}

async function searchOneName(db: DeskDatabase, word: string, limit: number): Promise<Person[]> {
  const key = givenNamePrefixKey(word);
  // The given-name range and the other matches side by side; the others are read as rows straight from the
  // index range (one read), not as ids fetched one by one afterwards.
  const [byGivenName, others] = await Promise.all([
    key ? db.members.where('sortKey').startsWith(key).limit(limit).toArray() : Promise.resolve([]),
    rowsForWord(db, word, limit * 2),
  ]);
  if (byGivenName.length >= limit) return byGivenName;
  const taken = new Set(byGivenName.map((p) => p.id));
  const rest = others.filter((p) => !taken.has(p.id) && !p.deleted).slice(0, (limit - byGivenName.length) * 2);
  return [...byGivenName, ...rest.sort(comparePersonNames).slice(0, limit - byGivenName.length)];
}

/** Up to `count` distinct people (deleted ones included) with a name token starting with `word`, in index order. */
async function rowsForWord(db: DeskDatabase, word: string, count: number): Promise<Person[]> {
  const byId = new Map<string, Person>();
  for (const prefix of [nameSearchToken(word), word]) {
    // Enough entries for `count` people even if every one of them has several tokens with this prefix.
    for (const row of await db.members.where('searchTokens').startsWith(prefix).limit(count + byId.size).toArray()) {
      if (byId.size >= count) break;
      if (!byId.has(row.id)) byId.set(row.id, row);
    }
    if (byId.size >= count) break;
  }
  return [...byId.values()];
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
      // One key-range read per token, side by side: anyOf walks a cursor, one round trip per step.
      const found = await Promise.all(lookup.exact.map((token) => db.members.where('searchTokens').equals(token).limit(SCAN_LIMIT).primaryKeys()));
      for (const key of found.flat()) ids.add(key);
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
