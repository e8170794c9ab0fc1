/**
 * The Dexie schema, version by version. Never edit a published version: add the next one,
 * with an upgrade function when existing rows must change. Tests open a database at an old
 * version and upgrade it (see database.migration.test.ts).
 */
import type { Transaction } from 'dexie';
import { newsSearchText } from './repositories/news-search-text';
import { memberSearchText } from './repositories/member-search-text';
import { tokenizeForSearch } from '../../shared/thai/search-tokens';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      news: 'id, status, category, updatedAt, dateline',
      events: 'id, start, end, type, districtCode',
      centres: 'id, tambonCode, districtCode',
      members: 'id, centreId, tambonCode, districtCode, lastName',
      partners: 'id, type, districtCode',
      attendance: 'id, eventId, memberId',
      attachments: 'id, sha256, ownerId',
      blobs: 'sha256',
      outbox: '++seq, [table+recordId]',
      conflicts: 'id, table, recordId, resolvedAt',
      syncState: 'key',
    },
  },
  {
    // v2: Thai word-segmented search tokens (multi-entry index) for news and people,
    // backfilled for rows written by v1.
    version: 2,
    stores: {
      news: 'id, status, category, updatedAt, dateline, *searchTokens',
      members: 'id, centreId, tambonCode, districtCode, lastName, *searchTokens',
    },
    upgrade: async (tx) => {
      await tx.table('news').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(newsSearchText(row));
      });
      await tx.table('members').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(memberSearchText(row));
      });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
