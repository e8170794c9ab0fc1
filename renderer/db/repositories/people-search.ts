import { nameSearchToken } from '../../../shared/roster/person-name-key';
import { normaliseThaiText } from '../../../shared/thai/search-tokens';
import { comparePersonNames } from '../../../shared/thai/thai-collation';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';

/** Index hits read per query word before filtering; enough for a screenful of matches. */
const SCAN_LIMIT = 2000;
const TITLES = /^(?:นางสาว|นาง|นาย|น\.ส\.)(?=\S)/;

/**
 * Search by name (a prefix of the first or family name, or a Thai word in it), by phone (a prefix
 * or the last digits), or by the last four digits of the ID. Each query word is looked up in the
 * searchTokens index; the first word narrows, the others filter.
 */
export async function searchPeople(db: DeskDatabase, query: string, limit: number): Promise<LocalRecord<'members'>[]> {
  const words = normaliseThaiText(query)
    .split(' ')
    .map((w) => w.replace(TITLES, '').replace(/-/g, ''))
    .filter(Boolean);
  if (words.length === 0) return [];

  let candidates = await idsForWord(db, words[0]!);
  for (const word of words.slice(1)) {
    if (candidates.size === 0) return [];
    const ids = await idsForWord(db, word);
    candidates = new Set([...candidates].filter((id) => ids.has(id)));
  }
  const rows = (await db.members.bulkGet(await firstInThaiOrder(db, candidates, limit))).filter((m): m is LocalRecord<'members'> => m !== undefined && !m.deleted);
  return rows.sort(comparePersonNames).slice(0, limit);
}

/**
 * The ids of the first `limit` candidates in Thai name order. Reading thousands of whole rows to
 * sort them is what makes a broad prefix slow; walking the sort-key index reads keys only.
 */
async function firstInThaiOrder(db: DeskDatabase, candidates: Set<string>, limit: number): Promise<string[]> {
  if (candidates.size <= limit) return [...candidates];
  const chosen: string[] = [];
  for (const id of await db.members.orderBy('sortKey').primaryKeys()) {
    if (!candidates.has(id)) continue;
    chosen.push(id);
    if (chosen.length === limit) break;
  }
  return chosen;
}

async function idsForWord(db: DeskDatabase, word: string): Promise<Set<string>> {
  // A name prefix (whole-name token), or a Thai word inside a name as the segmenter indexed it.
  const prefixes = /^\d+$/.test(word) ? [word] : [nameSearchToken(word), word];
  const ids = new Set<string>();
  for (const prefix of prefixes) {
    const keys = await db.members.where('searchTokens').startsWith(prefix).limit(SCAN_LIMIT).primaryKeys();
    for (const key of keys) ids.add(key);
  }
  return ids;
}
