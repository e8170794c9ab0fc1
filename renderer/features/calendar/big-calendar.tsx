import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { memo, useCallback, useMemo, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type EventProps, type SlotInfo } from 'react-big-calendar';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { withDragAndDrop } from './with-drag-and-drop';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { CalendarToolbar } from './calendar-toolbar';
import { KEYBOARD_HINT_ID } from './keyboard-move-status';
import type { CalendarItem } from './calendar-items';
import type { CalendarView } from './calendar-view-store';
import { thaiLocalizer } from './thai-localizer';
import { AGENDA_DAYS } from './visible-range';

const DragAndDropCalendar = withDragAndDrop<CalendarItem>(Calendar);

export interface DroppedRange {
  item: CalendarItem;
  start: Date;
  end: Date;
  /** Where it landed: the all-day row / a month cell, or a time slot. */
  allDay: boolean;
  /** Dropped with the keyboard: the focus goes back to it where it landed. */
  byKeyboard?: boolean;
}

interface BigCalendarProps {
  items: CalendarItem[];
  view: CalendarView;
  date: Date;
  onView(view: CalendarView): void;
  onNavigate(date: Date): void;
  onSelectItem(item: CalendarItem): void;
  onSelectRange(slot: SlotInfo): void;
  onMove(range: DroppedRange): void;
  /** Space on a focused activity: pick it up to move with the arrow keys. */
  onPickUp(item: CalendarItem): void;
  /** The key of the activity being moved with the keyboard, drawn as carried. */
  carriedKey: string | null;
}

function ActivityChip({ event, title, onKeyDown }: EventProps<CalendarItem> & { onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void }) {
  const t = useTranslate();
  return (
    <span
      className="activity-chip"
      role="button"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-describedby={KEYBOARD_HINT_ID}
      data-item-key={event.key}
      data-event-id={event.occurrence.event.id}
      data-start={event.start.getTime()}
    >
      {event.occurrence.recurring && (
        <span className="recurring-mark" title={t('calendar.recurringMark')} aria-label={t('calendar.recurringMark')}>
          ↻{' '}
        </span>
      )}
      {title}
    </span>
  );
}

/** Where the week and day views open: the start of a working day. */
const SCROLL_TO_EIGHT = new Date(1970, 0, 1, 8);

/**
 * react-big-calendar with drag and drop, the Thai localizer and Thai messages. Memoised: a month
 * of activities is costly to lay out, so it draws again only when its own props change.
 */
export const BigCalendar = memo(function BigCalendar({ items, view, date, onView, onNavigate, onSelectItem, onSelectRange, onMove, onPickUp, carriedKey }: BigCalendarProps) {
  const t = useTranslate();
  const { era } = useDateFormat();
  const localizer = useMemo(() => thaiLocalizer(era), [era]);
  const messages = useMemo(
    () => ({
      date: t('calendar.date'),
      time: t('calendar.time'),
      event: t('calendar.event'),
      allDay: t('calendar.allDay'),
      week: t('calendar.week'),
      day: t('calendar.day'),
      month: t('calendar.month'),
      previous: t('calendar.previous'),
      next: t('calendar.next'),
      today: t('calendar.today'),
      agenda: t('calendar.agenda'),
      noEventsInRange: t('calendar.noEventsInRange'),
      showMore: (count: number) => t('calendar.showMore', { count }),
    }),
    [t],
  );
  const eventPropGetter = useCallback((item: CalendarItem) => ({ className: `activity-${item.occurrence.event.type}${item.key === carriedKey ? ' is-carried' : ''}` }), [carriedKey]);
  const moveTip = t('calendar.keyboardMove.tooltip');
  const tooltip = useCallback((item: CalendarItem) => `${item.title}\n${moveTip}`, [moveTip]);
  const move = useCallback(
    ({ event, start, end, isAllDay }: EventInteractionArgs<CalendarItem>) => onMove({ item: event, start: new Date(start), end: new Date(end), allDay: isAllDay ?? event.allDay }),
    [onMove],
  );
  const resize = useCallback(({ event, start, end }: EventInteractionArgs<CalendarItem>) => onMove({ item: event, start: new Date(start), end: new Date(end), allDay: event.allDay }), [onMove]);
  const keyPress = useCallback(
    (item: CalendarItem, e: SyntheticEvent<HTMLElement>) => {
      const key = (e as KeyboardEvent<HTMLElement>).key;
      if (key === 'Enter') {
        e.preventDefault();
        onSelectItem(item);
      } else if (key === ' ') {
        e.preventDefault();
        onPickUp(item);
      }
    },
    [onSelectItem, onPickUp],
  );
  // The agenda's rows get no key events from react-big-calendar: its activities read their own keys.
  const components = useMemo(
    () => ({
      toolbar: CalendarToolbar,
      event: ActivityChip,
      agenda: { event: (props: EventProps<CalendarItem>) => <ActivityChip {...props} onKeyDown={(e) => keyPress(props.event, e)} /> },
    }),
    [keyPress],
  );

  return (
    <DragAndDropCalendar
      localizer={localizer}
      culture="th"
      events={items}
      view={view}
      views={['month', 'week', 'day', 'agenda']}
      date={date}
      onView={(v) => onView(v as CalendarView)}
      onNavigate={(d) => onNavigate(d)}
      titleAccessor="title"
      startAccessor="start"
      endAccessor="end"
      allDayAccessor="allDay"
      tooltipAccessor={tooltip}
      messages={messages}
      components={components}
      eventPropGetter={eventPropGetter}
      onSelectEvent={onSelectItem}
      onKeyPressEvent={keyPress}
      onSelectSlot={onSelectRange}
      onEventDrop={move}
      onEventResize={resize}
      selectable
      resizable
      popup
      length={AGENDA_DAYS}
      scrollToTime={SCROLL_TO_EIGHT}
      style={{ height: view === 'month' ? 640 : 720 }}
    />
  );
});
