import type { ConflictWire } from '../../shared/sync/protocol';
import type { SyncedTable } from '../../shared/domain/synced-tables';
import type { SqlQueryable } from '../store/sql-client';
import { toIso, toNumber } from '../store/sql-client';

export interface ConflictDbRow {
  id: string;
  table_name: string;
  record_id: string;
  province_code: string;
  district_code: string | null;
  field: string;
  seq: unknown;
  winner_value: unknown;
  winner_stamp: string;
  winner_user: string | null;
  winner_device: string | null;
  winner_name: string | null;
  loser_value: unknown;
  loser_stamp: string;
  loser_user: string | null;
  loser_device: string | null;
  loser_name: string | null;
  created_at: unknown;
  resolution: ConflictWire['resolution'];
  resolved_at: unknown;
  resolved_by: string | null;
}

/** Conflict rows with the display names of both authors (for the coordinator's UI). */
export const CONFLICT_SELECT = `
  SELECT c.*, wu.display_name AS winner_name, lu.display_name AS loser_name
    FROM conflicts c
    LEFT JOIN users wu ON wu.id = c.winner_user
    LEFT JOIN users lu ON lu.id = c.loser_user`;

function author(userId: string | null, deviceId: string | null, name: string | null): ConflictWire['winner']['author'] {
  if (userId === null || deviceId === null) return null;
  return { userId, deviceId, displayName: name ?? '' };
}

export function conflictToWire(row: ConflictDbRow): ConflictWire {
  return {
    id: row.id,
    table: row.table_name as SyncedTable,
    recordId: row.record_id,
    provinceCode: row.province_code,
    districtCode: row.district_code,
    field: row.field,
    seq: toNumber(row.seq),
    winner: { value: row.winner_value, stamp: row.winner_stamp, author: author(row.winner_user, row.winner_device, row.winner_name) },
    loser: { value: row.loser_value, stamp: row.loser_stamp, author: author(row.loser_user, row.loser_device, row.loser_name) },
    createdAt: toIso(row.created_at) ?? '',
    resolution: row.resolution,
    resolvedAt: toIso(row.resolved_at),
    resolvedBy: row.resolved_by,
  };
}

export async function loadConflict(tx: SqlQueryable, id: string): Promise<ConflictWire | undefined> {
  const { rows } = await tx.query<ConflictDbRow>(`${CONFLICT_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] === undefined ? undefined : conflictToWire(rows[0]);
}
