import type { NewsStatus } from '../../../shared/domain/news';
import { matchesAllTokens, searchQueryTokens } from '../../../shared/thai/search-tokens';
import type { DeskDatabase } from '../database';
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
 * When the rarest query word is on at most this many items, those items' own tokens are checked
 * instead of reading the key sets of the other (common) words, which can each hold 10,000 keys.
 */
const VERIFY_IN_ROWS_LIMIT = 300;

/**
 * The ids of the live news matching the filters, in order. Works on index keys only, never on
 * whole records, so 10,000 items with long bodies search fast; the list then reads just the rows
 * on screen. Key sets are cached until the news table changes (see NewsSearchCache).
 */
export async function searchNewsIds(db: DeskDatabase, filters: NewsFilters): Promise<string[]> {
  const cache = newsSearchCache(db);
  // A read of the whole table on every run: a live query that found everything in the cache still
  // observes the table, so any write to news runs it again (after the cache has been emptied).
  await db.news.count();
  const keySet = (key: string, load: () => Promise<string[]>) => cache.get(key, async () => new Set(await load()));
  const anyOf = async (index: IndexName, values: readonly string[]) => {
    const sets = await Promise.all(values.map((v) => keySet(`${index}=${v}`, () => db.news.where(index).equals(v).primaryKeys())));
    return sets.length === 1 ? sets[0]! : new Set(sets.flatMap((s) => [...s]));
  };

  const live = keySet('live', () => db.news.where('searchTokens').equals(NEWS_LIVE_TOKEN).primaryKeys());
  const sets: Promise<Set<string>>[] = [live];
  const tokens = searchQueryTokens(filters.query ?? '');
  if (tokens.length > 0) sets.push(tokenMatches(db, tokens, (await live).size));
  if (filters.statuses?.length) sets.push(anyOf('status', filters.statuses));
  if (filters.categories?.length) sets.push(anyOf('category', filters.categories));
  if (filters.authorIds?.length) sets.push(anyOf('authorId', filters.authorIds));
  if (filters.datelineFrom || filters.datelineTo) {
    const from = filters.datelineFrom ?? '0000-01-01';
    const to = filters.datelineTo ?? '9999-12-31';
    sets.push(keySet(`dateline=${from}..${to}`, () => db.news.where('dateline').between(from, to, true, true).primaryKeys()));
  }
  const resolved = (await Promise.all(sets)).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = resolved;
  const matches = new Set([...smallest!].filter((id) => rest.every((s) => s.has(id))));
  return orderIds(db, matches, filters.sort ?? 'updated_desc');
}

/** The live ids holding every query word (the last one as a prefix once it is long enough). */
async function tokenMatches(db: DeskDatabase, tokens: readonly string[], liveCount: number): Promise<Set<string>> {
  const cache = newsSearchCache(db);
  const last = tokens.length - 1;
  const lastIsPrefix = [...tokens[last]!].length >= MIN_PREFIX_LENGTH;
  const plans = tokens.map((token, i) => {
    const prefix = i === last && lastIsPrefix;
    const where = () => (prefix ? db.news.where('searchTokens').startsWith(token) : db.news.where('searchTokens').equals(token));
    // A prefix count counts index entries (one item may hold several words with that start): an upper bound.
    return { key: `${prefix ? 'prefix' : 'token'}=${token}`, prefix, where, count: cache.get(`count:${prefix ? 'prefix' : 'token'}=${token}`, () => where().count()) };
  });
  const counts = await Promise.all(plans.map((p) => p.count));
  if (counts.some((c) => c === 0)) return new Set();
  const rarest = counts.indexOf(Math.min(...counts));
  const keysOf = (i: number) => cache.get(plans[i]!.key, async () => new Set(await plans[i]!.where().primaryKeys()));
  if (tokens.length > 1 && counts[rarest]! <= VERIFY_IN_ROWS_LIMIT) {
    const candidates = [...(await keysOf(rarest))];
    const rows = await db.news.bulkGet(candidates);
    return new Set(rows.filter((r) => r && matchesAllTokens(r.searchTokens ?? [], tokens, { prefixLast: lastIsPrefix })).map((r) => r!.id));
  }
  // An exact word every live item holds narrows nothing: its key set is not worth reading.
  const needed = plans.map((_, i) => i).filter((i) => plans[i]!.prefix || counts[i]! < liveCount);
  if (needed.length === 0) return cache.get('live', async () => new Set(await db.news.where('searchTokens').equals(NEWS_LIVE_TOKEN).primaryKeys()));
  const sets = (await Promise.all(needed.map(keysOf))).sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return new Set([...smallest!].filter((id) => rest.every((set) => set.has(id))));
}

async function orderIds(db: DeskDatabase, ids: Set<string>, sort: NewsSort): Promise<string[]> {
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
