import { BOOKKEEPING_FIELDS } from '../../shared/domain/common';
import { applyFieldWrites, detectConflicts, type FieldChange, type FieldWrite } from '../../shared/sync/field-merge';
import { ClockDriftError, HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import type { Mutation } from '../../shared/sync/mutation';
import type { MutationResult } from '../../shared/sync/protocol';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/open-store';
import type { SqlQueryable } from '../store/sql-client';
import { snapshotPublished } from '../feed/published-snapshots';
import { actorValues } from './append-only-rules';
import { blankPhotosOfErased, closeConflictsOfErased, isErasure, visitsOfErased } from './erasure-cleanup';
import { bindStampNodes, stampNodesOf, type NodeOwner } from './node-binding';
import { rejected, type PushItem } from './push-request';
import { judgeMutation } from './push-rules';
import { writeAsServer } from './server-writes';
import { fromRow, recordKey, recordRowsJson, type Author, type RecordDbRow, type StoredRecord } from './record-row';

export interface PushOptions {
  now: number;
  maxDriftMs: number;
  /** The server's clock, for fields it writes itself (the actor of a history record). */
  clock: HybridLogicalClock;
  /** Told when the database refused a value validation let through (the route logs it). */
  onDataError?: (error: unknown) => void;
}

/**
 * Refuses the whole batch if a stamp is too far ahead: the device must re-stamp first. (A malformed stamp
 * was already refused per mutation by parsePushRequest.)
 */
function checkClockAhead(mutations: readonly Mutation[], options: PushOptions): void {
  for (const mutation of mutations) {
    for (const change of Object.values(mutation.changes)) {
      try {
        HybridLogicalClock.checkNotTooFarAhead(change.stamp, options.now, options.maxDriftMs);
      } catch (error) {
        if (error instanceof ClockDriftError) {
          throw new ApiError(422, 'clock-ahead', undefined, { serverTime: new Date(options.now).toISOString() });
        }
        throw error;
      }
    }
  }
}

/**
 * A database refusal of a value (SQLSTATE class 22 "data exception" or 54 "program limit exceeded"), or a
 * value too deep to serialise. Validation refuses every such value we know of; this catches the next one.
 */
function isDataError(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const code = sqlState(error);
  return typeof code === 'string' && /^(22|54)[0-9A-Z]{3}$/.test(code);
}

interface PendingConflict {
  record: StoredRecord;
  field: string;
  winner: { value: unknown; stamp: string; author: Author | undefined };
  loser: { value: unknown; stamp: string; author: Author | undefined };
}

/**
 * Applies a push in one transaction: the stamps' nodes bound to the device, then per mutation idempotency,
 * the rules of push-rules.ts, per-field LWW, and a conflict row for every concurrent overwrite whose values
 * differ; then what the server writes itself (the actor of a history record, the photos of a person just
 * erased) and keeps (the words of a news item just published). After the commit, each changed record and
 * conflict row gets one new seq from the change sequencer, which pokes the changed scopes; the answer
 * waits for that, so a device that pulls after its push finds what it pushed numbered.
 *
 * One bad mutation never blocks the batch (issue 18): it is answered `rejected` and the others are applied.
 * Should the database still refuse a value that validation let through, the batch is applied again one
 * mutation per transaction, and the mutation the database refuses is rejected as `invalid-value`.
 */
export async function applyPush(store: Store, device: AuthenticatedDevice, items: readonly PushItem[], options: PushOptions): Promise<MutationResult[]> {
  checkClockAhead(
    items.flatMap((item) => ('mutation' in item ? [item.mutation] : [])),
    options,
  );
  if (items.length === 0) return [];
  let pushed: { results: MutationResult[]; wrote: boolean };
  try {
    pushed = await applyBatchRetryingDeadlock(store, device, items, options);
  } catch (error) {
    if (!isDataError(error)) throw error;
    options.onDataError?.(error);
    if (items.length > 1) {
      const results: MutationResult[] = [];
      for (const item of items) results.push(...(await applyPush(store, device, [item], options)));
      return results;
    }
    const id = 'mutation' in items[0]! ? items[0].mutation.id : items[0]!.refused.id;
    return [rejected(id, 'invalid-value', 'ค่าในการแก้ไขนี้บันทึกลงฐานข้อมูลไม่ได้')];
  }
  // What the push wrote is committed; numbered, it reaches the other devices' pulls (and pokes them).
  if (pushed.wrote) await store.sequencer.afterCommit();
  return pushed.results;
}

/** What a push will write, worked out from the records as read under their locks (prepareBatch). */
interface PreparedBatch {
  records: Map<string, StoredRecord>;
  dirty: Set<StoredRecord>;
  published: Set<StoredRecord>;
  erased: Set<StoredRecord>;
  conflicts: PendingConflict[];
  newlyApplied: string[];
  results: MutationResult[];
}

/**
 * A push in one transaction, under row-level locks only (issue 11: a change-sequence lock held for every
 * push's writes and commit made every push in the country wait for the one before). The device's own
 * lock keeps its pushes in order and its duplicates recognised; the records' locks keep two writers from
 * merging from the same version. Records and conflict rows are saved without a seq; the change
 * sequencer numbers them after the commit (applyPush).
 */
async function applyBatch(store: Store, device: AuthenticatedDevice, items: readonly PushItem[], options: PushOptions): Promise<{ results: MutationResult[]; wrote: boolean }> {
  return store.sql.transaction(async (tx) => {
    const batch = await prepareBatch(tx, device, items, options);
    return finishBatch(tx, store, device, batch, options);
  });
}

/**
 * A batch that meets another writer in a deadlock (an erasure locks the person's photos after the batch's
 * own records, so a batch holding a photo and waiting for the person can cross it) is rolled back by
 * PostgreSQL, wholly; it is applied again once, not answered with an error.
 */
async function applyBatchRetryingDeadlock(store: Store, device: AuthenticatedDevice, items: readonly PushItem[], options: PushOptions): Promise<{ results: MutationResult[]; wrote: boolean }> {
  try {
    return await applyBatch(store, device, items, options);
  } catch (error) {
    if (sqlState(error) !== '40P01') throw error;
    return applyBatch(store, device, items, options);
  }
}

const sqlState = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined);

