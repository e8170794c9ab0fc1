import type { Role } from '../../shared/sync/protocol';
import { NEWS_ACTIONS, NEWS_WORKFLOW } from '../../shared/news/news-workflow';

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
