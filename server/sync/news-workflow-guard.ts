import { NewsStatus } from '../../shared/domain/news';
import type { Role } from '../../shared/sync/protocol';
import { canEditContent, NEWS_ACTIONS, NEWS_CONTENT_FIELDS, NEWS_WORKFLOW } from '../../shared/news/news-workflow';

const MAY_SET_ANY_STATUS: readonly Role[] = ['coordinator', 'admin'];

/**
 * The news workflow held by the server too: the desktop app only offers a role the moves it may
 * make, but a device can push anything, so an editor's device must not be able to publish.
 * A status change is allowed when one workflow step leads from the stored status to the new one for
 * this role; a new item starts as a draft unless a coordinator writes it. Returns the Thai reason
 * for a refusal, or null.
 */
export function newsWorkflowRefusal(table: string, changes: Record<string, { value: unknown }>, storedStatus: unknown, role: Role): string | null {
  if (table !== 'news' || !('status' in changes)) return null;
  const to = changes.status!.value;
  if (to === storedStatus) return null;
  if (storedStatus === undefined) {
    return to === 'draft' || MAY_SET_ANY_STATUS.includes(role) ? null : 'ข่าวใหม่ต้องเริ่มเป็นร่าง ผู้ตรวจและอนุมัติเท่านั้นที่เปลี่ยนสถานะได้';
  }
  const allowed = NEWS_ACTIONS.some((action) => {
    const rule = NEWS_WORKFLOW[action];
    return rule.to === to && (rule.from as readonly unknown[]).includes(storedStatus) && rule.roles.includes(role);
  });
  return allowed ? null : 'บทบาทของคุณเปลี่ยนสถานะข่าวนี้ไม่ได้ (เช่น อนุมัติหรือเผยแพร่ต้องเป็นผู้ตรวจและอนุมัติ)';
}

/**
 * Who may change a news item's words, held by the server (issue 18: an editor's device rewrote a
 * published article and it went live). Each content field the mutation writes anew (a field sent again
 * with the stamp it already holds is a replay, not a write) must be one the role may edit in the item's
 * stored status — or in the status this same mutation moves it to, when the workflow allowed that move
 * (a coordinator reopening an archived item and editing it in one go). A new item is judged by the
 * workflow alone. Returns the Thai reason for a refusal, or null.
 */
export function newsContentRefusal(
  table: string,
  changes: Record<string, { value: unknown; stamp: string }>,
  current: { values: Record<string, unknown>; stamps: Record<string, string> } | undefined,
  role: Role,
): string | null {
  if (table !== 'news' || current === undefined) return null;
  const stored = NewsStatus.safeParse(current.values.status);
  if (!stored.success) return null;
  const written = Object.entries(changes).filter(([field, change]) => NEWS_CONTENT_FIELDS.includes(field) && current.stamps[field] !== change.stamp);
  if (written.length === 0 || canEditContent(role, stored.data)) return null;
  const to = NewsStatus.safeParse(changes.status?.value);
  if (to.success && canEditContent(role, to.data)) return null;
  return contentLockedMessage(stored.data);
}

/** Why a role may not write this field of a news item in this status (a content field), or null. */
export function newsFieldLockedReason(table: string, field: string, status: unknown, role: Role): string | null {
  if (table !== 'news' || !NEWS_CONTENT_FIELDS.includes(field)) return null;
  const stored = NewsStatus.safeParse(status);
  return stored.success && !canEditContent(role, stored.data) ? contentLockedMessage(stored.data) : null;
}

function contentLockedMessage(status: NewsStatus): string {
  return status === 'published' || status === 'archived'
    ? 'ข่าวที่เผยแพร่หรือเก็บถาวรแล้วแก้ไขเนื้อหาไม่ได้ (ผู้ตรวจและอนุมัติต้องนำกลับมาเป็นร่างก่อน)'
    : 'บทบาทของคุณแก้ไขเนื้อหาข่าวในสถานะนี้ไม่ได้ (ข่าวที่ส่งตรวจแล้ว ผู้ตรวจและอนุมัติเท่านั้นที่แก้ได้)';
}
