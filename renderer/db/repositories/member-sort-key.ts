import type { DeskDatabase } from '../database';
import { personSortKey } from '../../../shared/roster/person-name-key';

interface SortableRow {
  deleted?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  sortKey?: string;
}

/** The local, never-synced key the 100,000-person list is ordered by; absent on deleted rows so they drop out of the index. */
export function memberSortKeyOf(row: SortableRow): string | undefined {
  if (row.deleted === true || typeof row.firstName !== 'string' || !row.firstName) return undefined;
  return personSortKey(row.firstName, typeof row.lastName === 'string' ? row.lastName : '');
}

const installed = new WeakSet<DeskDatabase>();

/**
 * Keeps members.sortKey in step with every write — the record writer's, a merged pull's, a
 * migration's — as a Dexie hook, because the writers of the members table are not all ours.
 * (Once derived-fields.ts derives it, this hook can go.)
 */
export function installMemberSortKey(db: DeskDatabase): void {
  if (installed.has(db)) return;
  installed.add(db);
  db.members.hook('creating', (_key, row: SortableRow) => {
    const key = memberSortKeyOf(row);
    if (key === undefined) delete row.sortKey;
    else row.sortKey = key;
  });
  db.members.hook('updating', (mods, _key, row: SortableRow) => {
    // A put() that replaces the row arrives as a diff that drops sortKey (writers never carry it):
    // always answer with the key of the row as it will be.
    return { sortKey: memberSortKeyOf({ ...row, ...(mods as Partial<SortableRow>) }) };
  });
}
