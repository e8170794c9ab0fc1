import { useMemo } from 'react';
import { formatTimeRange } from '../../shared/calendar/thai-calendar-formats';
import { formatDateRange, formatLongDate, formatMonthHeading, formatShortDate, formatTime } from '../../shared/thai/buddhist-era-date';
import { useSession } from './session-store';

/** Date formatters bound to the user's choice of Buddhist or Christian Era years. */
export function useDateFormat() {
  const era = useSession((s) => s.settings.era);
  return useMemo(
    () => ({
      era,
      monthHeading: (d: Date) => formatMonthHeading(d, { era }),
      shortDate: (d: Date) => formatShortDate(d, { era }),
      longDate: (d: Date) => formatLongDate(d, { era }),
      range: (a: Date, b: Date) => formatDateRange(a, b, { era }),
      time: (d: Date) => formatTime(d),
      /** "09.30 – 12.00 น.", as the calendar views write it. */
      timeRange: (start: Date, end: Date) => formatTimeRange({ start, end }),
    }),
    [era],
  );
}
