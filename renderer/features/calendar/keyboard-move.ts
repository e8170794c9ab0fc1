import { addDays, allDayEnd, allDayExclusiveEnd, startOfDay } from '../../../shared/calendar/calendar-dates';
import type { CalendarItem } from './calendar-items';
import type { CalendarView } from './calendar-view-store';

/**
 * Where a picked-up activity would land, in the form react-big-calendar reports a drop, so both go
 * through one write path: an all-day range ends exclusively (00:00 of the day after its last day).
 */
export interface Landing {
  start: Date;
  end: Date;
  allDay: boolean;
}

export const STEP_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

const HALF_HOUR_MS = 30 * 60 * 1000;

export function isStepKey(key: string): key is StepKey {
  return (STEP_KEYS as readonly string[]).includes(key);
}

/** Where an activity is now, as a landing. */
export function landingOf(item: Pick<CalendarItem, 'start' | 'end' | 'allDay'>): Landing {
  return item.allDay ? { start: startOfDay(item.start), end: allDayExclusiveEnd(item.end), allDay: true } : { start: item.start, end: item.end, allDay: false };
}

/**
 * One arrow key on a picked-up activity, the way the arrow points on screen: ←/→ a day; ↑/↓ a
 * week, or half an hour for a timed activity in the week and day views (their time runs down the
 * screen). With Shift only the end moves, so the activity gets longer or shorter; null when it
 * would be shorter than a day (all-day) or half an hour.
 */
export function stepLanding(landing: Landing, key: StepKey, { shift, view }: { shift: boolean; view: CalendarView }): Landing | null {
  const vertical = key === 'ArrowUp' || key === 'ArrowDown';
  const sign = key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 1;
  const byHalfHours = vertical && !landing.allDay && (view === 'week' || view === 'day');
  const step = (d: Date) => (byHalfHours ? new Date(d.getTime() + sign * HALF_HOUR_MS) : addDays(d, sign * (vertical ? 7 : 1)));
  if (!shift) return { ...landing, start: step(landing.start), end: step(landing.end) };
  const end = step(landing.end);
  const shortest = landing.allDay ? addDays(landing.start, 1) : new Date(landing.start.getTime() + HALF_HOUR_MS);
  return end < shortest ? null : { ...landing, end };
}

/** The item drawn where it would land (an all-day item keeps its stored end, 23:59 of its last day). */
export function itemAt(item: CalendarItem, landing: Landing): CalendarItem {
  return { ...item, start: landing.start, end: landing.allDay ? allDayEnd(addDays(landing.end, -1)) : landing.end };
}

/** The calendar's items with the carried one where it would land (added when its own range is off screen). */
export function withCarried(items: readonly CalendarItem[], carried: CalendarItem): CalendarItem[] {
  let found = false;
  const shown = items.map((i) => {
    if (i.key !== carried.key) return i;
    found = true;
    return carried;
  });
  return found ? shown : [...shown, carried];
}
