import type { StampedRecord } from '../../shared/sync/field-merge';
import { encodeRecordStamps } from '../../shared/sync/protocol';
import { redactPersonForViewer } from '../../shared/roster/personal-data-redaction';
import { NO_PERSONAL_DATA_VIEWER } from '../../shared/roster/reveal-policy';
import type { SqlQueryable } from '../store/sql-client';

/** [userId, deviceId] of the write that holds a field. */
export type Author = [string, string];

export interface StoredRecord extends StampedRecord {
  table: string;
  id: string;
  provinceCode: string;
  districtCode: string | null;
  // No seq: a writer never needs it (it saves without one; the change sequencer numbers what it saved).
  authors: Record<string, Author>;
}

export interface RecordDbRow {
  table_name: string;
  id: string;
  province_code: string;
  district_code: string | null;
  vals: Record<string, unknown>;
  stamps: Record<string, string>;
  authors: Record<string, Author>;
}

export const recordKey = (table: string, id: string): string => `${table}/${id}`;

export function fromRow(row: RecordDbRow): StoredRecord {
  return {
    table: row.table_name,
    id: row.id,
    provinceCode: row.province_code,
    districtCode: row.district_code,
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

/**
 * SQL for a record's wire body (migration 17) from its columns under `alias`: the pull's JSON of the record
 * without its seq and closing brace; with `vals`, of other values (a person as withheld: withheld_body).
 */
export function wireBodySql(alias: string, vals = `${alias}.vals`): string {
  const a = alias;
  return `'{"table":' || to_json(${a}.table_name)::text || ',"id":' || to_json(${a}.id)::text
    || ',"provinceCode":' || to_json(${a}.province_code)::text || ',"districtCode":' || coalesce(to_json(${a}.district_code)::text, 'null')
    || ',"values":' || ${vals}::text || ',' || coalesce(${a}.wire_stamps, pd_wire_stamps(${a}.stamps))`;
}

export const RECORD_COLUMNS = 'table_name, id, province_code, district_code, vals, stamps, authors';

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
 * Records as save_records (migrations 18, 19) takes them: one jsonb array, the same SQL over PGlite and pg. A
 * person comes with its values as a viewer who may see no personal data receives them (withheld_body).
 */
export function recordRowsJson(records: readonly StoredRecord[]): string {
  return JSON.stringify(
    records.map((r) => ({
      table_name: r.table,
      id: r.id,
      province_code: r.provinceCode,
      district_code: r.districtCode,
      vals: r.values,
      withheld_vals: r.table === 'members' ? redactPersonForViewer(r.values, r.districtCode, NO_PERSONAL_DATA_VIEWER) : null,
      stamps: r.stamps,
      wire_stamps: wireStamps(r.stamps),
      authors: r.authors,
    })),
  );
}

/**
 * Saves many records in one statement: a push of 500 mutations is one round trip to the database,
 * not 500. Saved records have no seq until the change sequencer numbers them, in the order they were
 * saved (the writer holds their locks: lockRecords).
 */
export async function saveRecords(tx: SqlQueryable, records: readonly StoredRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await tx.query('SELECT save_records($1::jsonb)', [recordRowsJson(records.slice(i, i + 500))]);
  }
}

export async function saveRecord(tx: SqlQueryable, record: StoredRecord): Promise<void> {
  await saveRecords(tx, [record]);
}

/**
 * Takes the write locks of these records, held to commit: a writer (push, resolution) reads and merges a
 * record only under its lock, so no two merge from the same version. Transaction advisory locks, taken in
 * one statement in one order (of their keys), so two writers never deadlock. First (the select list is
 * evaluated left to right; the subquery when its column is) the shared side of the lock that
 * lockAllRecordWrites takes whole. A writer saves with seq null and, after its commit, asks
 * the change sequencer to number what it wrote.
 */
export async function lockRecords(tx: SqlQueryable, keys: ReadonlyArray<[string, string]>): Promise<void> {
  // One definition of the locks (migration 18), shared with the push's push_read.
  await tx.query('SELECT lock_records($1::jsonb)', [JSON.stringify(keys)]);
}

/** Waits for every record writer to commit and keeps new ones out until this transaction ends (maintenance). */
export async function lockAllRecordWrites(tx: SqlQueryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('provincedesk-writes:' || current_schema()), 0)`);
}
