import { encodeRecordStamps, type PulledRecord, type PullResponse } from '../../shared/sync/protocol';
import type { SyncedTable } from '../../shared/domain/synced-tables';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { readableSql, syncedViewKey } from '../accounts/scope';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/open-store';
import { toNumber } from '../store/sql-client';
import { CONFLICT_SELECT, conflictToWire, type ConflictDbRow } from './conflict-rows';
import { readSyncState, startEpochAfterUnmarkedRestore } from './server-epoch';
import { redactPersonForViewer } from '../../shared/roster/personal-data-redaction';

function refetch(reason: 'restored' | 'pruned' | 'scope'): ApiError {
  return new ApiError(409, 'refetch', undefined, { reason });
}

interface PulledDbRow {
  table_name: string;
  id: string;
  province_code: string;
  district_code: string | null;
  seq: unknown;
  vals: Record<string, unknown>;
  stamps: Record<string, string>;
}

/**
 * Changes after `cursor` within the device's scope, in seq order. The high-water mark is read first:
 * writers lock sync_state, so every change with seq <= last_seq is already visible to the queries after it.
 */
export async function pullChanges(
  store: Store,
  device: AuthenticatedDevice,
  query: { cursor: number; limit: number; epoch?: string },
  log?: { warn(message: string): void },
): Promise<Omit<PullResponse, 'serverTime'>> {
  const { sql } = store;
  const { lastSeq, minValidSeq, serverId, epoch } = await readSyncState(sql);
  const key = syncedViewKey(device.scope, device.user.role);

  if (query.cursor > 0) {
    // A cursor counts in one history: from another epoch (the database was restored since) it means nothing.
    if (query.epoch !== epoch) throw refetch('restored');
    // Ahead of the server in this epoch: restored from an older backup without mark-restored. Every
    // device's cursor is suspect then, not only this one's: a new epoch makes them all reconcile.
    if (query.cursor > lastSeq) {
      if (await startEpochAfterUnmarkedRestore(sql, epoch)) {
        log?.warn(`device ${device.deviceId} pulled with cursor ${query.cursor} > last seq ${lastSeq}: the database was restored without mark-restored; started a new epoch`);
      }
      throw refetch('restored');
    }
    if (query.cursor < minValidSeq) throw refetch('pruned');
    if (device.syncedScope !== key) throw refetch('scope');
  } else if (device.syncedScope !== key) {
    await sql.query('UPDATE devices SET synced_scope = $2 WHERE id = $1', [device.deviceId, key]);
  }

  await store.statistics.refreshIfStale();
  const scope = readableSql(device.scope, 'r', 4);
  const { rows } = await sql.query<PulledDbRow>(
    `SELECT r.table_name, r.id, r.province_code, r.district_code, r.seq, r.vals, r.stamps
       FROM records r
      WHERE r.seq > $1 AND r.seq <= $2 AND ${scope.sql}
      ORDER BY r.seq
      LIMIT $3`,
    [query.cursor, lastSeq, query.limit + 1, ...scope.params],
  );
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const cursor = hasMore ? toNumber(page[page.length - 1]?.seq) : Math.max(lastSeq, query.cursor);

  // Personal data by role (PDPA): what the user may not see never reaches the device. The stamps stay.
  const viewer = { role: device.user.role, districtCode: device.user.districtCode };
  const records: PulledRecord[] = page.map((row) => ({
    table: row.table_name as SyncedTable,
    id: row.id,
    provinceCode: row.province_code,
    districtCode: row.district_code,
    seq: toNumber(row.seq),
    values: row.table_name === 'members' ? redactPersonForViewer(row.vals, row.district_code, viewer) : row.vals,
    ...encodeRecordStamps(row.stamps),
  }));

  let conflicts: PullResponse['conflicts'] = [];
  if (device.user.role === 'coordinator' || device.user.role === 'admin') {
    const conflictScope = readableSql(device.scope, 'c', 3);
    const result = await sql.query<ConflictDbRow>(
      `${CONFLICT_SELECT} WHERE c.seq > $1 AND c.seq <= $2 AND ${conflictScope.sql} ORDER BY c.seq`,
      [query.cursor, cursor, ...conflictScope.params],
    );
    conflicts = result.rows.map(conflictToWire);
  }
  return { records, conflicts, cursor, hasMore, lastSeq, serverId, epoch };
}

/** Raises min_valid_seq and drops what it makes unreachable: old tombstones and resolved conflicts. */
export async function pruneHistory(store: Store, upToSeq?: number): Promise<{ minValidSeq: number; records: number; conflicts: number }> {
  return store.sql.transaction(async (tx) => {
    const state = (await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE')).rows[0];
    const target = Math.min(upToSeq ?? toNumber(state?.last_seq), toNumber(state?.last_seq));
    // The keys stay behind (pruned_records): a late write to a pruned record is refused, not revived.
    const records = await tx.query(
      `WITH gone AS (DELETE FROM records WHERE seq <= $1 AND vals ->> 'deleted' = 'true' RETURNING table_name, id, province_code, district_code)
       INSERT INTO pruned_records (table_name, id, province_code, district_code) SELECT table_name, id, province_code, district_code FROM gone
       ON CONFLICT (table_name, id) DO NOTHING RETURNING id`,
      [target],
    );
    const conflicts = await tx.query('DELETE FROM conflicts WHERE seq <= $1 AND resolution IS NOT NULL RETURNING id', [target]);
    await tx.query('UPDATE sync_state SET min_valid_seq = GREATEST(min_valid_seq, $1) WHERE id = 1', [target]);
    return { minValidSeq: target, records: records.rows.length, conflicts: conflicts.rows.length };
  });
}
