import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import type { MessageKey } from '../../app/i18n/translate';
import { hashOf } from '../../app/navigation-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { NewsFilters as RepositoryFilters } from '../../db/repositories/news-search';
import { LoadSampleButton } from '../sample-data/load-sample-button';
import { datelineDate } from '../../../shared/news/news-article';
import { parseTypedDate } from './iso-date';
import { NewsCreateForm } from './news-create-form';
import { NewsFilters } from './news-filters';
import { useNewsList, type NewsListFilters } from './news-list-store';

function toRepositoryFilters(f: NewsListFilters): RepositoryFilters {
  const from = parseTypedDate(f.fromText);
  const to = parseTypedDate(f.toText);
  return {
    query: f.query,
    statuses: f.status ? [f.status] : undefined,
    categories: f.category ? [f.category] : undefined,
    authorIds: f.authorId ? [f.authorId] : undefined,
    datelineFrom: from ?? null,
    datelineTo: to ?? null,
    sort: f.sort,
  };
}

/** The news list: search, filters and a virtualised list that stays fast at 10,000 items. */
export function NewsList() {
  const t = useTranslate();
  const data = useDeskData();
  const filters = useNewsList((s) => s.filters);
  const ids = useLiveQuery(() => data.news.searchIds(toRepositoryFilters(filters)), [data, filters]);
  const total = useLiveQuery(() => data.db.news.count(), [data]);

  return (
    <section aria-labelledby="news-title" className="news-list-page">
      <h1 id="news-title">{t('news.title')}</h1>
      <NewsCreateForm />
      {total === 0 ? (
        <div className="empty-state">
          <p>{t('news.empty')}</p>
          <LoadSampleButton />
        </div>
      ) : (
        <>
          <NewsFilters />
          {ids === undefined ? (
            <p>{t('common.loading')}</p>
          ) : (
            <>
              <p className="muted" role="status" data-testid="news-result-count">
                {t('news.results', { count: ids.length })}
              </p>
              {ids.length === 0 ? <p className="empty-state">{t('news.noResults')}</p> : <VirtualNewsList ids={ids} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function VirtualNewsList({ ids }: { ids: string[] }) {
  const t = useTranslate();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => parentRef.current, estimateSize: () => 132, overscan: 6, getItemKey: (i) => ids[i]! });
  return (
    <div ref={parentRef} className="news-virtual-scroll" tabIndex={-1}>
      <ul className="card-list news-virtual-list" aria-label={t('news.title')} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li key={row.key} ref={virtualizer.measureElement} data-index={row.index} className="news-virtual-row" style={{ transform: `translateY(${row.start}px)` }} aria-setsize={ids.length} aria-posinset={row.index + 1}>
            <NewsRow id={ids[row.index]!} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function NewsRow({ id }: { id: string }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const item = useLiveQuery(() => data.news.get(id), [data, id]);
  if (!item) return <div className="card news-row-placeholder" aria-hidden="true" />;
  return (
    <article className="card news-card">
      <div className="card-meta">
        <span className={`badge status-${item.status}`}>{t(`news.status.${item.status}` as MessageKey)}</span>
        <span className="badge">{item.category}</span>
        {item.dateline && <span>{t('news.dateline', { date: dates.shortDate(datelineDate(item.dateline)) })}</span>}
      </div>
      <h2 className="card-title">
        <a href={hashOf('news', ['edit', item.id])}>{item.title}</a>
      </h2>
      {item.lead && <p className="card-lead">{item.lead}</p>}
      <p className="card-foot">
        {item.authorName} · {t('news.updated', { date: `${dates.shortDate(new Date(item.updatedAt))} ${dates.time(new Date(item.updatedAt))}` })}
      </p>
    </article>
  );
}
