// Local calendar-day arithmetic shared by the views, the form, recurrence and ICS. An all-day
// activity is stored from 00:00 of its first day to 23:59 of its last (as the seed's seminar is),
// so it reads right in any tool that shows the raw instants.

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
}

/** 23:59 of the given day: the stored end of an all-day activity whose last day that is. */
export function allDayEnd(lastDay: Date): Date {
  return new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate(), 23, 59);
}

/**
 * From a range whose end is exclusive (a selection of day cells ends at 00:00 of the day after)
 * to the stored all-day range.
 */
export function allDayRangeFromExclusive(start: Date, endExclusive: Date): { start: Date; end: Date } {
  const first = startOfDay(start);
  let last = startOfDay(endExclusive);
  if (last.getTime() === endExclusive.getTime() && last > first) last = addDays(last, -1);
  if (last < first) last = first;
  return { start: first, end: allDayEnd(last) };
}

/** The exclusive end of an all-day range: 00:00 of the day after its last day. */
export function allDayExclusiveEnd(end: Date): Date {
  return addDays(startOfDay(end), 1);
}

/** 'YYYY-MM-DD' of the local calendar day. */
export function localDateKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The first day of the month `date` is in. */
export function startOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}
