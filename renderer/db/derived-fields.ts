import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import { tokenizeForSearch } from '../../shared/thai/search-tokens';
import { memberSearchText } from './repositories/member-search-text';
import { newsSearchText } from './repositories/news-search-text';

/**
 * Fields computed on the device from a record's synced fields (never synced themselves):
 * recomputed on every local write and every merged pull.
 */
export function deriveLocalFields<T extends SyncedTable>(table: T, record: RecordOf<T>): { searchTokens?: string[] } {
  switch (table) {
    case 'news':
      return { searchTokens: tokenizeForSearch(newsSearchText(record as RecordOf<'news'>)) };
    case 'members':
      return { searchTokens: tokenizeForSearch(memberSearchText(record as RecordOf<'members'>)) };
    default:
      return {};
  }
}
