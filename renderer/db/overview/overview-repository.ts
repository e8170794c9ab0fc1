// The overview's reads. Figures come from db.overviewTotals (a few small rows); the records behind a
// figure are read only when the user follows it, through indexes, never by scanning a table.
import { BOOKKEEPING_FIELDS } from '../../../shared/domain/common';
import { NEWS_STATUSES, type NewsStatus } from '../../../shared/domain/news';
import { fiscalYearOf, fiscalYearOfMonthKey, fiscalYearRange, monthKeysOf, type DateRange } from '../../../shared/thai/fiscal-year';
import { LAST_SYNC_KEY, REJECTED_KEY, type RejectedChange, type SyncedConflictRow } from '../../sync/sync-records';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { CalendarOccurrence, EventRepository } from '../repositories/event-repository';
import { activitySummary, monthsWithData, seriesIdsOf, type ActivitySummary } from './activity-summary';
import { ARRIVALS_KEPT_DAYS, type ArrivalRow } from './arrivals';
import { coverageFromTotals, type AmphoeCoverage } from './coverage';
import { eventDistrictOf, FACT, factKey, partitionKey, splitFactKey, type TotalsRow, type TrackedTable } from './overview-facts';

/** Whose figures: a province, or one amphoe of it (an officer's district, or the amphoe filter). */
export interface OverviewScope {
  provinceCode: string;
  districtCode: string | null;
}

export interface NewsSummary {
  months: string[];
  /** month → category → items published. */
  byMonth: Record<string, Record<string, number>>;
  categories: string[];
  total: number;
  byStatus: Record<NewsStatus, number>;
}

export interface OverviewFigures {
  /** The fiscal year shown: the one asked for, else the current one, else (when it has nothing) the latest with data. */
  fiscalYear: number;
  /** Fiscal years with activities or published news, newest first. */
  years: number[];
  coverage: Map<string, AmphoeCoverage>;
  activities: ActivitySummary;
  news: NewsSummary;
}

/** syncState key of the arrivals a user has seen (per user: a shared office PC has several). */
const SEEN_KEY = 'overviewSeen';

export interface SeenMark {
  seq: number;
  at: string;
}

export function inScope(scope: OverviewScope, provinceCode: string, districtCode: string | null): boolean {
  return provinceCode === scope.provinceCode && (scope.districtCode === null || districtCode === scope.districtCode);
}

export class OverviewRepository {
  constructor(private readonly db: DeskDatabase) {}

  /** The totals rows of a table in scope (the whole province: every amphoe's row and the province-wide one). */
  async totals(table: TrackedTable, scope: OverviewScope): Promise<TotalsRow[]> {
    if (scope.districtCode !== null) {
      const row = await this.db.overviewTotals.get(partitionKey(table, scope.provinceCode, scope.districtCode));
      return row ? [row] : [];
    }
    return this.db.overviewTotals.where('key').startsWith(factKey(table, scope.provinceCode, '')).toArray();
  }

  /**
   * Everything the overview's figures show, from one read of the totals in scope (one transaction: one
   * consistent moment, and the fewest round trips before the first paint).
   */
  async figures(scope: OverviewScope, chosenFiscalYear: number | null, today = new Date()): Promise<OverviewFigures> {
    return this.db.transaction('r', [this.db.overviewTotals, this.db.events], async () => {
      const [members, centres, events, news, attendance] = await Promise.all([
        this.totals('members', scope),
        this.totals('centres', scope),
        this.totals('events', scope),
        this.totals('news', scope),
        this.totals('attendance', { provinceCode: scope.provinceCode, districtCode: null }),
      ]);
      const years = [...new Set([...monthsWithData([...events, ...news])].map(fiscalYearOfMonthKey))].sort((a, b) => b - a);
      const current = fiscalYearOf(today);
      const fiscalYear = chosenFiscalYear ?? (years.length > 0 && !years.includes(current) ? years[0]! : current);
      const range = fiscalYearRange(fiscalYear);
      const series = (await this.db.events.bulkGet(seriesIdsOf(events))).filter((e): e is LocalRecord<'events'> => e !== undefined && !e.deleted);
      return {
        fiscalYear,
        years,
        coverage: coverageFromTotals([...members, ...centres], today),
        activities: activitySummary(range, events, series, attendance),
        news: newsSummary(news, monthKeysOf(range)),
      };
    });
  }

