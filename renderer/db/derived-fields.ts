import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import { tokenizeForSearch } from '../../shared/thai/search-tokens';
import { memberSearchTokens } from './repositories/member-search-text';
import { memberSortKeyOf } from './repositories/member-sort-key';
import { newsSearchText } from './repositories/news-search-text';

/** Fields a device computes for its own indexes; they never sync and never take part in a merge. */
export interface DerivedFields {
  searchTokens?: string[];
  /** members only: the Thai-order key of the person list; absent on deleted rows so they drop out of the index. */
  sortKey?: string;
}

const DERIVED_FIELD_NAMES = ['searchTokens', 'sortKey'] as const satisfies ReadonlyArray<keyof DerivedFields>;

/**
 * Fields computed on the device from a record's synced fields (never synced themselves):
 * recomputed on every local write and every merged pull. One mechanism for all of them — no
 * Dexie hook — so bulk writes stay plain bulkPuts.
 */
export function deriveLocalFields<T extends SyncedTable>(table: T, record: RecordOf<T>): DerivedFields {
  switch (table) {
    case 'news':
      return { searchTokens: tokenizeForSearch(newsSearchText(record as RecordOf<'news'>)) };
    case 'members': {
      const member = record as RecordOf<'members'>;
      const searchTokens = memberSearchTokens(member);
      const sortKey = memberSortKeyOf(member);
      return sortKey === undefined ? { searchTokens } : { searchTokens, sortKey };
    }
    default:
      return {};
  }
}

/** As deriveLocalFields, but a record that arrived incomplete gets none: it still syncs, it is just not searchable until complete. */
export function derivedFieldsOrNone<T extends SyncedTable>(table: T, record: RecordOf<T>): DerivedFields {
  try {
    return deriveLocalFields(table, record);
  } catch {
    return {};
  }
}

/** Whether records of this table have derived fields at all (only news and people do). */
export function hasDerivedFields(table: SyncedTable): boolean {
  return table === 'news' || table === 'members';
}

/** A stored row without its derived fields: what merges, exports and re-derivation start from. */
export function withoutDerivedFields<R extends object>(row: R): Omit<R, keyof DerivedFields> {
  const copy = { ...row } as Record<string, unknown>;
  for (const name of DERIVED_FIELD_NAMES) delete copy[name];
  return copy as Omit<R, keyof DerivedFields>;
}
