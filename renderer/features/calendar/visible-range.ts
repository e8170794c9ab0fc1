import { addDays, startOfDay } from '../../../shared/calendar/calendar-dates';
import type { CalendarView } from './calendar-view-store';

/**
 * How far the agenda view looks ahead: react-big-calendar's default length (30 days after the
 * first, both ends shown), a month as the office website lists activities.
 */
export const AGENDA_DAYS = 30;

/**
 * The range [from, to) a view shows around `date`, week starting Sunday. The month view shows
 * whole weeks, so the days of the previous and next month on screen are covered too.
 */
export function visibleRange(view: CalendarView, date: Date): { from: Date; to: Date } {
  const day = startOfDay(date);
  switch (view) {
    case 'month': {
      const first = new Date(day.getFullYear(), day.getMonth(), 1);
      const last = new Date(day.getFullYear(), day.getMonth() + 1, 0);
      return { from: addDays(first, -first.getDay()), to: addDays(last, 7 - last.getDay()) };
    }
    case 'week':
      return { from: addDays(day, -day.getDay()), to: addDays(day, 7 - day.getDay()) };
    case 'day':
      return { from: day, to: addDays(day, 1) };
    case 'agenda':
      return { from: day, to: addDays(day, AGENDA_DAYS + 1) };
  }
}
