import { z } from 'zod';
import { AttachmentRef, DisplayName, IsoDate, IsoDateTime, RecordId, UserRef, scopeShape } from './common';

export const NEWS_STATUSES = ['draft', 'in_review', 'approved', 'published', 'archived'] as const;
export const NewsStatus = z.enum(NEWS_STATUSES);
export type NewsStatus = z.infer<typeof NewsStatus>;

/** The office website's categories; offices may add their own in settings. */
export const DEFAULT_NEWS_CATEGORIES = [
  'ข่าวประชาสัมพันธ์',
  'ข่าว/กิจกรรม',
  'ข่าวประกวดราคา',
  'ประกาศเกี่ยวกับการเลือกตั้ง',
  'ประกาศผลการเลือกตั้ง',
] as const;

export const NewsPhoto = z.object({
  attachmentId: AttachmentRef,
  caption: z.string().max(500),
});

export const NewsItem = z.object({
  ...scopeShape,
  title: z.string().trim().min(1, 'กรุณาใส่หัวข้อข่าว').max(300, 'หัวข้อข่าวยาวเกิน 300 ตัวอักษร'),
  lead: z.string().max(2000),
  bodyHtml: z.string().max(2_000_000),
  category: z.string().min(1).max(100),
  tags: z.array(z.string().min(1).max(60)).max(30),
  status: NewsStatus,
  eventId: RecordId.nullable(),
  dateline: IsoDate.nullable(),
  authorId: UserRef,
  authorName: DisplayName,
  coverAttachmentId: AttachmentRef.nullable(),
  photos: z.array(NewsPhoto).max(100),
  publishedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type NewsItem = z.infer<typeof NewsItem>;
