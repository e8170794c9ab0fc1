import { useEffect, useRef } from 'react';
import type { EventRepository } from '../../db/repositories/event-repository';

/**
 * An activity opened by its address (#/calendar/event/<id>: after a reload, from a link in a news item)
 * brings the calendar to its date, once per opening, so the grid behind the detail shows it. Paging the
 * calendar while the detail stays open is left alone.
 */
export function useShowOpenedActivity(
  events: EventRepository,
  detailId: string | null,
  occurrenceStart: Date | null,
  visible: { from: Date; to: Date },
  setDate: (date: Date) => void,
): void {
  const shownFor = useRef<string | null>(null);
  const { from, to } = visible;
  useEffect(() => {
    if (!detailId || shownFor.current === detailId) return;
    shownFor.current = detailId;
    let cancelled = false;
    void events.get(detailId).then((event) => {
      if (cancelled || !event) return;
      const start = occurrenceStart ?? new Date(event.start);
      const end = occurrenceStart ? start : new Date(event.end);
      if (end < from || start >= to) setDate(new Date(start.getFullYear(), start.getMonth(), start.getDate()));
    });
    return () => {
      cancelled = true;
    };
  }, [events, detailId, occurrenceStart, from, to, setDate]);
}
