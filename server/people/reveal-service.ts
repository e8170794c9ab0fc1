// `POST /v1/people/:id/reveal` (issue 18, PDPA): the full national ID of one person, for a user whose role
// and office allow it (shared/roster/reveal-policy.ts), with the reveal written to the audit trail by the
// server itself — in the same transaction, the actor taken from the token — so no reveal goes unrecorded
// and nobody can record one in another's name.
import { AuditEntry } from '../../shared/domain/audit-entry';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import { canRevealNationalId } from '../../shared/roster/reveal-policy';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { canRead } from '../accounts/scope';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/open-store';
import { loadRecord, lockRecords, saveRecord, type Author, type StoredRecord } from '../sync/record-row';

export const NOT_ALLOWED_TO_REVEAL = 'บทบาทของคุณไม่มีสิทธิ์ดูเลขประจำตัวประชาชนเต็มของบุคคลนี้';

export async function revealNationalId(
  store: Store,
  device: AuthenticatedDevice,
  clock: HybridLogicalClock,
  now: number,
  memberId: string,
): Promise<{ nationalId: string | null; auditEntryId: string | null }> {
  const revealed = await store.sql.transaction(async (tx) => {
    // The audit entry is a new record: written under its lock, numbered by the change sequencer after the commit.
    await lockRecords(tx, []);
    const person = await loadRecord(tx, 'members', memberId);
    // Out of scope answers as missing: a device learns nothing about people elsewhere.
    if (person === undefined || person.values.deleted === true || !canRead(device.scope, person.provinceCode, person.districtCode)) throw new ApiError(404, 'not-found');
    const tambonCode = typeof person.values.tambonCode === 'string' ? person.values.tambonCode : '';
    if (!canRevealNationalId({ role: device.user.role, districtCode: device.user.districtCode }, { districtCode: person.districtCode, tambonCode })) {
      throw new ApiError(403, 'forbidden', NOT_ALLOWED_TO_REVEAL);
    }
    const nationalId = typeof person.values.nationalId === 'string' ? person.values.nationalId : null;
    if (nationalId === null) return { nationalId, auditEntryId: null };

    const id = uuidv7(now);
    const entry = AuditEntry.parse({
      id,
      provinceCode: person.provinceCode,
      districtCode: person.districtCode,
      deleted: false,
      memberId,
      action: 'reveal-id',
      fields: ['nationalId'],
      count: 1,
      detail: 'server',
      actorId: device.user.id,
      actorName: device.user.displayName,
      actorRole: device.user.role,
      at: new Date(now).toISOString(),
    });
    const stamp = clock.tick();
    const author: Author = [device.user.id, device.deviceId];
    const values: Record<string, unknown> = { ...entry };
    for (const meta of ['id', 'provinceCode', 'districtCode']) delete values[meta];
    const record: StoredRecord = {
      table: 'auditEntries',
      id,
      provinceCode: person.provinceCode,
      districtCode: person.districtCode,
      values,
      stamps: Object.fromEntries(Object.keys(values).map((f) => [f, stamp])),
      authors: Object.fromEntries(Object.keys(values).map((f) => [f, author])),
    };
    await saveRecord(tx, record);
    return { nationalId, auditEntryId: id };
  });
  if (revealed.auditEntryId !== null) await store.sequencer.afterCommit();
  return revealed;
}
