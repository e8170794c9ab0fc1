// The server's epoch (issue 18, docs/sync-protocol.md "Epochs"). A restore from an older backup hands out
// the seqs after the backup again, to other changes: a device's cursor from before the restore then means
// nothing. Each history gets its own random epoch, which travels with every cursor; a new one makes every
// device reconcile (pull everything, re-send what the server lacks) instead of trusting its cursor.
import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '../store/sql-client';
import { toNumber } from '../store/sql-client';

export interface SyncStateRow {
  lastSeq: number;
  minValidSeq: number;
  serverId: string;
  epoch: string;
}

export async function readSyncState(sql: SqlQueryable): Promise<SyncStateRow> {
  const { rows } = await sql.query<{ last_seq: unknown; min_valid_seq: unknown; server_id: string; epoch: string }>(
    'SELECT last_seq, min_valid_seq, server_id, epoch FROM sync_state WHERE id = 1',
  );
  const row = rows[0];
  if (row === undefined) throw new Error('sync_state has no row: the database was not migrated');
  return { lastSeq: toNumber(row.last_seq), minValidSeq: toNumber(row.min_valid_seq), serverId: row.server_id, epoch: row.epoch };
}

/** `npm run server -- mark-restored`: the database was just restored from a backup; a new history starts. */
export async function markRestored(sql: SqlQueryable): Promise<{ previousEpoch: string; epoch: string; lastSeq: number }> {
  const before = await readSyncState(sql);
  const epoch = randomUUID();
  await sql.query('UPDATE sync_state SET epoch = $1 WHERE id = 1', [epoch]);
  return { previousEpoch: before.epoch, epoch, lastSeq: before.lastSeq };
}

/**
 * A device pulled with a cursor ahead of last_seq in the current epoch: the database went back in time
 * and nobody ran mark-restored. Starts a new epoch once (the condition makes concurrent detections one).
 * True when this call started it.
 */
export async function startEpochAfterUnmarkedRestore(sql: SqlQueryable, staleEpoch: string): Promise<boolean> {
  const { rows } = await sql.query<{ epoch: string }>('UPDATE sync_state SET epoch = $2 WHERE id = 1 AND epoch = $1 RETURNING epoch', [staleEpoch, randomUUID()]);
  return rows.length > 0;
}
