import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_NEWS_CATEGORIES, NEWS_STATUSES } from '../../../shared/domain/news';
import { useDeskData } from '../../app/desk-data-context';
import type { MessageKey } from '../../app/i18n/translate';
import { useTranslate } from '../../app/use-translate';
import type { NewsSort } from '../../db/repositories/news-search';
import { parseTypedDate } from './iso-date';
import { useNewsList } from './news-list-store';

const SORTS: NewsSort[] = ['updated_desc', 'dateline_desc', 'dateline_asc'];

export function useNewsCategories(): string[] {
  const data = useDeskData();
  const used = useLiveQuery(() => data.db.news.orderBy('category').uniqueKeys(), [data]);
  // The office website's categories first, then any an office has added.
  return [...new Set([...DEFAULT_NEWS_CATEGORIES, ...((used as string[] | undefined) ?? [])])];
}

export function NewsFilters() {
  const t = useTranslate();
  const data = useDeskData();
  const { filters, setFilter, clear } = useNewsList();
  const categories = useNewsCategories();
  const authors = useLiveQuery(() => data.news.authors(), [data]) ?? [];
  const badFrom = parseTypedDate(filters.fromText) === undefined;
  const badTo = parseTypedDate(filters.toText) === undefined;

  return (
    <div className="news-filters" role="search">
      <div className="news-search">
        <label htmlFor="news-search">{t('news.search.label')}</label>
        <input id="news-search" type="search" value={filters.query} placeholder={t('news.search.placeholder')} onChange={(e) => setFilter('query', e.target.value)} />
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-status">{t('news.filter.status')}</label>
        <select id="news-filter-status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as typeof filters.status)}>
          <option value="">{t('news.filter.all')}</option>
          {NEWS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`news.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-category">{t('news.filter.category')}</label>
        <select id="news-filter-category" value={filters.category} onChange={(e) => setFilter('category', e.target.value)}>
          <option value="">{t('news.filter.all')}</option>
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-author">{t('news.filter.author')}</label>
        <select id="news-filter-author" value={filters.authorId} onChange={(e) => setFilter('authorId', e.target.value)}>
          <option value="">{t('news.filter.all')}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-from">{t('news.filter.from')}</label>
        <input id="news-filter-from" className="news-date-input" value={filters.fromText} placeholder={t('news.filter.datePlaceholder')} aria-invalid={badFrom || undefined} onChange={(e) => setFilter('fromText', e.target.value)} />
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-to">{t('news.filter.to')}</label>
        <input id="news-filter-to" className="news-date-input" value={filters.toText} placeholder={t('news.filter.datePlaceholder')} aria-invalid={badTo || undefined} onChange={(e) => setFilter('toText', e.target.value)} />
      </div>
      <div className="news-filter">
        <label htmlFor="news-filter-sort">{t('news.sort.label')}</label>
        <select id="news-filter-sort" value={filters.sort} onChange={(e) => setFilter('sort', e.target.value as NewsSort)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`news.sort.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button secondary" onClick={clear}>
        {t('news.filter.clear')}
      </button>
      {(badFrom || badTo) && (
        <p className="message error" role="alert">
          {t('news.filter.badDate', { text: badFrom ? filters.fromText : filters.toText })}
        </p>
      )}
    </div>
  );
}