/**
 * Takes the batch's locks and reads what it touches (push_read), and merges it in memory; writes nothing but
 * the binding of new stamp nodes.
 */
async function prepareBatch(tx: SqlQueryable, device: AuthenticatedDevice, items: readonly PushItem[], options: PushOptions): Promise<PreparedBatch> {
  const author: Author = [device.user.id, device.deviceId];
  const mutations = items.flatMap((item) => ('mutation' in item ? [item.mutation] : []));
  const read = await readUnderLocks(tx, device.deviceId, items, mutations);
  const { applied, records, pruned } = read;
  await bindStampNodes(tx, device, mutations.filter((m) => !applied.has(m.id)), read.owners);
  const dirty = new Set<StoredRecord>();
  /** News items this batch published: the feed keeps their words as they are now. */
  const published = new Set<StoredRecord>();
  /** People this batch erased (PDPA): their photos' names and their conflict rows are blanked too. */
  const erased = new Set<StoredRecord>();
  const conflicts: PendingConflict[] = [];
  const newlyApplied: string[] = [];
  const results: MutationResult[] = [];
  const markApplied = (id: string) => {
    applied.add(id);
    newlyApplied.push(id);
    results.push({ id, status: 'applied' });
  };

  for (const item of items) {
    if (!('mutation' in item)) {
      results.push(applied.has(item.refused.id) ? { id: item.refused.id, status: 'duplicate' } : item.refused);
      continue;
    }
    const { mutation } = item;
    // An id `prune` has forgotten (--keep-mutations-days) is not found here, so a late resend is applied
    // again. Its stamps are already stored, so no value and no seq change: equal stamps are 'same' in
    // applyFieldWrites and never concurrent in detectConflicts. The exception: a field a later stamp
    // has since overwritten with a different value. The resend's prev is older than the stored stamp,
    // so it reads as concurrent and a conflict row is stored (winner: the current value, which stays;
    // loser: the resend's old value). That row is spurious: the overwrite was sequential, or got its
    // own conflict row when it happened. The checks below judge the resend against the record as it
    // is now (news workflow, scope), and a record whose tombstone was pruned comes back with the
    // resend's fields. docs/sync-protocol.md, "Retention".
    if (applied.has(mutation.id)) {
      results.push({ id: mutation.id, status: 'duplicate' });
      continue;
    }
    const key = recordKey(mutation.table, mutation.recordId);
    const current = records.get(key);
    const verdict = judgeMutation(mutation, { device, current, pruned: pruned.has(key) });
    if (verdict === 'replay') {
      markApplied(mutation.id);
      continue;
    }
    if (verdict !== 'write') {
      results.push(verdict);
      continue;
    }

    const statusBefore = current?.values.status;
    const erasedBefore = current?.values.erasedAt;
    const changes = mutation.changes as Record<string, FieldChange>;
    const writes: Record<string, FieldWrite> = {};
    for (const [field, change] of Object.entries(changes)) writes[field] = { value: change.value, stamp: change.stamp };
    const found = detectConflicts(current, changes).filter((c) => !BOOKKEEPING_FIELDS.includes(c.field));
    const merged = applyFieldWrites(current, writes);
    const record: StoredRecord = current ?? {
      table: mutation.table,
      id: mutation.recordId,
      provinceCode: mutation.provinceCode,
      districtCode: mutation.districtCode,
      values: {},
      stamps: {},
      authors: {},
    };
    const authors = { ...record.authors };
    let changed = current === undefined;
    for (const field of merged.accepted) {
      if (record.stamps[field] !== merged.record.stamps[field]) {
        authors[field] = author;
        changed = true;
      }
    }
    for (const conflict of found) {
      const existingAuthor = record.authors[conflict.field];
      const incomingStamp = changes[conflict.field]?.stamp;
      const authorOf = (stamp: string) => (stamp === incomingStamp ? author : existingAuthor);
      conflicts.push({
        record,
        field: conflict.field,
        winner: { value: conflict.winner.value, stamp: conflict.winner.stamp, author: authorOf(conflict.winner.stamp) },
        loser: { value: conflict.loser.value, stamp: conflict.loser.stamp, author: authorOf(conflict.loser.stamp) },
      });
    }
    if (changed) {
      record.values = merged.record.values;
      record.stamps = merged.record.stamps;
      record.authors = authors;
    }
    // A new history record names who acted as the token says, not as the device wrote it.
    if (current === undefined && writeAsServer(record, actorValues(mutation.table, device), author, options.clock)) changed = true;
    if (changed) {
      records.set(key, record);
      dirty.add(record);
    }
    if (mutation.table === 'news' && record.values.status === 'published' && statusBefore !== 'published') published.add(record);
    if (isErasure(mutation.table, erasedBefore, record)) erased.add(record);
    markApplied(mutation.id);
  }

  return { records, dirty, published, erased, conflicts, newlyApplied, results };
}

