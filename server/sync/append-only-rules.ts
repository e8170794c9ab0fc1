import { APPEND_ONLY_TABLES, isAppendOnlyTable, SYNCED_TABLE_SCHEMAS } from '../../shared/domain/synced-tables';
import type { Mutation } from '../../shared/sync/mutation';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import type { RejectedResult } from './push-request';
import type { StoredRecord } from './record-row';

export type AppendOnlyVerdict =
  | { kind: 'not-append-only' | 'create' }
  /** The creation sent again (its id forgotten by prune): nothing to write, answered applied. */
  | { kind: 'replay' }
  | { kind: 'refuse'; reason: RejectedResult['reason']; message: string };

const actorFields = (table: keyof typeof APPEND_ONLY_TABLES): string[] => Object.values(APPEND_ONLY_TABLES[table]);

/**
 * News revisions, workflow steps and audit entries are history (issue 18): created once and whole, never
 * changed, never deleted. A write to one that exists is refused, unless it is its own creation sent again:
 * the fields it writes carry the stamps they already have (the actor fields excepted, which the server
 * rewrote from the token).
 */
export function appendOnlyVerdict(mutation: Mutation, current: StoredRecord | undefined): AppendOnlyVerdict {
  const { table } = mutation;
  if (!isAppendOnlyTable(table)) return { kind: 'not-append-only' };
  const actors = actorFields(table);
  if (current !== undefined) {
    const replay = Object.entries(mutation.changes).every(([field, change]) => actors.includes(field) || current.stamps[field] === change.stamp);
    return replay ? { kind: 'replay' } : { kind: 'refuse', reason: 'not-allowed', message: 'รายการประวัติ (ฉบับแก้ไข ขั้นตอนข่าว บันทึกการเข้าถึงข้อมูล) บันทึกแล้วแก้ไขหรือลบไม่ได้' };
  }
  const values = Object.fromEntries(Object.entries(mutation.changes).map(([field, change]) => [field, change.value]));
  if (values.deleted === true) return { kind: 'refuse', reason: 'not-allowed', message: 'รายการประวัติลบไม่ได้' };
  const whole = SYNCED_TABLE_SCHEMAS[table].safeParse({ ...values, id: mutation.recordId, provinceCode: mutation.provinceCode, districtCode: mutation.districtCode });
  if (!whole.success) return { kind: 'refuse', reason: 'invalid-value', message: 'รายการประวัติต้องส่งครบทุกช่องในครั้งเดียว' };
  return { kind: 'create' };
}

/** The actor fields of a new history record as the token says (who signed in on the device that pushed it). */
export function actorValues(table: string, device: AuthenticatedDevice): Record<string, unknown> {
  if (!isAppendOnlyTable(table)) return {};
  const fields: { id: string; name: string; role?: string } = APPEND_ONLY_TABLES[table];
  const out: Record<string, unknown> = { [fields.id]: device.user.id, [fields.name]: device.user.displayName.slice(0, 200) };
  if (fields.role !== undefined) out[fields.role] = device.user.role;
  return out;
}
