import type { Table } from 'dexie';
import { addItemChange, applyToPart, NEWS_INDEX_TABLE, postingKeyParts, tokensOfRow, type PostingChanges, type PostingRow } from './news-postings';

/**
 * Builds the news token index from the stored news, from scratch: the schema version that created
 * the store runs it once (10,000 items take a few seconds, once); from then on the middleware keeps it.
 */
export async function rebuildNewsIndex(table: (name: string) => Table): Promise<void> {
  const changes: PostingChanges = new Map();
  await table('news').each((row: { id: string }) => addItemChange(changes, row.id, [], tokensOfRow(row)));
  const rows: PostingRow[] = [];
  for (const [key, change] of changes) {
    const [token, part] = postingKeyParts(key);
    const ids = applyToPart(undefined, change);
    if (ids !== null) rows.push({ token, part, ids });
  }
  await table(NEWS_INDEX_TABLE).clear();
  await table(NEWS_INDEX_TABLE).bulkPut(rows);
}
