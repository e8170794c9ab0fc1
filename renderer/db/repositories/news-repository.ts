import { DEFAULT_NEWS_CATEGORIES, type NewsItem } from '../../../shared/domain/news';
import type { NewsRevision } from '../../../shared/domain/news-revision';
import type { NewsTransition } from '../../../shared/domain/news-transition';
import { canEditContent, checkTransition, type NewsAction } from '../../../shared/news/news-workflow';
import type { Role } from '../../../shared/sync/protocol';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import { RecordValidationError } from '../record-validation-error';
import type { RecordWriter, WriteOptions } from '../record-writer';
import type { Author, WorkScope } from './author';
import { searchNewsIds, type NewsFilters } from './news-search';
import { newRecordEnvelope, newRecordIdentity } from './record-envelope';

export type NewsDraftInput = Pick<NewsItem, 'title'> & Partial<Pick<NewsItem, 'lead' | 'bodyHtml' | 'category' | 'tags' | 'eventId' | 'dateline'>>;
export type NewsPatch = Partial<Omit<NewsItem, 'id' | 'provinceCode' | 'districtCode' | 'createdAt'>>;
/** The words of an article: what an editor changes and a revision keeps. */
export type NewsContent = Pick<NewsItem, 'title' | 'lead' | 'bodyHtml' | 'category' | 'tags' | 'dateline'>;
export type NewsContentPatch = Partial<NewsContent & Pick<NewsItem, 'eventId'>>;

/** Who acts, and as what. */
export interface NewsActor {
  author: Author;
  role: Role;
}

/** A refusal the user must read (workflow rules), in Thai. */
export class NewsRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewsRuleError';
  }
}

const CONTENT_FIELDS = ['title', 'lead', 'bodyHtml', 'category', 'tags', 'dateline'] as const;

