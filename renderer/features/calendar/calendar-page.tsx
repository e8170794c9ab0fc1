import { printToPdf } from '../../app/print-to-pdf';
import './calendar.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { SlotInfo } from 'react-big-calendar';
import { addDays, allDayRangeFromExclusive, startOfMonth } from '../../../shared/calendar/calendar-dates';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import type { CalendarOccurrence, OccurrenceScope } from '../../db/repositories/event-repository';
import { ActivityLegend } from './activity-legend';
import { BigCalendar, type DroppedRange } from './big-calendar';
import { matchesFilters, toCalendarItem, type CalendarItem } from './calendar-items';
import { useCalendarView } from './calendar-view-store';
import { EmptyMonth } from './empty-month';
import { EventDetail } from './event-detail';
import { EventForm } from './event-form';
import { IcsExportDialog } from './ics-export-dialog';
import { IcsImportButton } from './ics-import-button';
import { MiniMonth } from './mini-month';
import { MonthActivityList } from './month-activity-list';
import { MoveScopeDialog } from './move-scope-dialog';
import { PrintView } from './print-view';
import { errorText } from './error-text';
import { visibleRange } from './visible-range';

/** ปฏิทินกิจกรรม: month, week, day and agenda views, the sidebar month, filters, and the dialogs. */
export function CalendarPage() {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const era = useSession((s) => s.settings.era);
  const setSettings = useSession((s) => s.setSettings);
  const showNotice = useNotices((s) => s.show);
  const { view, date, filters, dialog, setView, setDate, openDialog, setOccurrenceStart } = useCalendarView();
  const path = useNavigation((s) => s.path);
  const navigate = useNavigation((s) => s.navigate);
  const detailId = path[0] === 'event' ? (path[1] ?? null) : null;
  const [pendingMove, setPendingMove] = useState<DroppedRange | null>(null);

  // Stable dates, so the memos below (and the calendar they feed) only change with the range.
  const { from, to } = useMemo(() => visibleRange(view, date), [view, date]);
  const monthTime = startOfMonth(date).getTime();
  const month = useMemo(() => new Date(monthTime), [monthTime]);
  const nextMonth = useMemo(() => new Date(month.getFullYear(), month.getMonth() + 1, 1), [month]);
  // One query for what the view shows and the sidebar month, which mostly overlap.
  const queryFrom = Math.min(from.getTime(), month.getTime());
  const queryTo = Math.max(to.getTime(), nextMonth.getTime());
  const loaded = useLiveQuery(() => data.events.occurrencesBetween(new Date(queryFrom), new Date(queryTo)), [data, queryFrom, queryTo]);
  const occurrences = useMemo(() => loaded?.filter((o) => o.start < to && o.end >= from), [loaded, from, to]);
  const monthOccurrences = useMemo(() => loaded?.filter((o) => o.start < nextMonth && o.end >= month), [loaded, month, nextMonth]);

  const items = useMemo(() => (occurrences ?? []).filter((o) => matchesFilters(o, filters)).map(toCalendarItem), [occurrences, filters]);
  // The hidden print copy of the range follows once the grid has painted.
  const printed = useDeferredValue(items);
  const printedOccurrences = useMemo(() => printed.map((i) => i.occurrence), [printed]);
  const monthShown = useMemo(() => (monthOccurrences ?? []).filter((o) => matchesFilters(o, filters)), [monthOccurrences, filters]);
  const hiddenCount = (monthOccurrences?.length ?? 0) - monthShown.length;
  const busyDays = useMemo(() => {
    const days = new Set<number>();
    for (const o of monthShown) {
      for (let d = new Date(Math.max(o.start.getTime(), month.getTime())); d <= o.end && d < nextMonth; d = addDays(new Date(d.getFullYear(), d.getMonth(), d.getDate()), 1)) days.add(d.getDate());
    }
    return days;
  }, [monthShown, month, nextMonth]);

  const openOccurrence = useCallback(
    (o: CalendarOccurrence) => {
      setOccurrenceStart(o.recurring ? o.originalStart : null);
      navigate('calendar', 'event', o.event.id);
    },
    [navigate, setOccurrenceStart],
  );
  const selectItem = useCallback((item: CalendarItem) => openOccurrence(item.occurrence), [openOccurrence]);

  const selectRange = useCallback(
    (slot: SlotInfo) => {
      const start = new Date(slot.start);
      const end = new Date(slot.end);
      // A selection of day cells (month view, the all-day row) ends at midnight: an all-day activity.
      const allDay = start.getHours() === 0 && start.getMinutes() === 0 && end.getHours() === 0 && end.getMinutes() === 0 && end > start;
      if (allDay) {
        const range = allDayRangeFromExclusive(start, end);
        openDialog({ kind: 'form', eventId: null, start: range.start, end: range.end, allDay: true });
      } else openDialog({ kind: 'form', eventId: null, start, end, allDay: false });
    },
    [openDialog],
  );

  const applyMove = useCallback(
    async (range: DroppedRange, moveScope: OccurrenceScope) => {
      const { item } = range;
      let { start, end } = range;
      if (range.allDay) ({ start, end } = allDayRangeFromExclusive(start, end));
      // From the all-day row into a time slot: an hour, not the days it used to span.
      else if (item.allDay) end = new Date(start.getTime() + 60 * 60 * 1000);
      if (!range.allDay && end <= start) end = new Date(start.getTime() + 30 * 60 * 1000);
      try {
        await data.events.moveOccurrence(item.occurrence, start, end, range.allDay, moveScope, scope);
        showNotice(t('calendar.move.done', { title: item.title, when: range.allDay ? dates.range(start, end) : `${dates.shortDate(start)} ${dates.time(start)}` }));
      } catch (error) {
        showNotice(errorText(t, error), 'error');
      }
    },
    [data, scope, showNotice, t, dates],
  );

  const move = useCallback(
    (range: DroppedRange) => {
      if (range.item.occurrence.recurring) setPendingMove(range);
      else void applyMove(range, 'series');
    },
    [applyMove],
  );

  const setEra = async (next: 'be' | 'ce') => {
    const result = await desk.updateSettings({ era: next });
    if (result.ok) setSettings(result.value);
    else showNotice(t('common.error', { message: result.error.message }), 'error');
  };

  return (
    <section aria-labelledby="calendar-title" className="calendar-page">
      <div className="calendar-title-row no-print">
        <h1 id="calendar-title">{t('calendar.title')}</h1>
        <div className="button-group">
          <button type="button" className="button primary" onClick={() => openDialog({ kind: 'form', eventId: null, start: new Date(date.getFullYear(), date.getMonth(), date.getDate(), 9), end: new Date(date.getFullYear(), date.getMonth(), date.getDate(), 12), allDay: false })}>
            {t('calendar.new')}
          </button>
          <IcsImportButton />
          <button type="button" className="button secondary" onClick={() => openDialog({ kind: 'export' })}>
            {t('calendar.export')}
          </button>
          <button type="button" className="button secondary" onClick={() => void printToPdf(t('calendar.title'))}>
            {t('calendar.print')}
          </button>
          <fieldset className="era-switch">
            <legend>{t('calendar.era')}</legend>
            {(['be', 'ce'] as const).map((option) => (
              <label key={option} className="radio">
                <input type="radio" name="calendar-era" checked={era === option} onChange={() => void setEra(option)} />
                {t(`calendar.era.${option}`)}
              </label>
            ))}
          </fieldset>
        </div>
      </div>
      <div className="calendar-layout no-print">
        <aside className="calendar-sidebar">
          <MiniMonth
            month={month}
            busyDays={busyDays}
            selected={date}
            onMonth={(m) => setDate(m)}
            onDay={(d) => {
              setDate(d);
              setView('day');
            }}
          />
          <ActivityLegend />
        </aside>
        <div className="calendar-main">
          <BigCalendar items={items} view={view} date={date} onView={setView} onNavigate={setDate} onSelectItem={selectItem} onSelectRange={selectRange} onMove={move} />
          <div className="agenda">
            <h2>{t('calendar.upcoming')}</h2>
            {hiddenCount > 0 && <p className="muted">{t('calendar.filteredOut', { count: hiddenCount })}</p>}
            {monthOccurrences === undefined ? (
              <p>{t('common.loading')}</p>
            ) : monthShown.length === 0 ? (
              <EmptyMonth month={month} onJump={setDate} />
            ) : (
              <MonthActivityList occurrences={monthShown} onOpen={openOccurrence} />
            )}
          </div>
        </div>
        {detailId && <EventDetail eventId={detailId} onClose={() => navigate('calendar')} />}
      </div>
      <PrintView from={from} to={to} view={view} occurrences={printedOccurrences} />
      {dialog.kind === 'form' && <EventForm key={`${dialog.eventId}|${dialog.start.getTime()}`} dialog={dialog} onClose={() => openDialog({ kind: 'none' })} />}
      {dialog.kind === 'export' && <IcsExportDialog from={from} to={to} onClose={() => openDialog({ kind: 'none' })} />}
      {pendingMove && (
        <MoveScopeDialog
          title={pendingMove.item.title}
          onChoose={(choice) => {
            const range = pendingMove;
            setPendingMove(null);
            if (choice) void applyMove(range, choice);
          }}
        />
      )}
    </section>
  );
}