  async coverage(scope: OverviewScope, today = new Date()): Promise<Map<string, AmphoeCoverage>> {
    const [members, centres] = await Promise.all([this.totals('members', scope), this.totals('centres', scope)]);
    return coverageFromTotals([...members, ...centres], today);
  }

  async activities(scope: OverviewScope, range: DateRange): Promise<ActivitySummary> {
    const [eventRows, attendanceRows] = await Promise.all([this.totals('events', scope), this.totals('attendance', { provinceCode: scope.provinceCode, districtCode: null })]);
    const series = (await this.db.events.bulkGet(seriesIdsOf(eventRows))).filter((e): e is LocalRecord<'events'> => e !== undefined && !e.deleted);
    return activitySummary(range, eventRows, series, attendanceRows);
  }

  async news(scope: OverviewScope, months: readonly string[]): Promise<NewsSummary> {
    return newsSummary(await this.totals('news', scope), months);
  }

  // ---------------------------------------------------------------- the records behind a figure

  /** Occurrences starting in [from, to) in scope, optionally of one type (activities per month). */
  async activitiesIn(events: EventRepository, scope: OverviewScope, range: DateRange, type?: string): Promise<CalendarOccurrence[]> {
    const all = await events.occurrencesBetween(range.from, range.to);
    return all.filter((o) => o.start >= range.from && (!type || o.event.type === type) && inScope(scope, o.event.provinceCode, eventDistrictOf(o.event)));
  }

  /** News published in [from, to) in scope (published, or published then archived), newest first. */
  async newsPublishedIn(scope: OverviewScope, range: DateRange, category?: string): Promise<LocalRecord<'news'>[]> {
    const rows = await this.db.news.where('publishedAt').between(range.from.toISOString(), range.to.toISOString(), true, false).toArray();
    return rows
      .filter((n) => !n.deleted && (n.status === 'published' || n.status === 'archived') && (category === undefined || n.category === category) && inScope(scope, n.provinceCode, n.districtCode))
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  }

