import type { NewsStatus } from '../../../shared/domain/news';
import Dexie from 'dexie';
import { searchQueryTokens } from '../../../shared/thai/search-tokens';
import type { DeskDatabase } from '../database';
import { NEWS_INDEX_TABLE, NEWS_WRITTEN_KEY, postingIds, type PostingRow } from '../news-index/news-postings';
import { newsSearchCache } from './news-search-cache';
import { NEWS_LIVE_TOKEN } from './news-search-text';

export type NewsSort = 'updated_desc' | 'dateline_desc' | 'dateline_asc';

export interface NewsFilters {
  query?: string;
  statuses?: readonly NewsStatus[];
  categories?: readonly string[];
  authorIds?: readonly string[];
  /** Inclusive 'YYYY-MM-DD' bounds on the dateline (shown and typed in BE, stored in CE). */
  datelineFrom?: string | null;
  datelineTo?: string | null;
  sort?: NewsSort;
}

type IndexName = 'status' | 'category' | 'authorId';

/**
 * The word being typed is matched as a prefix once it has this many characters. One Thai letter
 * ("เ", "ก") starts a large share of all words: as a prefix it would read most of the index and
 * narrow nothing, so alone it must match a whole word.
 */
export const MIN_PREFIX_LENGTH = 2;

/**
 * The ids of the live news matching the filters, in order. Works on index keys only, never on
 * whole records, so 10,000 items with long bodies search fast; the list then reads just the rows
 * on screen. Key sets are cached until the news table changes (see NewsSearchCache).
 */
export async function searchNewsIds(db: DeskDatabase, filters: NewsFilters): Promise<string[]> {
  const cache = newsSearchCache(db);
  // One read on every run, of a key every news write marks as changed (news-index-middleware): a live
  // query that found everything in the cache still runs again after any write to news.
  await db.table(NEWS_INDEX_TABLE).get(NEWS_WRITTEN_KEY);
  const keySet = (key: string, load: () => Promise<string[]>) => cache.get(key, async () => new Set(await load()));
  const anyOf = async (index: IndexName, values: readonly string[]) => {
    const sets = await Promise.all(values.map((v) => keySet(`${index}=${v}`, () => db.news.where(index).equals(v).primaryKeys())));
    return sets.length === 1 ? sets[0]! : new Set(sets.flatMap((s) => [...s]));
  };

  // Every search narrows by the live items: kept as a Set.
  const live = cache.get('live', async () => new Set(await postingsOf(db, NEWS_LIVE_TOKEN, false)));
  const sets: Promise<IdList>[] = [live];
  const tokens = searchQueryTokens(filters.query ?? '');
  if (tokens.length > 0) sets.push(tokenMatches(db, tokens));
  if (filters.statuses?.length) sets.push(anyOf('status', filters.statuses));
  if (filters.categories?.length) sets.push(anyOf('category', filters.categories));
  if (filters.authorIds?.length) sets.push(anyOf('authorId', filters.authorIds));
  if (filters.datelineFrom || filters.datelineTo) {
    const from = filters.datelineFrom ?? '0000-01-01';
    const to = filters.datelineTo ?? '9999-12-31';
    sets.push(keySet(`dateline=${from}..${to}`, () => db.news.where('dateline').between(from, to, true, true).primaryKeys()));
  }
  return orderIds(db, intersect(await Promise.all(sets)), filters.sort ?? 'updated_desc');
}

/**
 * Ids as a Set (an index's keys, read once and cached) or as the array a posting list splits into: a common
 * word's 10,000 ids. Those are only walked, never made a Set, unless they are the fewest (intersect).
 */
type IdList = ReadonlySet<string> | readonly string[];

const sizeOf = (list: IdList) => (list instanceof Set ? list.size : (list as readonly string[]).length);

/** The live ids holding every query word (the last one as a prefix once it is long enough). */
async function tokenMatches(db: DeskDatabase, tokens: readonly string[]): Promise<IdList> {
  const cache = newsSearchCache(db);
  const last = tokens.length - 1;
  const lastIsPrefix = [...tokens[last]!].length >= MIN_PREFIX_LENGTH;
  const sets = await Promise.all(
    tokens.map((token, i) => {
      const prefix = i === last && lastIsPrefix;
      return cache.get(`${prefix ? 'prefix' : 'token'}=${token}`, () => postingsOf(db, token, prefix));
    }),
  );
  return intersect(sets);
}

/**
 * The ids of the items holding a token — or, as a prefix, any token that starts with it: one range
 * read of the token index (news-index/news-postings.ts), a handful of rows per word.
 */
async function postingsOf(db: DeskDatabase, token: string, prefix: boolean): Promise<string[]> {
  const upper = prefix ? `${token}\uffff` : token;
  const index = db.table<PostingRow, [string, number]>(NEWS_INDEX_TABLE);
  // An explicit transaction keeps this read out of Dexie's liveQuery cache, which never hears of the
  // middleware's writes below it and would answer with the lists as they were.
  const rows = await db.transaction('r', index, () => index.where('[token+part]').between([token, Dexie.minKey], [upper, Dexie.maxKey], true, true).toArray());
  // One array, ids repeated where a prefix's tokens share an item: building a Set of 10,000 fresh strings
  // cost more than the read (intersect makes one only of the fewest).
  return rows.length === 1 ? postingIds(rows[0]) : rows.flatMap(postingIds);
}

/**
 * The ids in every list: a Set of the fewest, narrowed by each other list in turn — a Set by looking its
 * members up, an array by walking it (lookups of its ids in the few, cheaper than a Set of its many).
 */
function intersect(lists: readonly IdList[]): Set<string> {
  const [fewest, ...rest] = [...lists].sort((a, b) => sizeOf(a) - sizeOf(b));
  let ids: Set<string> = fewest instanceof Set ? (fewest as Set<string>) : new Set(fewest);
  for (const list of rest) {
    if (ids.size === 0) break;
    const next = new Set<string>();
    if (list instanceof Set) {
      for (const id of ids) if (list.has(id)) next.add(id);
    } else {
      for (const id of list as readonly string[]) if (ids.has(id)) next.add(id);
    }
    ids = next;
  }
  return ids;
}

async function orderIds(db: DeskDatabase, ids: ReadonlySet<string>, sort: NewsSort): Promise<string[]> {
  if (ids.size === 0) return [];
  const cache = newsSearchCache(db);
  const byUpdated = await cache.get('order=updated', () => db.news.orderBy('updatedAt').reverse().primaryKeys());
  if (sort === 'updated_desc') return byUpdated.filter((id) => ids.has(id));
  const byDateline = await cache.get('order=dateline', () => db.news.orderBy('dateline').primaryKeys());
  const withDate = byDateline.filter((id) => ids.has(id));
  if (sort === 'dateline_desc') withDate.reverse();
  // Items without a dateline are not in that index: they follow, newest change first.
  const dated = new Set(withDate);
  return [...withDate, ...byUpdated.filter((id) => ids.has(id) && !dated.has(id))];
}
