import { DEFAULT_NEWS_CATEGORIES, type NewsItem } from '../../../shared/domain/news';
import { uuidv7 } from '../../../shared/ids/uuid-v7';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter, WriteOptions } from '../record-writer';
import type { Author, WorkScope } from './author';

export type NewsDraftInput = Pick<NewsItem, 'title'> & Partial<Pick<NewsItem, 'lead' | 'bodyHtml' | 'category' | 'tags' | 'eventId' | 'dateline'>>;
export type NewsPatch = Partial<Omit<NewsItem, 'id' | 'provinceCode' | 'districtCode' | 'createdAt'>>;

export class NewsRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  async createDraft(input: NewsDraftInput, author: Author, scope: WorkScope, now = new Date()): Promise<LocalRecord<'news'>> {
    const at = now.toISOString();
    return this.writer.create('news', {
      id: uuidv7(now.getTime()),
      provinceCode: scope.provinceCode,
      districtCode: scope.districtCode,
      deleted: false,
      title: input.title,
      lead: input.lead ?? '',
      bodyHtml: input.bodyHtml ?? '',
      category: input.category ?? DEFAULT_NEWS_CATEGORIES[0],
      tags: input.tags ?? [],
      status: 'draft',
      eventId: input.eventId ?? null,
      dateline: input.dateline ?? null,
      authorId: author.userId,
      authorName: author.displayName,
      coverAttachmentId: null,
      photos: [],
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
    });
  }

  update(id: string, patch: NewsPatch, options?: WriteOptions): Promise<LocalRecord<'news'>> {
    return this.writer.update('news', id, patch, options);
  }

  remove(id: string): Promise<void> {
    return this.writer.remove('news', id);
  }

  get(id: string): Promise<LocalRecord<'news'> | undefined> {
    return this.db.news.get(id);
  }

  /** Live news, newest change first. */
  async listRecent(limit = 200): Promise<LocalRecord<'news'>[]> {
    const rows = await this.db.news.orderBy('updatedAt').reverse().filter((n) => !n.deleted).limit(limit).toArray();
    return rows;
  }
}
