import { applyFieldWrites } from '../../shared/sync/field-merge';
import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import type { ConflictWire, ResolveConflictRequest, Role } from '../../shared/sync/protocol';
import { isAppendOnlyTable, type SyncedTable } from '../../shared/domain/synced-tables';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { canRead } from '../accounts/scope';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/open-store';
import { validateField } from './field-validation';
import { newsFieldLockedReason } from './news-workflow-guard';
import { loadConflict } from './conflict-rows';
import { snapshotPublished } from '../feed/published-snapshots';
import { loadRecord, lockRecords, saveRecord } from './record-row';

/** Why this conflict's field may not be written by this role now, or null. */
function lockedValueReason(conflict: ConflictWire, status: unknown, role: Role): string | null {
  if (isAppendOnlyTable(conflict.table)) return 'รายการประวัติแก้ไขไม่ได้ เลือกได้เฉพาะฉบับที่ใช้อยู่';
  return newsFieldLockedReason(conflict.table, conflict.field, status, role);
}

/**
 * A coordinator's decision on a conflict becomes a new field write stamped by the server's clock (later
 * than the current value, and with prev = the current stamp, so it is a sequential edit and not a new
 * conflict). It syncs to every device like any other change.
 */
export async function resolveConflict(
  store: Store,
  device: AuthenticatedDevice,
  clock: HybridLogicalClock,
  conflictId: string,
  request: ResolveConflictRequest,
): Promise<ConflictWire> {
  if (device.user.role !== 'coordinator' && device.user.role !== 'admin') throw new ApiError(403, 'forbidden');
  const found = await loadConflict(store.sql, conflictId);
  // Out of scope answers as missing: a device learns nothing about other provinces.
  if (found === undefined || !canRead(device.scope, found.provinceCode, found.districtCode)) throw new ApiError(404, 'not-found');
  await store.sql.transaction(async (tx) => {
    // Under the record's lock (as a push writes it), the conflict is read again: of two coordinators
    // resolving it at once, the second finds it resolved.
    await lockRecords(tx, [[found.table, found.recordId]]);
    const conflict = await loadConflict(tx, conflictId);
    if (conflict === undefined) throw new ApiError(404, 'not-found');
    if (conflict.resolution !== null) throw new ApiError(409, 'already-resolved');

    const record = await loadRecord(tx, conflict.table, conflict.recordId);
    if (record === undefined) throw new ApiError(404, 'not-found');
    const locked = lockedValueReason(conflict, record.values.status, device.user.role);
    if (locked !== null) {
      // The field may not be changed (history; the content of a news item the role may not edit in its
      // status): such a conflict, from before the server held the rule, is only closed, keeping the value.
      if (request.resolution !== 'winner') throw new ApiError(403, 'forbidden', locked);
      await tx.query(`UPDATE conflicts SET resolution = 'winner', resolved_at = now(), resolved_by = $2, seq = NULL WHERE id = $1`, [conflictId, device.user.id]);
      return;
    }
    const value = request.resolution === 'winner' ? conflict.winner.value : request.resolution === 'loser' ? conflict.loser.value : request.value;
    if (validateField(conflict.table as SyncedTable, conflict.field, value) !== 'ok') {
      throw new ApiError(400, 'bad-request', `ค่าที่เลือกสำหรับช่องข้อมูล ${conflict.field} ไม่ถูกต้อง`);
    }

    const currentStamp = record.stamps[conflict.field];
    if (currentStamp !== undefined) clock.receive(currentStamp);
    const stamp = clock.tick();
    const statusBefore = record.values.status;
    const merged = applyFieldWrites(record, { [conflict.field]: { value, stamp } });
    record.values = merged.record.values;
    record.stamps = merged.record.stamps;
    record.authors = { ...record.authors, [conflict.field]: [device.user.id, device.deviceId] };
    await saveRecord(tx, record);
    if (record.table === 'news' && record.values.status === 'published' && statusBefore !== 'published') await snapshotPublished(tx, [record]);
    await tx.query(`UPDATE conflicts SET resolution = $2, resolved_at = now(), resolved_by = $3, seq = NULL WHERE id = $1`, [
      conflictId,
      request.resolution,
      device.user.id,
    ]);
  });
  // Numbered (and the scope poked), the resolution reaches every device's next pull; answered with its seq.
  await store.sequencer.afterCommit();
  const resolved = await loadConflict(store.sql, conflictId);
  if (resolved === undefined) throw new ApiError(404, 'not-found');
  return resolved;
}
