import { z } from 'zod';
import { DisplayName, IsoDateTime, RecordId, UserRef, scopeShape } from './common';
import { NewsStatus } from './news';

export const NEWS_ACTIONS = ['submit', 'approve', 'send_back', 'publish', 'archive', 'reopen'] as const;
export type NewsAction = (typeof NEWS_ACTIONS)[number];

/** One step of a news item's workflow: who moved it, when, from where to where, and why. Append-only. */
export const NewsTransition = z.object({
  ...scopeShape,
  newsId: RecordId,
  action: z.enum(NEWS_ACTIONS),
  from: NewsStatus,
  to: NewsStatus,
  comment: z.string().max(2000),
  actorId: UserRef,
  actorName: DisplayName,
  actorRole: z.enum(['officer', 'editor', 'coordinator', 'admin']),
  at: IsoDateTime,
});
export type NewsTransition = z.infer<typeof NewsTransition>;
