import { useSyncExternalStore } from 'react';
import type { MessageKey, Translate } from '../../app/i18n/translate';
import { syncMessagesTh } from './sync-messages';
import { getSyncRuntime, type SyncRuntime } from '../../sync/sync-runtime';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../sync/sync-status';

const noop = () => () => {};
const initial = () => INITIAL_SYNC_STATUS;

/** The sync agent's status, live. Before the runtime starts: signed out, idle. */
export function useSyncStatus(): SyncStatus {
  const runtime = getSyncRuntime();
  return useSyncExternalStore(runtime ? runtime.agent.status.subscribe : noop, runtime ? runtime.agent.status.get : initial);
}

export function useSyncRuntime(): SyncRuntime | null {
  return getSyncRuntime();
}

/** A synced table's name for people; tables added later fall back to a generic word. */
export function tableLabel(t: Translate, table: string): string {
  const key = `sync.table.${table}`;
  return t((key in syncMessagesTh ? key : 'sync.table.other') as MessageKey);
}

/**
 * A field's name for people: the table's own word when the same field means something else there
 * (a member's `title` is a name prefix, a news item's its headline), else the common one, else the
 * field's own name.
 */
export function fieldLabel(t: Translate, field: string, table?: string): string {
  const key = [`sync.field.${table}.${field}`, `sync.field.${field}`].find((k) => k in syncMessagesTh);
  return key ? t(key as MessageKey) : field;
}
