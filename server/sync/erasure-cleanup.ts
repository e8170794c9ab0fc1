import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import type { SqlQueryable } from '../store/sql-client';
import { loadRecords, lockRecords, recordKey, type Author, type StoredRecord } from './record-row';
import { writeAsServer } from './server-writes';

// PDPA erasure (shared/roster/erasure-rules.ts) is a synced write that blanks a person's record. What it
// leaves elsewhere on the server is cleaned here, in the transaction that applies it (issue 18): the file
// names and captions of the person's photos, and the values kept in conflict rows (the person's old name,
// ID number and phone, as a coordinator would have seen them in the conflicts list).

/** True when this write erased the person: `erasedAt` was empty before it and is set after it. */
export function isErasure(table: string, erasedBefore: unknown, record: StoredRecord): boolean {
  return table === 'members' && (erasedBefore === undefined || erasedBefore === null) && typeof record.values.erasedAt === 'string';
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/gif': '.gif', 'application/pdf': '.pdf' };

/**
 * The person's photos (attachments owned by the member, the current one and any replaced before) lose their
 * file name and caption and are deleted, as server writes every device takes at its next pull. Returns them
 * all (their conflicts are closed too) and those it changed (to be saved); `inBatch` holds the batch's records.
 */
export async function blankPhotosOfErased(
  tx: SqlQueryable,
  memberIds: readonly string[],
  inBatch: Map<string, StoredRecord>,
  author: Author,
  clock: HybridLogicalClock,
): Promise<{ photos: StoredRecord[]; changed: StoredRecord[] }> {
  if (memberIds.length === 0) return { photos: [], changed: [] };
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM records WHERE table_name = 'attachments' AND vals ->> 'ownerTable' = 'members' AND vals ->> 'ownerId' = ANY($1::text[])`,
    [memberIds],
  );
  const missing = rows.filter((r) => !inBatch.has(recordKey('attachments', r.id))).map((r): [string, string] => ['attachments', r.id]);
  // Written below: read under their locks, as the batch's own records are (taken after those, so two
  // erasures can meet in a deadlock, which PostgreSQL breaks by failing one; its device sends it again).
  await lockRecords(tx, missing);
  const loaded = await loadRecords(tx, missing);
  const photos = rows.map((r) => inBatch.get(recordKey('attachments', r.id)) ?? loaded.get(recordKey('attachments', r.id))).filter((r) => r !== undefined);
  const changed = photos.filter((photo) => {
    const extension = EXTENSIONS[String(photo.values.mimeType)] ?? '';
    return writeAsServer(photo, { fileName: `erased${extension}`, caption: '', deleted: true }, author, clock);
  });
  return { photos, changed };
}

/**
 * The people's visits (attendance records), as their conflicts should read: the name written on a visit
 * blank, as the erasing device writes it (that write may come in a later batch than the erasure).
 */
export async function visitsOfErased(tx: SqlQueryable, memberIds: readonly string[], inBatch: Map<string, StoredRecord>): Promise<StoredRecord[]> {
  if (memberIds.length === 0) return [];
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM records WHERE table_name = 'attendance' AND vals ->> 'memberId' = ANY($1::text[])`, [memberIds]);
  const loaded = await loadRecords(tx, rows.filter((r) => !inBatch.has(recordKey('attendance', r.id))).map((r): [string, string] => ['attendance', r.id]));
  return rows
    .map((r) => inBatch.get(recordKey('attendance', r.id)) ?? loaded.get(recordKey('attendance', r.id)))
    .filter((r) => r !== undefined)
    .map((r) => ({ ...r, values: { ...r.values, personName: '' } }));
}

/**
 * A write to a person erased before (a device that edited them offline): refused, since it would bring
 * personal data back onto the blank record or into a conflict row. A field sent again with the stamp it
 * holds (a replay) is no write. Returns the Thai reason, or null.
 */
export function erasedRefusal(table: string, changes: Record<string, { stamp: string }>, current: StoredRecord | undefined): string | null {
  if (table !== 'members' || current === undefined || typeof current.values.erasedAt !== 'string') return null;
  const writes = Object.entries(changes).some(([field, change]) => current.stamps[field] !== change.stamp);
  return writes ? 'ข้อมูลของบุคคลนี้ถูกลบตามคำขอ (PDPA) แล้ว การแก้ไขนี้จึงไม่ได้บันทึก' : null;
}

/**
 * Conflict rows of these records keep, on both sides, only the value the record holds now (blank for an
 * erased field), and are closed; each waits for a new seq (the change sequencer's) so coordinators'
 * devices replace their copy at the next pull. Returns how many were closed.
 */
export async function closeConflictsOfErased(tx: SqlQueryable, records: readonly StoredRecord[], resolvedBy: string): Promise<number> {
  if (records.length === 0) return 0;
  const byKey = new Map(records.map((r) => [recordKey(r.table, r.id), r]));
  const { rows } = await tx.query<{ id: string; table_name: string; record_id: string; field: string }>(
    `SELECT c.id, c.table_name, c.record_id, c.field FROM conflicts c
      WHERE (c.table_name, c.record_id) IN (SELECT k ->> 0, k ->> 1 FROM jsonb_array_elements($1::jsonb) AS k)`,
    [JSON.stringify(records.map((r) => [r.table, r.id]))],
  );
  for (const row of rows) {
    const record = byKey.get(recordKey(row.table_name, row.record_id));
    const value = JSON.stringify(record !== undefined && Object.hasOwn(record.values, row.field) ? (record.values[row.field] ?? null) : null);
    await tx.query(
      `UPDATE conflicts SET winner_value = $2::jsonb, loser_value = $2::jsonb, resolution = coalesce(resolution, 'winner'),
              resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $3), seq = NULL
        WHERE id = $1`,
      [row.id, value, resolvedBy],
    );
  }
  return rows.length;
}
