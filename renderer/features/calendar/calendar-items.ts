import type { CalendarOccurrence } from '../../db/repositories/event-repository';
import type { CalendarFilters } from './calendar-view-store';

/** What react-big-calendar draws: one item per occurrence. */
export interface CalendarItem {
  /** Record id and rule start: unique even for the instances of one series. */
  key: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  occurrence: CalendarOccurrence;
}

/** The key of one occurrence on the calendar: its record and its rule start. */
export function itemKey(eventId: string, originalStart: Date): string {
  return `${eventId}|${originalStart.getTime()}`;
}

export function toCalendarItem(occurrence: CalendarOccurrence): CalendarItem {
  const { event } = occurrence;
  return {
    key: itemKey(event.id, occurrence.originalStart),
    title: event.title,
    start: occurrence.start,
    end: occurrence.end,
    allDay: event.allDay,
    occurrence,
  };
}

/** The amphoe an activity belongs to: its own district, else the one of its tambon. */
export function districtOf(event: CalendarOccurrence['event']): string | null {
  return event.districtCode ?? event.placeTambonCode?.slice(0, 4) ?? null;
}

export function matchesFilters(occurrence: CalendarOccurrence, filters: CalendarFilters): boolean {
  const { event } = occurrence;
  if (filters.hiddenTypes.includes(event.type)) return false;
  if (filters.districtCode && districtOf(event) !== filters.districtCode) return false;
  if (filters.organiser && event.organiser !== filters.organiser) return false;
  return true;
}
