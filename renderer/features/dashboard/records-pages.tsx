// The records behind a figure of the overview: #/dashboard/activities/<fy>/<month|all>/<type|all>,
// #/dashboard/reach/<fy>/<group>, #/dashboard/news/<fy>/<month|all>[/<category>]. Each row opens the
// record itself (the activity on the calendar, the news item in the editor).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { participantTotal } from '../../../shared/domain/calendar-event';
import { startOfDay } from '../../../shared/calendar/calendar-dates';
import { fiscalYearRange, formatMonthKey, monthStart, type DateRange } from '../../../shared/thai/fiscal-year';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useNavigation } from '../../app/navigation-store';
import { useThaiAmphoes } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { FACT, splitFactKey } from '../../db/overview/overview-facts';
import type { CalendarOccurrence } from '../../db/repositories/event-repository';
import { useCalendarView } from '../calendar/calendar-view-store';
import { ScopeLine } from './scope-line';
import { BackToOverview } from './back-to-overview';
import { useOverviewRepository, useOverviewScope } from './use-overview';

function rangeOf(fiscalYear: number, month: string): DateRange {
  if (month === 'all' || !/^\d{4}-\d{2}$/.test(month)) return fiscalYearRange(fiscalYear);
  const from = monthStart(month);
  return { from, to: new Date(from.getFullYear(), from.getMonth() + 1, 1) };
}

function RecordsFrame({ title, count, children }: { title: string; count: number | undefined; children: ReactNode }) {
  const t = useTranslate();
  return (
    <section aria-labelledby="records-title" className="overview">
      <BackToOverview />
      <h1 id="records-title">{title}</h1>
      <ScopeLine />
      {count === undefined ? <p>{t('common.loading')}</p> : count === 0 ? <p className="empty-state">{t('overview.records.none')}</p> : children}
    </section>
  );
}

function ActivityTable({ occurrences }: { occurrences: readonly CalendarOccurrence[] }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const setDate = useCalendarView((s) => s.setDate);
  const setOccurrenceStart = useCalendarView((s) => s.setOccurrenceStart);
  const places = useThaiAmphoes();
  const { range, shortDate } = useDateFormat();
  return (
    <table className="overview-table records" data-testid="records-table">
      <thead>
        <tr>
          <th scope="col">{t('overview.col.date')}</th>
          <th scope="col">{t('overview.col.activity')}</th>
          <th scope="col">{t('overview.col.type')}</th>
          <th scope="col">{t('overview.col.place')}</th>
          <th scope="col">{t('overview.col.expected')}</th>
          <th scope="col">{t('overview.col.actual')}</th>
        </tr>
      </thead>
      <tbody>
        {occurrences.map((o) => {
          const district = o.event.districtCode ?? o.event.placeTambonCode?.slice(0, 4) ?? null;
          return (
            <tr key={`${o.event.id}|${o.start.getTime()}`}>
              <td>{o.end > o.start ? range(o.start, o.end) : shortDate(o.start)}</td>
              <th scope="row">
                <a
                  href={`#/calendar/event/${o.event.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setDate(startOfDay(o.start));
                    setOccurrenceStart(o.recurring ? o.originalStart : null);
                    navigate('calendar', 'event', o.event.id);
                  }}
                >
                  {o.event.title}
                </a>
              </th>
              <td>
                <span className={`badge activity-${o.event.type}`}>{t(`calendar.type.${o.event.type}` as MessageKey)}</span>
              </td>
              <td>
                {o.event.place}
                {district && places?.amphoe(district) && <span className="muted"> ({t('overview.amphoe', { name: places.amphoe(district)!.nameTh })})</span>}
              </td>
              <td>{participantTotal(o.event.expected).toLocaleString('th-TH')}</td>
              <td>{participantTotal(o.event.actual).toLocaleString('th-TH')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ActivityRecordsPage({ fiscalYear, month, type }: { fiscalYear: number; month: string; type: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const range = rangeOf(fiscalYear, month);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const occurrences = useLiveQuery(() => overview.activitiesIn(data.events, scope, { from: new Date(from), to: new Date(to) }, type === 'all' ? undefined : type), [overview, data.events, scope, from, to, type]);
  const when = month === 'all' ? t('overview.fiscalYear', { year: String(fiscalYear) }) : formatMonthKey(month);
  const what = type === 'all' ? t('overview.records.activities') : t(`calendar.type.${type}` as MessageKey);
  return (
    <RecordsFrame title={t('overview.records.title', { what, when })} count={occurrences?.length}>
      <ActivityTable occurrences={occurrences ?? []} />
    </RecordsFrame>
  );
}

export function ReachRecordsPage({ fiscalYear, group }: { fiscalYear: number; group: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const occurrences = useLiveQuery(async () => {
    const range = fiscalYearRange(fiscalYear);
    const checkedIn = new Set<string>();
    for (const row of await overview.totals('attendance', { provinceCode: scope.provinceCode, districtCode: null })) {
      for (const key of Object.keys(row.counts)) {
        const [kind, eventId = '', , name = ''] = splitFactKey(key);
        if (kind === FACT.checkIn && name === group) checkedIn.add(eventId);
      }
    }
    const all = await overview.activitiesIn(data.events, scope, range);
    return all.filter((o) => checkedIn.has(o.event.id) || [...o.event.expected, ...o.event.actual].some((g) => g.group.trim() === group));
  }, [overview, data.events, scope, fiscalYear, group]);
  return (
    <RecordsFrame title={t('overview.records.reachTitle', { group: group || t('overview.noGroup'), year: String(fiscalYear) })} count={occurrences?.length}>
      <ActivityTable occurrences={occurrences ?? []} />
    </RecordsFrame>
  );
}

export function NewsRecordsPage({ fiscalYear, month, category }: { fiscalYear: number; month: string; category: string | undefined }) {
  const t = useTranslate();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const navigate = useNavigation((s) => s.navigate);
  const { shortDate } = useDateFormat();
  const range = rangeOf(fiscalYear, month);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const items = useLiveQuery(() => overview.newsPublishedIn(scope, { from: new Date(from), to: new Date(to) }, category), [overview, scope, from, to, category]);
  const when = month === 'all' ? t('overview.fiscalYear', { year: String(fiscalYear) }) : formatMonthKey(month);
  return (
    <RecordsFrame title={t('overview.records.newsTitle', { when, category: category ?? t('overview.records.allCategories') })} count={items?.length}>
      <table className="overview-table records" data-testid="records-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.col.published')}</th>
            <th scope="col">{t('overview.col.headline')}</th>
            <th scope="col">{t('overview.col.category')}</th>
          </tr>
        </thead>
        <tbody>
          {(items ?? []).map((n) => (
            <tr key={n.id}>
              <td>{n.publishedAt ? shortDate(new Date(n.publishedAt)) : ''}</td>
              <th scope="row">
                <a href={`#/news/preview/${n.id}`} onClick={(e) => (e.preventDefault(), navigate('news', 'preview', n.id))}>
                  {n.title}
                </a>
              </th>
              <td>{n.category}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </RecordsFrame>
  );
}