  /** News in a workflow state, in scope (the review queue), newest change first. */
  async newsWithStatus(scope: OverviewScope, status: NewsStatus): Promise<LocalRecord<'news'>[]> {
    const rows = await this.db.news.where('status').equals(status).toArray();
    return rows.filter((n) => !n.deleted && inScope(scope, n.provinceCode, n.districtCode)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** News written about an activity (a report of it), through the eventId index. */
  async reportsOf(eventId: string): Promise<number> {
    return this.db.news.where('eventId').equals(eventId).filter((n) => !n.deleted).count();
  }

  /** People checked in at an activity. */
  async checkInsOf(eventId: string): Promise<number> {
    return this.db.attendance.where('eventId').equals(eventId).filter((a) => !a.deleted).count();
  }

  // ---------------------------------------------------------------- work waiting, sync

  /** The author's drafts whose last step was "sent back", with the reviewer's comment. */
  async draftsSentBack(authorId: string): Promise<{ news: LocalRecord<'news'>; comment: string; by: string; at: string }[]> {
    const drafts = (await this.db.news.where('authorId').equals(authorId).toArray()).filter((n) => !n.deleted && n.status === 'draft');
    const out: { news: LocalRecord<'news'>; comment: string; by: string; at: string }[] = [];
    for (const news of drafts) {
      const steps = (await this.db.recordTable('newsTransitions').where('newsId').equals(news.id).toArray()).filter((s) => !s.deleted);
      const last = steps.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).at(-1);
      if (last?.action === 'send_back') out.push({ news, comment: last.comment, by: last.actorName, at: last.at });
    }
    return out.sort((a, b) => b.at.localeCompare(a.at));
  }

  async openConflicts(scope: OverviewScope): Promise<SyncedConflictRow[]> {
    const rows = (await this.db.conflicts.toArray()) as SyncedConflictRow[];
    // As the conflicts page counts them: an overwritten bookkeeping field (updatedAt) is nobody's work.
    return rows.filter((c) => c.resolvedAt === null && !BOOKKEEPING_FIELDS.includes(c.field) && (c.provinceCode === undefined || inScope(scope, c.provinceCode, c.districtCode)));
  }

  async rejectedChanges(): Promise<RejectedChange[]> {
    const row = await this.db.syncState.get(REJECTED_KEY);
    return Array.isArray(row?.value) ? (row.value as RejectedChange[]) : [];
  }

  /** Photos and documents stored here whose bytes the server does not have yet. */
  photosNotSent(): Promise<number> {
    return this.db.blobs.filter((b) => !b.uploaded).count();
  }

  pendingChanges(): Promise<number> {
    return this.db.outbox.count();
  }

  async lastSyncAt(): Promise<string | null> {
    const value = (await this.db.syncState.get(LAST_SYNC_KEY))?.value;
    return typeof value === 'string' ? value : null;
  }

  // ---------------------------------------------------------------- since you were last here

  async seenMark(userId: string): Promise<SeenMark | null> {
    const value = (await this.db.syncState.get(`${SEEN_KEY}:${userId}`))?.value as Partial<SeenMark> | undefined;
    return value && typeof value.seq === 'number' && typeof value.at === 'string' ? { seq: value.seq, at: value.at } : null;
  }

  /** What arrived after a mark (all that is kept without one), in scope, oldest first. */
  async arrivalsAfter(scope: OverviewScope, seq: number): Promise<ArrivalRow[]> {
    const rows = await this.db.arrivals.where(':id').above(seq).toArray();
    return rows.filter((r) => inScope(scope, r.provinceCode, r.districtCode));
  }

  /** Remembers that the user has seen everything up to now, and forgets arrivals older than the kept window. */
  async markSeen(userId: string, now = new Date()): Promise<SeenMark> {
    return this.db.transaction('rw', [this.db.syncState, this.db.arrivals], async () => {
      const last = await this.db.arrivals.orderBy(':id').last();
      const mark = { seq: last?.seq ?? 0, at: now.toISOString() };
      await this.db.syncState.put({ key: `${SEEN_KEY}:${userId}`, value: mark });
      const cutoff = new Date(now.getTime() - ARRIVALS_KEPT_DAYS * 86_400_000).toISOString();
      await this.db.arrivals.where('at').below(cutoff).delete();
      return mark;
    });
  }
}

/** News per month of `months` by category, and every live item by workflow state, from the news totals. */
export function newsSummary(rows: readonly TotalsRow[], months: readonly string[]): NewsSummary {
  const wanted = new Set(months);
  const byMonth = Object.fromEntries(months.map((m) => [m, {} as Record<string, number>]));
  const categories = new Set<string>();
  const byStatus = Object.fromEntries(NEWS_STATUSES.map((s) => [s, 0])) as Record<NewsStatus, number>;
  let total = 0;
  for (const row of rows) {
    for (const [key, n] of Object.entries(row.counts)) {
      const [kind, a = '', b = ''] = splitFactKey(key);
      if (kind === FACT.newsStatus && a in byStatus) byStatus[a as NewsStatus] += n;
      if (kind !== FACT.newsPublished || !wanted.has(a)) continue;
      byMonth[a]![b] = (byMonth[a]![b] ?? 0) + n;
      categories.add(b);
      total += n;
    }
  }
  return { months: [...months], byMonth, categories: [...categories].sort(), total, byStatus };
}