export class NewsRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  private get revisionsTable() {
    return this.db.recordTable('newsRevisions');
  }

  private get transitionsTable() {
    return this.db.recordTable('newsTransitions');
  }

  async createDraft(input: NewsDraftInput, author: Author, scope: WorkScope, now = new Date()): Promise<LocalRecord<'news'>> {
    return this.writer.create('news', {
      ...newRecordEnvelope(scope.provinceCode, scope.districtCode, now),
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
    });
  }

  update(id: string, patch: NewsPatch, options?: WriteOptions): Promise<LocalRecord<'news'>> {
    return this.writer.update('news', id, patch, options);
  }

  /**
   * The editor's write: only the words, only while the role may change them. Autosave passes
   * coalesce, so a long session is one pending change.
   */
  async editContent(id: string, patch: NewsContentPatch, actor: NewsActor, options?: WriteOptions): Promise<LocalRecord<'news'>> {
    return this.db.transaction('rw', [this.db.news, this.db.outbox, this.db.syncState], async () => {
      const current = await this.requireLive(id);
      if (!canEditContent(actor.role, current.status)) throw new NewsRuleError('ข่าวในสถานะนี้แก้ไขไม่ได้ด้วยบทบาทของคุณ');
      return this.writer.update('news', id, patch, options);
    });
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

  /** Ids of live news matching a Thai query and filters, in the chosen order (keys only). */
  searchIds(filters: NewsFilters): Promise<string[]> {
    return searchNewsIds(this.db, filters);
  }

  /** The authors that have written news here, for the author filter. */
  async authors(): Promise<{ id: string; name: string }[]> {
    const ids = (await this.db.news.orderBy('authorId').uniqueKeys()) as string[];
    const out: { id: string; name: string }[] = [];
    for (const id of ids) {
      const row = await this.db.news.where('authorId').equals(id).first();
      if (row) out.push({ id, name: row.authorName });
    }
    return out;
  }

  /**
   * Moves a news item along the workflow, in one transaction: the new status, the step record
   * (who, when, comment) and, at submit, a revision of what was submitted.
   */
  async transition(id: string, action: NewsAction, actor: NewsActor, comment = '', now = new Date()): Promise<LocalRecord<'news'>> {
    return this.db.transaction('rw', [this.db.news, this.revisionsTable, this.transitionsTable, this.db.outbox, this.db.syncState], async () => {
      const current = await this.requireLive(id);
      const check = checkTransition(action, actor.role, current.status, comment);
      if (!check.ok) throw new NewsRuleError(check.message);
      if (action === 'submit') await this.writeRevision(current, 'submit', actor.author, '', now);
      const patch: NewsPatch = { status: check.to };
      if (action === 'publish') patch.publishedAt = now.toISOString();
      const updated = await this.writer.update('news', id, patch);
      const step: NewsTransition = {
        ...newRecordIdentity(current.provinceCode, current.districtCode, now),
        newsId: id,
        action,
        from: current.status,
        to: check.to,
        comment: comment.trim(),
        actorId: actor.author.userId,
        actorName: actor.author.displayName,
        actorRole: actor.role,
        at: now.toISOString(),
      };
      await this.writer.create('newsTransitions', step);
      return updated;
    });
  }

  /** The workflow history, oldest first. */
  async transitions(newsId: string): Promise<LocalRecord<'newsTransitions'>[]> {
    const rows = await this.transitionsTable.where('newsId').equals(newsId).filter((t) => !t.deleted).toArray();
    return rows.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  /** Keeps a revision now ("บันทึกฉบับนี้ไว้"). */
  async saveRevision(newsId: string, author: Author, note = '', now = new Date()): Promise<LocalRecord<'newsRevisions'>> {
    return this.db.transaction('rw', [this.db.news, this.revisionsTable, this.db.outbox, this.db.syncState], async () => {
      return this.writeRevision(await this.requireLive(newsId), 'manual', author, note, now);
    });
  }

  /** Revisions, oldest first. */
  async revisions(newsId: string): Promise<LocalRecord<'newsRevisions'>[]> {
    const rows = await this.revisionsTable.where('newsId').equals(newsId).filter((r) => !r.deleted).toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /**
   * Puts a revision's words back. What was there is kept first as a revision of its own, so a
   * restore is itself undone by restoring that one.
   */
  async restoreRevision(revisionId: string, actor: NewsActor, now = new Date()): Promise<LocalRecord<'news'>> {
    return this.db.transaction('rw', [this.db.news, this.revisionsTable, this.db.outbox, this.db.syncState], async () => {
      const revision = await this.revisionsTable.get(revisionId);
      if (!revision || revision.deleted) throw new NewsRuleError('ไม่พบฉบับที่ต้องการกู้คืน');
      const current = await this.requireLive(revision.newsId);
      if (!canEditContent(actor.role, current.status)) throw new NewsRuleError('ข่าวในสถานะนี้แก้ไขไม่ได้ด้วยบทบาทของคุณ');
      await this.writeRevision(current, 'restore', actor.author, '', now);
      const patch: NewsContentPatch = {};
      for (const field of CONTENT_FIELDS) (patch as Record<string, unknown>)[field] = revision[field];
      return this.writer.update('news', current.id, patch);
    });
  }

  private async writeRevision(item: LocalRecord<'news'>, reason: NewsRevision['reason'], author: Author, note: string, now: Date): Promise<LocalRecord<'newsRevisions'>> {
    const revision: NewsRevision = {
      ...newRecordIdentity(item.provinceCode, item.districtCode, now),
      newsId: item.id,
      reason,
      title: item.title,
      lead: item.lead,
      bodyHtml: item.bodyHtml,
      category: item.category,
      tags: item.tags,
      dateline: item.dateline,
      authorId: author.userId,
      authorName: author.displayName,
      note: note.trim(),
      createdAt: now.toISOString(),
    };
    return this.writer.create('newsRevisions', revision);
  }

  private async requireLive(id: string): Promise<LocalRecord<'news'>> {
    const item = await this.db.news.get(id);
    if (!item || item.deleted) throw new RecordValidationError('news', [{ path: 'id', message: 'ไม่พบข่าวนี้ในเครื่อง อาจถูกลบไปแล้ว' }]);
    return item;
  }
}
