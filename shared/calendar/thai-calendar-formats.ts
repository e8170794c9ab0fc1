// Every date and time string the calendar views show, built on the shared Thai formatters so the
// month heading reads "สิงหาคม 2565", the weekday heads are the fixed อา. จ. อ. … and times read
// "09.30 น.". Plain functions: the renderer's react-big-calendar localizer wires them in.
import { THAI_WEEKDAY_HEADS, formatDateRange, formatDateWithWeekday, formatMonthHeading, formatShortDate, formatTime, type Era } from '../thai/buddhist-era-date';

export interface DateSpan {
  start: Date;
  end: Date;
}

/** "09.30 – 12.00 น.": one "น." for the pair, as Thai notices write a time range. */
export function formatTimeRange({ start, end }: DateSpan): string {
  return `${formatTime(start).replace(/ น\.$/, '')} – ${formatTime(end)}`;
}

export function thaiCalendarFormats(era: Era) {
  const span = ({ start, end }: DateSpan) => formatDateRange(start, end < start ? start : end, { era });
  return {
    /** Day number in a month cell. */
    dateFormat: (d: Date) => String(d.getDate()),
    /** Column heads of the week and day views: "อา. 21". */
    dayFormat: (d: Date) => `${THAI_WEEKDAY_HEADS[d.getDay()]} ${d.getDate()}`,
    /** Column heads of the month view. */
    weekdayFormat: (d: Date) => THAI_WEEKDAY_HEADS[d.getDay()]!,
    timeGutterFormat: (d: Date) => formatTime(d),
    monthHeaderFormat: (d: Date) => formatMonthHeading(d, { era }),
    dayRangeHeaderFormat: span,
    dayHeaderFormat: (d: Date) => formatDateWithWeekday(d, { era }),
    agendaHeaderFormat: span,
    agendaDateFormat: (d: Date) => `${THAI_WEEKDAY_HEADS[d.getDay()]} ${formatShortDate(d, { era })}`,
    agendaTimeFormat: (d: Date) => formatTime(d),
    agendaTimeRangeFormat: formatTimeRange,
    eventTimeRangeFormat: formatTimeRange,
    eventTimeRangeStartFormat: ({ start }: DateSpan) => `${formatTime(start)} –`,
    eventTimeRangeEndFormat: ({ end }: DateSpan) => `– ${formatTime(end)}`,
    selectRangeFormat: formatTimeRange,
  };
}

export type ThaiCalendarFormats = ReturnType<typeof thaiCalendarFormats>;
