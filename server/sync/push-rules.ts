import { canonicalJson } from '../../shared/sync/canonical-json';
import type { Mutation } from '../../shared/sync/mutation';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { canWrite } from '../accounts/scope';
import { appendOnlyVerdict } from './append-only-rules';
import { erasedRefusal } from './erasure-cleanup';
import { validateField } from './field-validation';
import { newsContentRefusal, newsWorkflowRefusal } from './news-workflow-guard';
import { rejected, type RejectedResult } from './push-request';
import type { StoredRecord } from './record-row';

/** What the rules say of one mutation: refuse it, answer it applied without writing (a replay), or write it. */
export type PushVerdict = RejectedResult | 'replay' | 'write';

/**
 * Every rule a mutation must pass before it is merged, judged against the record as it is now (earlier
 * mutations of the batch included): scope, a pruned tombstone, a scope move, each field's schema, the news
 * workflow and who may edit a news item's words, a person erased before, and history tables being create-only. The first refusal is the answer.
 */
export function judgeMutation(mutation: Mutation, context: { device: AuthenticatedDevice; current: StoredRecord | undefined; pruned: boolean }): PushVerdict {
  const { device, current } = context;
  const { id } = mutation;
  if (!canWrite(device.scope, mutation.provinceCode, mutation.districtCode)) return rejected(id, 'out-of-scope', 'ระเบียนนี้อยู่นอกพื้นที่ที่คุณมีสิทธิ์แก้ไข');
  // Deleted, and its tombstone since pruned: writing would bring back a record of this one write's fields.
  if (context.pruned) return rejected(id, 'deleted', 'ระเบียนนี้ถูกลบไปแล้ว การแก้ไขนี้จึงไม่ได้บันทึก');
  if (current !== undefined && (current.provinceCode !== mutation.provinceCode || current.districtCode !== mutation.districtCode)) {
    return rejected(id, 'scope-change', 'ไม่สามารถย้ายระเบียนไปจังหวัดหรืออำเภออื่นได้');
  }
  for (const [field, change] of Object.entries(mutation.changes)) {
    const verdict = validateField(mutation.table, field, change.value);
    if (verdict === 'unknown-field') return rejected(id, 'unknown-field', `ไม่รู้จักช่องข้อมูล ${field}`);
    if (verdict === 'invalid-value') return rejected(id, 'invalid-value', `ค่าของช่องข้อมูล ${field} ไม่ถูกต้อง`);
  }
  // Equal stamps are taken as the same write replayed; with another value they are two writers on one node.
  for (const [field, change] of Object.entries(mutation.changes)) {
    if (current !== undefined && current.stamps[field] === change.stamp && canonicalJson(current.values[field]) !== canonicalJson(change.value)) {
      return rejected(id, 'stamp-collision', `การแก้ไขช่อง ${field} มีเวลาประทับเดียวกับการแก้ไขอื่นที่มีค่าต่างกัน (อาจมีสองเครื่องใช้รหัสเครื่องเดียวกัน) เซิร์ฟเวอร์จึงไม่รับ ข้อมูลยังอยู่ในเครื่องนี้ กรุณาติดต่อผู้ดูแลระบบ`);
    }
  }
  const refusal =
    newsWorkflowRefusal(mutation.table, mutation.changes, current?.values.status, device.user.role) ??
    newsContentRefusal(mutation.table, mutation.changes, current, device.user.role);
  if (refusal !== null) return rejected(id, 'not-allowed', refusal);
  const erased = erasedRefusal(mutation.table, mutation.changes, current);
  if (erased !== null) return rejected(id, 'deleted', erased);
  const history = appendOnlyVerdict(mutation, current);
  if (history.kind === 'refuse') return rejected(id, history.reason, history.message);
  if (history.kind === 'replay') return 'replay';
  return 'write';
}
