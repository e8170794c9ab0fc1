// The last typing of an editor, kept synchronously when the page is torn down (issue 17, case 3).
//
// A reload or a closed tab ends the page before an IndexedDB write begun in `pagehide` can commit (seen end to
// end in Chromium), but localStorage writes synchronously. So on `pagehide` every editor with unsaved typing
// writes it here, and the next start writes it into the record — with the version the user was editing as its
// base, so a value another device wrote meanwhile is kept as a conflict, not silently replaced.

import { SYNCED_TABLES, type SyncedTable } from '../../shared/domain/synced-tables';
import type { EditBase, RecordWriter } from '../db/record-writer';

export interface UnsavedEdit {
  table: SyncedTable;
  id: string;
  patch: Record<string, unknown>;
  base: EditBase;
  at: string;
}

const PREFIX = 'provincedesk.unsaved:';

const keyOf = (table: string, id: string) => `${PREFIX}${table}:${id}`;

export function keepUnsavedEdit(storage: Storage, edit: UnsavedEdit): void {
  try {
    storage.setItem(keyOf(edit.table, edit.id), JSON.stringify(edit));
  } catch {
    // A full storage quota: the asynchronous save begun at the same moment is the only chance left.
  }
}

/** The record's typing reached IndexedDB: nothing to replay. */
export function forgetUnsavedEdit(storage: Storage, table: string, id: string): void {
  storage.removeItem(keyOf(table, id));
}

function isUnsavedEdit(value: unknown): value is UnsavedEdit {
  const v = value as Partial<UnsavedEdit> | null;
  return !!v && typeof v.table === 'string' && typeof v.id === 'string' && typeof v.patch === 'object' && v.patch !== null && typeof v.base === 'object' && v.base !== null;
}

/**
 * Writes every kept edit into its record (live records only) and forgets it. Returns how many were written.
 * An edit that cannot be written (the record was deleted, the value is no longer valid) is dropped with a
 * console warning rather than retried forever at every start.
 */
export async function replayUnsavedEdits(storage: Storage, writer: RecordWriter): Promise<number> {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  let written = 0;
  for (const key of keys) {
    let edit: unknown;
    try {
      edit = JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      edit = null;
    }
    if (isUnsavedEdit(edit) && (SYNCED_TABLES as readonly string[]).includes(edit.table)) {
      try {
        const saved = await writer.updateIfLive(edit.table, edit.id, edit.patch, { base: edit.base, coalesce: true });
        if (saved) written++;
      } catch (error) {
        console.warn(`unsaved edit of ${edit.table} ${edit.id} could not be written`, error);
      }
    }
    storage.removeItem(key);
  }
  return written;
}
