import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { participantTotal } from '../../../shared/domain/calendar-event';
import { expandOccurrences, isRecurring } from '../../../shared/calendar/recurrence';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import type { LocalRecord } from '../../db/local-record';
import { AttendancePanel } from './attendance-panel';
import { itemKey } from './calendar-items';
import { useCalendarView } from './calendar-view-store';
import { errorText } from './error-text';
import { EventPhotos } from './event-photos';
import { useFocusReturn } from './use-focus-return';
import { useRecurrenceText } from './use-recurrence-text';

interface EventDetailProps {
  eventId: string;
  onClose(): void;
  /** Pick the activity up on the calendar to move it with the keyboard (its item key, its start). */
  onMove(key: string, start: Date): void;
}

/** The activity on the right of the calendar: everything about it, attendance, photos and news. */
export function EventDetail({ eventId, onClose, onMove }: EventDetailProps) {
  const t = useTranslate();
  const data = useDeskData();
  const event = useLiveQuery(async () => (await data.events.get(eventId)) ?? null, [data, eventId]);
  const panel = useRef<HTMLElement>(null);
  useFocusReturn(panel, onClose, '.calendar-main .rbc-toolbar button, .calendar-main button');
  return (
    <aside ref={panel} hidden={event === undefined} className="event-detail" aria-labelledby="event-detail-title" data-testid="event-detail">
      {event === undefined ? null : event === null ? (
        <>
          <p className="message error">{t('calendar.detail.notFound')}</p>
          <button type="button" className="button secondary" onClick={onClose}>
            {t('calendar.detail.close')}
          </button>
        </>
      ) : (
        <EventDetailBody event={event} onClose={onClose} onMove={onMove} />
      )}
    </aside>
  );
}

function EventDetailBody({ event, onClose, onMove }: Omit<EventDetailProps, 'eventId'> & { event: LocalRecord<'events'> }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const notices = useNotices();
  const navigate = useNavigation((s) => s.navigate);
  const geography = useThaiGeography();
  const { occurrenceStart, openDialog } = useCalendarView();
  const news = useLiveQuery(() => data.events.linkedNews(event.id), [data, event.id]);
  const recurrenceText = useRecurrenceText();

  // For a series, show the instance the user opened (if it is still one of the series').
  const recurring = isRecurring(event);
  const instance = recurring && occurrenceStart ? expandOccurrences(event, occurrenceStart, new Date(occurrenceStart.getTime() + 1)).find((o) => o.originalStart.getTime() === occurrenceStart.getTime()) : undefined;
  const start = instance?.start ?? new Date(event.start);
  const end = instance?.end ?? new Date(event.end);
  const expectedTotal = participantTotal(event.expected);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) notices.show(done);
    } catch (error) {
      notices.show(errorText(t, error), 'error');
    }
  };
  const remove = (one: boolean) => {
    if (!window.confirm(t('calendar.detail.confirmDelete', { title: event.title }))) return;
    void run(async () => {
      if (one && instance) await data.events.excludeOccurrence(event.id, instance.originalStart);
      else await data.events.remove(event.id);
      onClose();
    }, t('calendar.detail.deleted'));
  };
  const editOne = () =>
    void run(async () => {
      if (!instance) return;
      const id = await data.events.moveOccurrence({ event, originalStart: instance.originalStart, recurring: true }, instance.start, instance.end, event.allDay, 'one', scope);
      navigate('calendar', 'event', id);
      openDialog({ kind: 'form', eventId: id, start: instance.start, end: instance.end, allDay: event.allDay });
    });

  return (
    <>
      <div className="dialog-head">
        <h2 id="event-detail-title">{event.title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('calendar.detail.close')}>
          ✕
        </button>
      </div>
      <p>
        <span className={`badge activity-${event.type}`}>{t(`calendar.type.${event.type}` as MessageKey)}</span>
      </p>
      <dl className="event-facts">
        <dt>{t('calendar.detail.when')}</dt>
        <dd>
          {dates.range(start, end)}
          {!event.allDay && ` ${dates.timeRange(start, end)}`}
          {event.allDay && ` (${t('calendar.allDay')})`}
          {recurring && (
            <>
              <br />
              <span className="muted" data-testid="event-recurrence">
                {t('calendar.detail.recurs', { rule: recurrenceText(event) ?? '' })}
              </span>
              {event.exdates.length > 0 && <span className="muted"> · {t('calendar.detail.exceptions', { count: event.exdates.length })}</span>}
            </>
          )}
        </dd>
        {(event.place || event.placeTambonCode) && (
          <>
            <dt>{t('calendar.detail.place')}</dt>
            <dd>
              {event.place}
              {event.placeTambonCode && geography && <span className="muted"> {geography.describePlace(event.placeTambonCode)}</span>}
            </dd>
          </>
        )}
        {event.organiser && (
          <>
            <dt>{t('calendar.detail.organiser')}</dt>
            <dd>{event.organiser}</dd>
          </>
        )}
        {event.description && (
          <>
            <dt>{t('calendar.detail.description')}</dt>
            <dd className="description">{event.description}</dd>
          </>
        )}
      </dl>
      {expectedTotal > 0 && <p className="muted">{t('calendar.participants', { count: expectedTotal })}</p>}

      <div className="button-group">
        <button type="button" className="button primary" onClick={() => navigate('news', 'from-event', event.id)}>
          {t('calendar.detail.writeNews')}
        </button>
        <button type="button" className="button secondary" onClick={() => openDialog({ kind: 'form', eventId: event.id, start, end, allDay: event.allDay })}>
          {recurring ? t('calendar.detail.editSeries') : t('calendar.detail.edit')}
        </button>
        <button type="button" className="button secondary" title={t('calendar.keyboardMove.fromDetailHint')} onClick={() => onMove(itemKey(event.id, instance?.originalStart ?? start), start)}>
          {t('calendar.keyboardMove.fromDetail')}
        </button>
        {instance && (
          <button type="button" className="button secondary" onClick={editOne}>
            {t('calendar.detail.editOne')}
          </button>
        )}
        {instance && (
          <button type="button" className="button secondary" onClick={() => remove(true)}>
            {t('calendar.detail.deleteOne')}
          </button>
        )}
        <button type="button" className="button secondary danger" onClick={() => remove(false)}>
          {recurring ? t('calendar.detail.deleteSeries') : t('calendar.detail.delete')}
        </button>
      </div>

      <AttendancePanel event={event} />
      <EventPhotos eventId={event.id} />

      <section aria-labelledby="linked-news-title">
        <h3 id="linked-news-title">{t('calendar.detail.linkedNews')}</h3>
        {news && news.length === 0 && <p className="muted">{t('calendar.detail.noNews')}</p>}
        <ul className="linked-news">
          {(news ?? []).map((n) => (
            <li key={n.id}>
              <button type="button" className="link-button" onClick={() => navigate('news', 'edit', n.id)}>
                {n.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