/** The writes: records, conflict rows, the applied ids. Returns whether a change awaits its seq. */
async function finishBatch(tx: SqlQueryable, store: Store, device: AuthenticatedDevice, batch: PreparedBatch, options: PushOptions): Promise<{ results: MutationResult[]; wrote: boolean }> {
  const author: Author = [device.user.id, device.deviceId];
  const { records, dirty, published, erased, conflicts, newlyApplied, results } = batch;
  const erasedIds = [...erased].map((r) => r.id);
  const photosOfErased = erased.size > 0 ? await blankPhotosOfErased(tx, erasedIds, records, author, options.clock) : { changed: [], photos: [] };
  for (const photo of photosOfErased.changed) dirty.add(photo);
  // An erasure is final: what it overwrote concurrently is not kept as a conflict.
  const kept = conflicts.filter((c) => !erased.has(c.record));
  // Records, conflict rows and applied ids in one statement (migration 18).
  if (dirty.size > 0 || kept.length > 0 || newlyApplied.length > 0) {
    await tx.query('SELECT push_write($1::jsonb, $2::jsonb, $3, $4::jsonb)', [recordRowsJson([...dirty]), conflictRowsJson(kept), device.deviceId, JSON.stringify(newlyApplied)]);
  }
  if (published.size > 0) await snapshotPublished(tx, [...published]);
  store.statistics.noteWrites(dirty.size);
  let closed = 0;
  if (erased.size > 0) {
    const visits = await visitsOfErased(tx, erasedIds, records);
    closed = await closeConflictsOfErased(tx, [...erased, ...photosOfErased.photos, ...visits], device.user.id);
  }
  return { results, wrote: dirty.size > 0 || kept.length > 0 || closed > 0 };
}

