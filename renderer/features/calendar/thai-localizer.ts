import { DateLocalizer, type DateRange, type Formats } from 'react-big-calendar';
import { thaiCalendarFormats } from '../../../shared/calendar/thai-calendar-formats';
import { formatShortDate, type Era } from '../../../shared/thai/buddhist-era-date';

type FormatFunction = (value: Date | DateRange) => string;

/**
 * react-big-calendar's own date arithmetic (plain Date, no moment/luxon) with every format a
 * function from shared/calendar, so no ICU pattern decides how a Thai date reads.
 * Weeks start on Sunday, as Thai wall calendars do.
 */
export function thaiLocalizer(era: Era): DateLocalizer {
  const byName: Record<string, FormatFunction> = thaiCalendarFormats(era) as unknown as Record<string, FormatFunction>;
  const formats: Formats = thaiCalendarFormats(era);
  return new DateLocalizer({
    firstOfWeek: () => 0,
    formats,
    // The calendar resolves format names itself; a direct call with a name lands here. Anything
    // else (no view asks for it) reads as a short Thai date rather than an exception.
    format: (value, name) => {
      const named = byName[name];
      if (named && (value instanceof Date || (typeof value === 'object' && 'start' in value))) return named(value);
      return value instanceof Date ? formatShortDate(value, { era }) : String(value);
    },
  });
}
