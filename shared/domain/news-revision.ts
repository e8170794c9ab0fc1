import { z } from 'zod';
import { DisplayName, IsoDate, IsoDateTime, RecordId, UserRef, scopeShape } from './common';
import { NewsItem } from './news';

export const NEWS_REVISION_REASONS = ['submit', 'manual', 'restore'] as const;

/**
 * A snapshot of a news item's words, kept at each submit, on demand and before a restore.
 * Append-only records (not an array inside the item), so revisions made on two offline devices
 * both survive the sync.
 */
export const NewsRevision = z.object({
  ...scopeShape,
  newsId: RecordId,
  reason: z.enum(NEWS_REVISION_REASONS),
  title: NewsItem.shape.title,
  lead: NewsItem.shape.lead,
  bodyHtml: NewsItem.shape.bodyHtml,
  category: NewsItem.shape.category,
  tags: NewsItem.shape.tags,
  dateline: IsoDate.nullable(),
  authorId: UserRef,
  authorName: DisplayName,
  note: z.string().max(500),
  createdAt: IsoDateTime,
});
export type NewsRevision = z.infer<typeof NewsRevision>;
