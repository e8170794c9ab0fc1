import { useCallback, useState } from 'react';
import { allDayRangeFromExclusive } from '../../../shared/calendar/calendar-dates';
import { useDeskData } from '../../app/desk-data-context';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { OccurrenceScope } from '../../db/repositories/event-repository';
import type { DroppedRange } from './big-calendar';
import { errorText } from './error-text';
import type { MovedActivity } from './use-keyboard-move';

/**
 * The one write path of a drop, by mouse or keyboard: a recurring activity first asks whether one
 * occurrence or the series moves; the result is said in a notice. `onKeyboardMoved` hears where a
 * keyboard drop landed (a detached occurrence is a new activity), to put the focus back on it.
 */
export function useActivityMove(onKeyboardMoved: (moved: MovedActivity) => void) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const showNotice = useNotices((s) => s.show);
  const [pendingMove, setPendingMove] = useState<DroppedRange | null>(null);

  const applyMove = useCallback(
    async (range: DroppedRange, moveScope: OccurrenceScope) => {
      const { item } = range;
      let { start, end } = range;
      if (range.allDay) ({ start, end } = allDayRangeFromExclusive(start, end));
      // From the all-day row into a time slot: an hour, not the days it used to span.
      else if (item.allDay) end = new Date(start.getTime() + 60 * 60 * 1000);
      if (!range.allDay && end <= start) end = new Date(start.getTime() + 30 * 60 * 1000);
      try {
        const eventId = await data.events.moveOccurrence(item.occurrence, start, end, range.allDay, moveScope, scope);
        showNotice(t('calendar.move.done', { title: item.title, when: range.allDay ? dates.range(start, end) : `${dates.shortDate(start)} ${dates.time(start)}` }));
        if (range.byKeyboard) onKeyboardMoved({ eventId, start });
      } catch (error) {
        showNotice(errorText(t, error), 'error');
      }
    },
    [data, scope, showNotice, t, dates, onKeyboardMoved],
  );

  const move = useCallback(
    (range: DroppedRange) => {
      if (range.item.occurrence.recurring) setPendingMove(range);
      else void applyMove(range, 'series');
    },
    [applyMove],
  );

  /** The answer of the move-scope dialog; null cancels the move. */
  const chooseScope = useCallback(
    (choice: OccurrenceScope | null) => {
      const range = pendingMove;
      setPendingMove(null);
      if (range && choice) void applyMove(range, choice);
    },
    [pendingMove, applyMove],
  );

  return { move, pendingMove, chooseScope };
}
