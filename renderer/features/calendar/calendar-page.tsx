import { printToPdf } from '../../app/print-to-pdf';
import './calendar.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo } from 'react';
import type { SlotInfo } from 'react-big-calendar';
import { addDays, allDayRangeFromExclusive, startOfMonth } from '../../../shared/calendar/calendar-dates';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import type { CalendarOccurrence } from '../../db/repositories/event-repository';
import { ActivityLegend } from './activity-legend';
import { BigCalendar } from './big-calendar';
import { matchesFilters, toCalendarItem, type CalendarItem } from './calendar-items';
import { useCalendarView } from './calendar-view-store';
import { EmptyMonth } from './empty-month';
import { EventDetail } from './event-detail';
import { EventForm } from './event-form';
import { IcsExportDialog } from './ics-export-dialog';
import { IcsImportButton } from './ics-import-button';
import { KeyboardMoveHint, KeyboardMoveStatus } from './keyboard-move-status';
import { MiniMonth } from './mini-month';
import { MonthActivityList } from './month-activity-list';
import { MoveScopeDialog } from './move-scope-dialog';
import { PrintView } from './print-view';
import { useActivityMove } from './use-activity-move';
import { useFocusWhenDrawn, useKeyboardMove } from './use-keyboard-move';
import { useShowOpenedActivity } from './use-show-opened-activity';
import { visibleRange } from './visible-range';

/** ปฏิทินกิจกรรม: month, week, day and agenda views, the sidebar month, filters, and the dialogs. */
export function CalendarPage() {
  const t = useTranslate();
  const data = useDeskData();
  const era = useSession((s) => s.settings.era);
  const setSettings = useSession((s) => s.setSettings);
  const showNotice = useNotices((s) => s.show);
  const { view, date, filters, dialog, occurrenceStart, setView, setDate, openDialog, setOccurrenceStart } = useCalendarView();
  const path = useNavigation((s) => s.path);
  const navigate = useNavigation((s) => s.navigate);
  const detailId = path[0] === 'event' ? (path[1] ?? null) : null;

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

  useShowOpenedActivity(data.events, detailId, occurrenceStart, { from, to }, setDate);

  const focusWhenDrawn = useFocusWhenDrawn(items);
  const { move, pendingMove, chooseScope } = useActivityMove(focusWhenDrawn);
  const keyboard = useKeyboardMove({ items, view, from, to, onDrop: move, onNavigate: setDate });
  const { pickUpByKey } = keyboard;
  // "ย้ายไปวันอื่น" in the detail: close it and pick the activity up on the calendar.
  const moveFromDetail = useCallback(
    (key: string, start: Date) => {
      navigate('calendar');
      pickUpByKey(key, start);
    },
    [navigate, pickUpByKey],
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
          <KeyboardMoveStatus carried={keyboard.carried} note={keyboard.note} onDrop={keyboard.drop} onCancel={keyboard.cancel} />
          <BigCalendar
            items={keyboard.shownItems}
            view={view}
            date={date}
            onView={setView}
            onNavigate={setDate}
            onSelectItem={selectItem}
            onSelectRange={selectRange}
            onMove={move}
            onPickUp={keyboard.pickUp}
            carriedKey={keyboard.carried?.item.key ?? null}
          />
          <KeyboardMoveHint />
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
        {detailId && <EventDetail eventId={detailId} onClose={() => navigate('calendar')} onMove={moveFromDetail} />}
      </div>
      <PrintView from={from} to={to} view={view} occurrences={printedOccurrences} />
      {dialog.kind === 'form' && <EventForm key={`${dialog.eventId}|${dialog.start.getTime()}`} dialog={dialog} onClose={() => openDialog({ kind: 'none' })} />}
      {dialog.kind === 'export' && <IcsExportDialog from={from} to={to} onClose={() => openDialog({ kind: 'none' })} />}
      {pendingMove && <MoveScopeDialog title={pendingMove.item.title} onChoose={chooseScope} />}
    </section>
  );
}
