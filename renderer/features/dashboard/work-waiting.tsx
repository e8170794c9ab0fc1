import { useLiveQuery } from 'dexie-react-hooks';
import { startOfDay, addDays } from '../../../shared/calendar/calendar-dates';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { markStart } from '../../app/start-marks';
import { useCalendarView } from '../calendar/calendar-view-store';
import { useNewsList } from '../news/news-list-store';
import { useOverviewRepository, useOverviewScope } from './use-overview';

/** Sunday of this week (Thai calendars start the week on Sunday). */
function weekStart(now: Date): Date {
  const day = startOfDay(now);
  return addDays(day, -day.getDay());
}

/** งานที่รอคุณ: what is waiting for this user, by role, each item a link to where it is done. */
export function WorkWaiting() {
  const t = useTranslate();
  const data = useDeskData();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const role = useSession((s) => s.role);
  const userId = useSession((s) => s.author.userId);
  const navigate = useNavigation((s) => s.navigate);
  const setNewsFilter = useNewsList((s) => s.setFilter);
  const setCalendarDate = useCalendarView((s) => s.setDate);
  const { shortDate } = useDateFormat();
  const reviews = role === 'coordinator' || role === 'admin';

  const work = useLiveQuery(async () => {
    const now = new Date();
    const [inReview, sentBack, conflicts, refused, photos, thisWeek] = await Promise.all([
      reviews ? overview.news(scope, []).then((n) => n.byStatus.in_review) : Promise.resolve(0),
      overview.draftsSentBack(userId),
      reviews ? overview.openConflicts(scope).then((c) => c.length) : Promise.resolve(0),
      overview.rejectedChanges().then((r) => r.length),
      overview.photosNotSent(),
      overview.activitiesIn(data.events, scope, { from: weekStart(now), to: now }),
    ]);
    const missing = [];
    for (const o of thisWeek) {
      const [reports, checkIns] = await Promise.all([overview.reportsOf(o.event.id), overview.checkInsOf(o.event.id)]);
      const counted = o.event.actual.some((g) => g.count > 0);
      if (reports === 0 || (checkIns === 0 && !counted)) missing.push({ occurrence: o, report: reports === 0, attendance: checkIns === 0 && !counted });
    }
    return { inReview, sentBack, conflicts, refused, photos, missing };
  }, [overview, data.events, scope, userId, reviews]);
  if (work !== undefined) markStart('work-waiting-read');

  if (!work) return <p className="muted">{t('common.loading')}</p>;
  const nothing = work.inReview + work.sentBack.length + work.conflicts + work.refused + work.photos + work.missing.length === 0;
  if (nothing) return <p data-testid="work-waiting">{t('overview.work.nothing')}</p>;
  return (
    <ul className="overview-lines" data-testid="work-waiting">
      {work.inReview > 0 && (
        <li>
          <a
            href="#/news"
            onClick={(e) => {
              e.preventDefault();
              setNewsFilter('status', 'in_review');
              navigate('news');
            }}
          >
            {t('overview.work.review', { count: work.inReview })}
          </a>
        </li>
      )}
      {work.sentBack.length > 0 && (
        <li>
          <strong>{t('overview.work.sentBack', { count: work.sentBack.length })}</strong>
          <ul>
            {work.sentBack.slice(0, 5).map((b) => (
              <li key={b.news.id}>
                <a href={`#/news/edit/${b.news.id}`} onClick={(e) => (e.preventDefault(), navigate('news', 'edit', b.news.id))}>
                  {b.news.title}
                </a>
                {b.comment && <span className="muted"> — “{b.comment}” ({b.by})</span>}
              </li>
            ))}
          </ul>
        </li>
      )}
      {work.conflicts > 0 && (
        <li>
          <a href="#/sync/conflicts" onClick={(e) => (e.preventDefault(), navigate('sync', 'conflicts'))}>
            {t('overview.work.conflicts', { count: work.conflicts })}
          </a>
        </li>
      )}
      {work.refused > 0 && (
        <li>
          <a href="#/sync" onClick={(e) => (e.preventDefault(), navigate('sync'))}>
            {t('overview.work.refused', { count: work.refused })}
          </a>
        </li>
      )}
      {work.missing.length > 0 && (
        <li>
          <strong>{t('overview.work.unreported', { count: work.missing.length })}</strong>
          <ul>
            {work.missing.slice(0, 5).map(({ occurrence, report, attendance }) => (
              <li key={`${occurrence.event.id}|${occurrence.start.getTime()}`}>
                <a
                  href={`#/calendar/event/${occurrence.event.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setCalendarDate(startOfDay(occurrence.start));
                    navigate('calendar', 'event', occurrence.event.id);
                  }}
                >
                  {occurrence.event.title}
                </a>{' '}
                <span className="muted">
                  {shortDate(occurrence.start)} — {[report && t('overview.work.noReport'), attendance && t('overview.work.noAttendance')].filter(Boolean).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </li>
      )}
      {work.photos > 0 && (
        <li>
          <a href="#/sync" onClick={(e) => (e.preventDefault(), navigate('sync'))}>
            {t('overview.work.photos', { count: work.photos })}
          </a>
        </li>
      )}
    </ul>
  );
}
