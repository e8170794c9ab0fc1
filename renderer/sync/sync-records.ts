// Shapes the agent keeps in IndexedDB besides the synced records themselves.

import type { SyncedTable } from '../../shared/domain/synced-tables';
import type { ConflictWire } from '../../shared/sync/protocol';
import type { ConflictRow } from '../db/local-record';
import type { SyncProblem } from './sync-status';

/** syncState keys owned by the agent. */
export const PULL_STATE_KEY = 'pull';
export const HISTORY_KEY = 'syncHistory';
export const REJECTED_KEY = 'syncRejected';
export const LAST_SYNC_KEY = 'lastSync';
export const HISTORY_LIMIT = 100;
export const REJECTED_LIMIT = 500;

export interface PullState {
  cursor: number;
  /** The server device the cursor belongs to: another sign-in starts over. */
  deviceId: string | null;
  /**
   * A pull from scratch is under way: at its end, local records the server did not send are dropped, or
   * sent back to it (see `before`).
   */
  refetch: boolean;
  /** The server (its serverId) and the history (epoch) `cursor` counts in; null until a page came. */
  serverId?: string | null;
  epoch?: string | null;
  /**
   * During a refetch: where the local records came from before it. The same server in another epoch
   * (restored from a backup), or unknown (a state from before epochs): what the server lacks is sent
   * back to it, never dropped. The same epoch (pruned history, a new scope) or another server: dropped.
   */
  before?: { serverId: string | null; epoch: string | null };
}

export interface SyncHistoryEntry {
  at: string;
  reason: string;
  outcome: 'ok' | 'warning' | 'error';
  pushed: number;
  pulled: number;
  conflicts: number;
  problem: SyncProblem | null;
  detail: string | null;
  durationMs: number;
}

/** A change the server refused (out of scope, invalid value): kept so nothing typed is silently lost. */
export interface RejectedChange {
  at: string;
  table: SyncedTable;
  recordId: string;
  mutationId: string;
  reason: string;
  message: string;
  changes: Record<string, unknown>;
}

/** db.conflicts rows as the agent stores them: the base row plus what the conflicts page shows. */
export interface SyncedConflictRow extends ConflictRow {
  provinceCode: string;
  districtCode: string | null;
  seq: number;
  resolution: ConflictWire['resolution'];
  resolvedBy: string | null;
  winnerUserId: string | null;
  winnerDeviceId: string | null;
  loserUserId: string | null;
  loserDeviceId: string | null;
}

export function conflictRowFromWire(wire: ConflictWire): SyncedConflictRow {
  return {
    id: wire.id,
    table: wire.table,
    recordId: wire.recordId,
    field: wire.field,
    winnerValue: wire.winner.value,
    winnerStamp: wire.winner.stamp,
    winnerAuthor: wire.winner.author?.displayName ?? '',
    loserValue: wire.loser.value,
    loserStamp: wire.loser.stamp,
    loserAuthor: wire.loser.author?.displayName ?? '',
    createdAt: wire.createdAt,
    resolvedAt: wire.resolvedAt,
    provinceCode: wire.provinceCode,
    districtCode: wire.districtCode,
    seq: wire.seq,
    resolution: wire.resolution,
    resolvedBy: wire.resolvedBy,
    winnerUserId: wire.winner.author?.userId ?? null,
    winnerDeviceId: wire.winner.author?.deviceId ?? null,
    loserUserId: wire.loser.author?.userId ?? null,
    loserDeviceId: wire.loser.author?.deviceId ?? null,
  };
}
