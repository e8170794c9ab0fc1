import { personSortKey } from '../../../shared/roster/person-name-key';

interface SortableRow {
  deleted?: unknown;
  firstName?: unknown;
  lastName?: unknown;
}

/**
 * The local, never-synced key the 100,000-person list is ordered by (derived-fields.ts keeps it on
 * every write); undefined for deleted rows so they drop out of the index.
 */
export function memberSortKeyOf(row: SortableRow): string | undefined {
  if (row.deleted === true || typeof row.firstName !== 'string' || !row.firstName) return undefined;
  return personSortKey(row.firstName, typeof row.lastName === 'string' ? row.lastName : '');
}
