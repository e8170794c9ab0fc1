import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { THAI_WEEKDAY_HEADS } from '../../../shared/thai/buddhist-era-date';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { monthWeeks } from './month-grid';

/** A month of the province's activities; the full calendar (week/day/agenda, editing) builds on this. */
export function CalendarPage() {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), 1);
  });
  const next = new Date(month.getFullYear(), month.getMonth() + 1, 1);
  const events = useLiveQuery(() => data.events.between(month, next), [data, month.getTime()]);
  const latest = useLiveQuery(() => data.db.events.orderBy('start').reverse().filter((e) => !e.deleted).first(), [data]);

  const busyDays = new Set<number>();
  for (const e of events ?? []) {
    for (let d = new Date(e.start); d < new Date(e.end) && d < next; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      if (d >= month) busyDays.add(d.getDate());
    }
  }
  const shift = (by: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + by, 1));

  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">{t('calendar.title')}</h1>
      <div className="calendar-layout">
        <div className="mini-month">
          <div className="mini-month-head">
            <button type="button" className="icon-button" onClick={() => shift(-1)} aria-label={t('calendar.previous')}>
              «
            </button>
            <h2 data-testid="month-heading">{dates.monthHeading(month)}</h2>
            <button type="button" className="icon-button" onClick={() => shift(1)} aria-label={t('calendar.next')}>
              »
            </button>
          </div>
          <table>
            <thead>
              <tr>
                {THAI_WEEKDAY_HEADS.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(month.getFullYear(), month.getMonth()).map((week, w) => (
                <tr key={w}>
                  {week.map((day, i) => (
                    <td key={i} className={day && busyDays.has(day) ? 'busy' : undefined}>
                      {day ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button secondary" onClick={() => setMonth(new Date(new Date().getFullYear(), new Date().getMonth(), 1))}>
            {t('calendar.today')}
          </button>
        </div>
        <div className="agenda">
          <h2>{t('calendar.upcoming')}</h2>
          {events === undefined ? (
            <p>{t('common.loading')}</p>
          ) : events.length === 0 ? (
            <div className="empty-state">
              <p>{t('calendar.empty')}</p>
              {latest && (
                <button type="button" className="button secondary" onClick={() => setMonth(new Date(new Date(latest.start).getFullYear(), new Date(latest.start).getMonth(), 1))}>
                  {dates.monthHeading(new Date(latest.start))}
                </button>
              )}
            </div>
          ) : (
            <ul className="card-list">
              {events.map((e) => {
                const total = e.expected.reduce((sum, g) => sum + g.count, 0);
                return (
                  <li key={e.id} className={`card event-${e.type}`}>
                    <div className="card-meta">
                      <span>{dates.range(new Date(e.start), new Date(e.end))}</span>
                      {!e.allDay && <span>{dates.time(new Date(e.start))}</span>}
                    </div>
                    <h3 className="card-title">{e.title}</h3>
                    <p className="card-lead">{e.place}</p>
                    {total > 0 && <p className="card-foot">{t('calendar.participants', { count: total })}</p>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
