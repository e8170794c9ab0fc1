import { useDeferredValue, useState } from 'react';
import { participantTotal } from '../../../shared/domain/calendar-event';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import type { CalendarOccurrence } from '../../db/repositories/event-repository';

interface MonthActivityListProps {
  occurrences: CalendarOccurrence[];
  onOpen(occurrence: CalendarOccurrence): void;
}

/** A busy month lists this many first; the rest on request. */
const FIRST_CARDS = 40;

/**
 * The month's activities as the office website lists them; also the keyboard way into each one.
 * Rendered after the grid (a deferred value), so a busy month does not hold up the calendar.
 */
export function MonthActivityList({ occurrences: current, onOpen }: MonthActivityListProps) {
  const t = useTranslate();
  const dates = useDateFormat();
  const occurrences = useDeferredValue(current, []);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? occurrences : occurrences.slice(0, FIRST_CARDS);
  return (
    <>
    <ul className="card-list month-activities">
      {shown.map((o) => {
        const e = o.event;
        const total = participantTotal(e.expected);
        return (
          <li key={`${e.id}|${o.originalStart.getTime()}`} className={`card activity-card activity-${e.type}`}>
            <div className="card-meta">
              <span className={`badge activity-${e.type}`}>{t(`calendar.type.${e.type}` as MessageKey)}</span>
              <span>{dates.range(o.start, o.end)}</span>
              {!e.allDay && <span>{dates.time(o.start)}</span>}
              {o.recurring && <span>↻ {t('calendar.recurringMark')}</span>}
            </div>
            <h3 className="card-title">
              <button type="button" className="link-button" onClick={() => onOpen(o)}>
                {e.title}
              </button>
            </h3>
            {e.place && <p className="card-lead">{e.place}</p>}
            {total > 0 && <p className="card-foot">{t('calendar.participants', { count: total })}</p>}
          </li>
        );
      })}
    </ul>
    {shown.length < occurrences.length && (
      <button type="button" className="button secondary" onClick={() => setShowAll(true)}>
        {t('calendar.showAll', { count: occurrences.length })}
      </button>
    )}
    </>
  );
}
