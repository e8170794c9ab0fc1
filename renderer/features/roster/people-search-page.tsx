import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useRef, useState } from 'react';
import { maskedNationalId } from '../../../shared/roster/personal-data-redaction';
import { formatPhone } from '../../../shared/thai/phone-number';
import { useNavigation } from '../../app/navigation-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { fullName } from './person-row';
import { useRosterData } from './use-roster-data';
import { placeName } from './place-name';

const ROW_HEIGHT = 44;
/** Rows read from IndexedDB per page of the full list: only what is on screen is ever loaded. */
const PAGE = 100;
const SEARCH_LIMIT = 100;

/** Search by name, phone or the last ID digits; with no query, every person in Thai order (virtualised). */
export function PeopleSearchPage() {
  const t = useTranslate();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const { people } = useRosterData();
  // One more than a screenful tells whether to ask for a narrower query.
  const results = useLiveQuery(() => (deferred ? people.search(deferred, SEARCH_LIMIT + 1) : Promise.resolve(null)), [people, deferred]);
  const total = useLiveQuery(() => people.countLive(), [people]);

  return (
    <>
      <label className="roster-search">
        {t('roster.search.label')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('roster.search.placeholder')} autoFocus />
      </label>
      {deferred ? (
        results === undefined ? (
          <p>{t('common.loading')}</p>
        ) : results === null || results.length === 0 ? (
          <p className="empty-state" role="status">
            {t('roster.search.none', { query: deferred })}
          </p>
        ) : (
          <>
            <p className="muted" role="status" data-testid="search-count">
              {results.length > SEARCH_LIMIT ? t('roster.search.more', { count: SEARCH_LIMIT }) : t('roster.search.count', { count: results.length })}
            </p>
            <VirtualPeople count={Math.min(results.length, SEARCH_LIMIT)} rowAt={(i) => results[i]} />
          </>
        )
      ) : total === undefined ? (
        <p>{t('common.loading')}</p>
      ) : total === 0 ? (
        <p className="empty-state">{t('roster.people.empty')}</p>
      ) : (
        <>
          <p className="muted" data-testid="people-total">
            {t('roster.people.total', { count: total })}
          </p>
          <PagedPeople total={total} />
        </>
      )}
    </>
  );
}

/** The full list: pages are read on demand as they scroll into view. */
function PagedPeople({ total }: { total: number }) {
  const { people } = useRosterData();
  const [pages, setPages] = useState(() => new Map<number, LocalRecord<'members'>[]>());
  const loading = useRef(new Set<number>());
  const load = (page: number) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    void people.page(page * PAGE, PAGE).then((rows) => setPages((m) => new Map(m).set(page, rows)));
  };
  return (
    <VirtualPeople
      count={total}
      rowAt={(i) => {
        const page = Math.floor(i / PAGE);
        const rows = pages.get(page);
        if (!rows) load(page);
        return rows?.[i % PAGE];
      }}
    />
  );
}

function VirtualPeople({ count, rowAt }: { count: number; rowAt(index: number): LocalRecord<'members'> | undefined }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const navigate = useNavigation((s) => s.navigate);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div ref={scroller} className="roster-virtual" role="list" aria-label={t('roster.people.list')} data-testid="people-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = rowAt(item.index);
          return (
            <div key={item.key} role="listitem" className="roster-virtual-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              {p ? (
                <>
                  <a href={`#/roster/person/${p.id}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'person', p.id))}>
                    {fullName(p)}
                  </a>
                  <span>{p.role}</span>
                  <span className="muted">{placeName(geography, p.tambonCode)}</span>
                  <span className="nowrap">{p.phone ? formatPhone(p.phone) : ''}</span>
                  <span className="nowrap mono">{p.nationalId ? maskedNationalId(p.nationalId) : ''}</span>
                </>
              ) : (
                <span className="muted">…</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
