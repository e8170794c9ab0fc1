// Who may move a news item where. One table, used by the repository (which refuses a move the
// role may not make) and by the UI (which only offers the moves the role may make).
import type { NewsStatus } from '../domain/news';
import { NEWS_ACTIONS, type NewsAction } from '../domain/news-transition';
import type { Role } from '../sync/protocol';

export { NEWS_ACTIONS, type NewsAction };

interface ActionRule {
  from: readonly NewsStatus[];
  to: NewsStatus;
  roles: readonly Role[];
  commentRequired: boolean;
}

export const NEWS_WORKFLOW: Record<NewsAction, ActionRule> = {
  // The editor writes and submits; the coordinator approves or sends back with a comment, and publishes.
  submit: { from: ['draft'], to: 'in_review', roles: ['officer', 'editor', 'coordinator', 'admin'], commentRequired: false },
  approve: { from: ['in_review'], to: 'approved', roles: ['coordinator', 'admin'], commentRequired: false },
  send_back: { from: ['in_review', 'approved'], to: 'draft', roles: ['coordinator', 'admin'], commentRequired: true },
  publish: { from: ['approved'], to: 'published', roles: ['coordinator', 'admin'], commentRequired: false },
  archive: { from: ['published'], to: 'archived', roles: ['coordinator', 'admin'], commentRequired: false },
  reopen: { from: ['archived'], to: 'draft', roles: ['coordinator', 'admin'], commentRequired: false },
};

/** The moves a role may make from a status, in the order the UI offers them. */
export function allowedActions(role: Role, status: NewsStatus): NewsAction[] {
  return NEWS_ACTIONS.filter((a) => NEWS_WORKFLOW[a].from.includes(status) && NEWS_WORKFLOW[a].roles.includes(role));
}

/**
 * What a reader of the published article sees, and so what canEditContent guards: the words, the photos,
 * the linked activity, the byline, the publication date, and the article's existence. The server refuses
 * a write to any of them the role may not make in the item's current status (issue 18).
 */
export const NEWS_CONTENT_FIELDS: readonly string[] = [
  'title',
  'lead',
  'bodyHtml',
  'category',
  'tags',
  'dateline',
  'eventId',
  'photos',
  'coverAttachmentId',
  'authorId',
  'authorName',
  'publishedAt',
  'deleted',
];

/** Who may change the words: writers while it is a draft, coordinators until it is published. */
export function canEditContent(role: Role, status: NewsStatus): boolean {
  if (status === 'draft') return true;
  if (status === 'in_review' || status === 'approved') return role === 'coordinator' || role === 'admin';
  return false;
}

export type WorkflowCheck = { ok: true; to: NewsStatus } | { ok: false; message: string };

const STATUS_TH: Record<NewsStatus, string> = { draft: 'ร่าง', in_review: 'รอตรวจ', approved: 'อนุมัติแล้ว', published: 'เผยแพร่แล้ว', archived: 'เก็บถาวร' };
const ROLE_TH: Record<Role, string> = { officer: 'เจ้าหน้าที่อำเภอ', editor: 'ผู้เขียนข่าว', coordinator: 'ผู้ตรวจและอนุมัติ', admin: 'ผู้ดูแลระบบ' };

/** Checks one move, with the Thai reason when it is refused. */
export function checkTransition(action: NewsAction, role: Role, status: NewsStatus, comment: string): WorkflowCheck {
  const rule = NEWS_WORKFLOW[action];
  if (!rule.from.includes(status)) return { ok: false, message: `ข่าวสถานะ “${STATUS_TH[status]}” ทำขั้นตอนนี้ไม่ได้` };
  if (!rule.roles.includes(role)) return { ok: false, message: `บทบาท “${ROLE_TH[role]}” ไม่มีสิทธิ์ทำขั้นตอนนี้` };
  if (rule.commentRequired && !comment.trim()) return { ok: false, message: 'กรุณาเขียนความเห็นถึงผู้เขียนเมื่อส่งกลับไปแก้ไข' };
  return { ok: true, to: rule.to };
}
