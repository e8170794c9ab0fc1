import { memo } from 'react';
import { addDays, startOfDay } from '../../../shared/calendar/calendar-dates';
import { THAI_WEEKDAY_HEADS } from '../../../shared/thai/buddhist-era-date';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { CalendarOccurrence } from '../../db/repositories/event-repository';
import type { CalendarView } from './calendar-view-store';
import { useRecurrenceText } from './use-recurrence-text';

interface PrintViewProps {
  from: Date;
  to: Date;
  view: CalendarView;
  occurrences: CalendarOccurrence[];
}

/**
 * What is printed (window.print in the browser shell, printToPDF in the desktop app): plain
 * HTML in Sarabun, hidden on screen and alone on paper via the print stylesheet, so both print
 * paths give the same pages. A month view prints as a month table; the others as a list.
 */
export const PrintView = memo(function PrintView({ from, to, view, occurrences }: PrintViewProps) {
  const t = useTranslate();
  const dates = useDateFormat();
  const recurrenceText = useRecurrenceText();
  const middle = new Date((from.getTime() + to.getTime()) / 2);
  const heading = view === 'month' ? dates.monthHeading(middle) : dates.range(from, addDays(to, -1));
  const onDay = (day: Date) => occurrences.filter((o) => startOfDay(o.start) <= day && o.end >= day);

  return (
    <div className="calendar-print" aria-hidden="true">
      {/* An h2: the page's one h1 is the screen's title. */}
      <h2 className="print-title">{t('calendar.printTitle', { range: heading })}</h2>
      {view === 'month' ? (
        <table className="print-month">
          <thead>
            <tr>
              {THAI_WEEKDAY_HEADS.map((d) => (
                <th key={d}>{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.round((to.getTime() - from.getTime()) / (7 * 86_400_000)) }, (_, w) => (
              <tr key={w}>
                {Array.from({ length: 7 }, (_, d) => {
                  const day = addDays(from, w * 7 + d);
                  const inMonth = day.getMonth() === middle.getMonth();
                  return (
                    <td key={d} className={inMonth ? undefined : 'outside'}>
                      <div className="print-day">{day.getDate()}</div>
                      {inMonth &&
                        onDay(day).map((o) => (
                          <div key={o.event.id + o.originalStart.getTime()} className={`print-event activity-${o.event.type}`}>
                            {!o.event.allDay && `${dates.time(o.start)} `}
                            {o.event.title}
                          </div>
                        ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="print-agenda">
          <thead>
            <tr>
              <th>{t('calendar.date')}</th>
              <th>{t('calendar.time')}</th>
              <th>{t('calendar.event')}</th>
            </tr>
          </thead>
          <tbody>
            {occurrences.length === 0 && (
              <tr>
                <td colSpan={3}>{t('calendar.noEventsInRange')}</td>
              </tr>
            )}
            {occurrences.map((o) => (
              <tr key={o.event.id + o.originalStart.getTime()}>
                <td>{dates.range(o.start, o.end)}</td>
                <td>{o.event.allDay ? t('calendar.allDay') : dates.timeRange(o.start, o.end)}</td>
                <td>
                  <strong>{o.event.title}</strong>
                  {o.event.place && <div>{o.event.place}</div>}
                  {o.event.organiser && <div>{o.event.organiser}</div>}
                  {o.recurring && <div className="print-recurrence">{recurrenceText(o.event)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
