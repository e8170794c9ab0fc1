import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import type { DerivedFields } from './derived-fields';

/** Per-field HLC stamps of a record as this device knows them. */
export type FieldStamps = Record<string, string>;

/**
 * A synced record as stored on the device: the domain fields, their stamps, and fields
 * derived locally (never synced) such as search tokens.
 */
export type LocalRecord<T extends SyncedTable> = RecordOf<T> &
  DerivedFields & {
    _stamps: FieldStamps;
  };

/** A queued local change waiting to be pushed. `seq` is the device's local sequence number. */
export interface OutboxEntry {
  seq?: number;
  table: SyncedTable;
  recordId: string;
  provinceCode: string;
  districtCode: string | null;
  changes: Record<string, { value: unknown; stamp: string; prev: string | null }>;
  createdAt: string;
  /** Set by the sync agent when the entry is sent; an entry in flight is never coalesced into. */
  sentAt: string | null;
}

/** A concurrent overwrite kept so that nothing a user typed is lost. */
export interface ConflictRow {
  id: string;
  table: SyncedTable;
  recordId: string;
  field: string;
  winnerValue: unknown;
  winnerStamp: string;
  winnerAuthor: string;
  loserValue: unknown;
  loserStamp: string;
  loserAuthor: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

export interface BlobRow {
  sha256: string;
  data: Blob;
  size: number;
  uploaded: boolean;
}