/** What push_read returns: the batch's locks are held once it answers. */
interface PushRead {
  applied: string[];
  owners: NodeOwner[];
  records: RecordDbRow[];
  pruned: Array<[string, string]>;
}

/**
 * Takes the batch's locks and reads under them in one statement (migration 18, push_read): the device's own
 * lock, which serialises its pushes (a retry racing the request it retries, or its pushes spread over several
 * server processes) so its applied ids are read after its previous push committed; the shared side of the
 * writers' lock and each record's lock (lockRecords), so no two writers merge from the same version; then
 * the applied ids among the batch's, the owners of its stamp nodes, its records, and those prune forgot.
 */
async function readUnderLocks(tx: SqlQueryable, deviceId: string, items: readonly PushItem[], mutations: readonly Mutation[]) {
  const ids = items.map((item) => ('mutation' in item ? item.mutation.id : item.refused.id));
  const { rows } = await tx.query<{ read: PushRead }>('SELECT push_read($1, $2::jsonb, $3::jsonb, $4::jsonb) AS read', [
    deviceId,
    JSON.stringify(keysOf(items)),
    JSON.stringify(ids),
    JSON.stringify(stampNodesOf(mutations)),
  ]);
  const read = rows[0]!.read;
  const records = new Map<string, StoredRecord>();
  for (const row of read.records) records.set(recordKey(row.table_name, row.id), fromRow(row));
  return {
    applied: new Set(read.applied),
    owners: new Map(read.owners.map((owner) => [owner.node, owner])),
    records,
    // Keys (`table/id`) of the batch's records that prune deleted: none of them is found in records.
    pruned: new Set(read.pruned.map(([table, id]) => recordKey(table, id)).filter((key) => !records.has(key))),
  };
}

function keysOf(items: readonly PushItem[]): Array<[string, string]> {
  const keys = new Map<string, [string, string]>();
  for (const item of items) if ('mutation' in item) keys.set(recordKey(item.mutation.table, item.mutation.recordId), [item.mutation.table, item.mutation.recordId]);
  return [...keys.values()];
}

/** The batch's conflict rows as push_write takes them, numbered later as records are. */
function conflictRowsJson(rows: readonly PendingConflict[]): string {
  return JSON.stringify(
    rows.map(({ record, field, winner, loser }) => ({
      id: uuidv7(),
      table_name: record.table,
      record_id: record.id,
      province_code: record.provinceCode,
      district_code: record.districtCode,
      field,
      winner_value: winner.value ?? null,
      winner_stamp: winner.stamp,
      winner_user: winner.author?.[0] ?? null,
      winner_device: winner.author?.[1] ?? null,
      loser_value: loser.value ?? null,
      loser_stamp: loser.stamp,
      loser_user: loser.author?.[0] ?? null,
      loser_device: loser.author?.[1] ?? null,
    })),
  );
}
