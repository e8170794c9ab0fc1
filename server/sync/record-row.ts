import type { StampedRecord } from '../../shared/sync/field-merge';
import { encodeRecordStamps } from '../../shared/sync/protocol';
import type { SqlQueryable } from '../store/sql-client';
import { toNumber } from '../store/sql-client';

/** [userId, deviceId] of the write that holds a field. */
export type Author = [string, string];

export interface StoredRecord extends StampedRecord {
  table: string;
  id: string;
  provinceCode: string;
  districtCode: string | null;
  seq: number;
  authors: Record<string, Author>;
}

interface RecordDbRow {
  table_name: string;
  id: string;
  province_code: string;
  district_code: string | null;
  seq: unknown;
  vals: Record<string, unknown>;
  stamps: Record<string, string>;
  authors: Record<string, Author>;
}

export const recordKey = (table: string, id: string): string => `${table}/${id}`;

function fromRow(row: RecordDbRow): StoredRecord {
  return {
    table: row.table_name,
    id: row.id,
    provinceCode: row.province_code,
    districtCode: row.district_code,
    seq: toNumber(row.seq),
    values: row.vals,
    stamps: row.stamps,
    authors: row.authors,
  };
}

/**
 * The record's stamps as a pull sends them, kept beside the record (migration 15): `"stamps":[…]` and,
 * when its fields' stamps differ, `,"fieldStamps":{…}`.
 */
export function wireStamps(stamps: Record<string, string>): string {
  return JSON.stringify(encodeRecordStamps(stamps)).slice(1, -1);
}

export const RECORD_COLUMNS = 'table_name, id, province_code, district_code, seq, vals, stamps, authors';

export async function loadRecords(tx: SqlQueryable, keys: ReadonlyArray<[string, string]>): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (keys.length === 0) return found;
  // The keys travel as one jsonb parameter: the same SQL works over PGlite and pg without array binding.
  const { rows } = await tx.query<RecordDbRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
      WHERE (table_name, id) IN (SELECT k ->> 0, k ->> 1 FROM jsonb_array_elements($1::jsonb) AS k)`,
    [JSON.stringify(keys)],
  );
  for (const row of rows) found.set(recordKey(row.table_name, row.id), fromRow(row));
  return found;
}

export async function loadRecord(tx: SqlQueryable, table: string, id: string): Promise<StoredRecord | undefined> {
  return (await loadRecords(tx, [[table, id]])).get(recordKey(table, id));
}

/**
 * Saves many records in one statement: a push of 500 mutations is one round trip to the database,
 * not 500. The rows travel as one jsonb parameter (same SQL over PGlite and pg).
 */
export async function saveRecords(tx: SqlQueryable, records: readonly StoredRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    const rows = records.slice(i, i + 500).map((r) => ({
      table_name: r.table,
      id: r.id,
      province_code: r.provinceCode,
      district_code: r.districtCode,
      seq: r.seq,
      vals: r.values,
      stamps: r.stamps,
      wire_stamps: wireStamps(r.stamps),
      authors: r.authors,
    }));
    await tx.query(
      `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, wire_stamps, authors)
       SELECT r.table_name, r.id, r.province_code, r.district_code, r.seq, r.vals, r.stamps, r.wire_stamps, r.authors
         FROM jsonb_to_recordset($1::jsonb)
           AS r(table_name text, id text, province_code text, district_code text, seq bigint, vals jsonb, stamps jsonb, wire_stamps text, authors jsonb)
       ON CONFLICT (table_name, id) DO UPDATE
         SET seq = EXCLUDED.seq, vals = EXCLUDED.vals, stamps = EXCLUDED.stamps, wire_stamps = EXCLUDED.wire_stamps, authors = EXCLUDED.authors`,
      [JSON.stringify(rows)],
    );
  }
}

export async function saveRecord(tx: SqlQueryable, record: StoredRecord): Promise<void> {
  await tx.query(
    `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, wire_stamps, authors)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::jsonb)
     ON CONFLICT (table_name, id) DO UPDATE
       SET seq = EXCLUDED.seq, vals = EXCLUDED.vals, stamps = EXCLUDED.stamps, wire_stamps = EXCLUDED.wire_stamps, authors = EXCLUDED.authors`,
    [
      record.table,
      record.id,
      record.provinceCode,
      record.districtCode,
      record.seq,
      JSON.stringify(record.values),
      JSON.stringify(record.stamps),
      wireStamps(record.stamps),
      JSON.stringify(record.authors),
    ],
  );
}

/**
 * Takes the write lock (the sync_state row) and returns the last seq. Every transaction that hands out
 * seqs calls this first, so seqs become visible in order and a pull never skips a change.
 */
export async function lockChangeSequence(tx: SqlQueryable): Promise<number> {
  const { rows } = await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE');
  return toNumber(rows[0]?.last_seq);
}

export async function storeChangeSequence(tx: SqlQueryable, lastSeq: number): Promise<void> {
  await tx.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [lastSeq]);
}
