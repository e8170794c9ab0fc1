// A recurring activity's rules in words ("ทุกวันจันทร์ จนถึง 29 ส.ค. 2565"), never the raw RRULE
// text: one describer for the event form's imported-rule option, the activity's detail panel and
// the printed agenda. Thai by default, English for the English interface; dates in the user's era.
import { formatShortDate, type Era } from '../thai/buddhist-era-date';
import { RRule } from './rrule-module';
import { DATES_ONLY_RULE, ruleLines, type RecurrenceSource } from './recurrence';

export type DescriptionLanguage = 'th' | 'en';

export interface DescribeOptions {
  language?: DescriptionLanguage;
  era?: Era;
}

const TH_DAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TH_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RDATES_LISTED = 3;

interface Phrases {
  list(items: string[]): string;
  day(index: number): string;
  /** "วันจันทร์", "Monday". */
  dayName(index: number): string;
  month(index: number): string;
  ordinal(n: number): string;
  every(unit: 'day' | 'week' | 'month' | 'year', interval: number): string;
  everyDays(days: string): string;
  weekdays(): string;
  /** A weekday of the month: "วันจันทร์แรกของเดือน", "on the first Monday". */
  nthDay(day: number, n: number): string;
  /** Every month on such weekdays: "ทุกวันจันทร์แรกของเดือน". */
  monthlyOn(days: string): string;
  monthDay(day: number): string;
  yearDay(day: number, month: number): string;
  inMonths(months: string): string;
  until(date: string): string;
  count(n: number): string;
  except(text: string): string;
  plusDates(dates: string, more: number): string;
  onDates(dates: string, more: number): string;
  zone(zone: string): string;
  detailed(): string;
}

const TH: Phrases = {
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(' ')} และ${items[items.length - 1]}`),
  day: (i) => TH_DAYS[i]!,
  dayName: (i) => `วัน${TH_DAYS[i]}`,
  month: (i) => TH_MONTHS[i]!,
  ordinal: (n) => (n === -1 ? 'สุดท้าย' : n === 1 ? 'แรก' : `ที่ ${n} `),
  every: (unit, n) => {
    const word = { day: 'วัน', week: 'สัปดาห์', month: 'เดือน', year: 'ปี' }[unit];
    return n === 1 ? `ทุก${word}` : `ทุก ${n} ${word}`;
  },
  everyDays: (days) => `ทุก${days}`,
  weekdays: () => 'ทุกวันจันทร์ถึงวันศุกร์',
  nthDay: (day, n) => `วัน${TH_DAYS[day]}${TH.ordinal(n)}ของเดือน`,
  monthlyOn: (days) => `ทุก${days}`,
  monthDay: (d) => (d === -1 ? 'วันสุดท้ายของเดือน' : `วันที่ ${d}`),
  yearDay: (d, m) => `วันที่ ${d} ${TH_MONTHS[m]}`,
  inMonths: (months) => `ในเดือน${months}`,
  until: (date) => `จนถึง ${date}`,
  count: (n) => `รวม ${n} ครั้ง`,
  except: (text) => `ยกเว้น${text}`,
  plusDates: (dates, more) => `และวันที่ ${dates}${more > 0 ? ` และอีก ${more} วัน` : ''}`,
  onDates: (dates, more) => `ตามวันที่ ${dates}${more > 0 ? ` และอีก ${more} วัน` : ''}`,
  zone: (zone) => `(ตามเวลา ${zone})`,
  detailed: () => '(ตามเงื่อนไขเพิ่มเติมในไฟล์ที่นำเข้า)',
};

const EN: Phrases = {
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  day: (i) => EN_DAYS[i]!,
  dayName: (i) => EN_DAYS[i]!,
  month: (i) => EN_MONTHS[i]!,
  ordinal: (n) => (n === -1 ? 'last' : (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`)),
  every: (unit, n) => (n === 1 ? (unit === 'day' ? 'Daily' : `Every ${unit}`) : `Every ${n} ${unit}s`),
  everyDays: (days) => `Every ${days}`,
  weekdays: () => 'Every weekday (Monday to Friday)',
  nthDay: (day, n) => `on the ${EN.ordinal(n)} ${EN_DAYS[day]}`,
  monthlyOn: (days) => `Monthly ${days}`,
  monthDay: (d) => (d === -1 ? 'on the last day' : `on day ${d}`),
  yearDay: (d, m) => `on ${d} ${EN_MONTHS[m]}`,
  inMonths: (months) => `in ${months}`,
  until: (date) => `until ${date}`,
  count: (n) => `${n} times`,
  except: (text) => `except ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  plusDates: (dates, more) => `and on ${dates}${more > 0 ? ` and ${more} more days` : ''}`,
  onDates: (dates, more) => `On ${dates}${more > 0 ? ` and ${more} more days` : ''}`,
  zone: (zone) => `(${zone} time)`,
  detailed: () => '(with further conditions from the imported file)',
};

type Options = ReturnType<typeof RRule.parseString>;

function weekdayIndex(day: unknown): { index: number; n: number | undefined } | null {
  // rrule gives Weekday objects ({ weekday: 0 = Monday, n }) or bare numbers (0 = Monday).
  const raw = typeof day === 'number' ? { weekday: day, n: undefined } : (day as { weekday?: number; n?: number } | null);
  if (!raw || typeof raw.weekday !== 'number') return null;
  return { index: (raw.weekday + 1) % 7, n: raw.n === 0 ? undefined : raw.n };
}

function asList<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** One RRULE in words. The activity's start fills in what the rule leaves to it (the weekday of a weekly rule). */
function describeRule(rule: string, start: Date, words: Phrases, era: Era): string {
  let options: Partial<Options>;
  try {
    options = RRule.parseString(rule);
  } catch {
    return words.detailed();
  }
  const interval = options.interval ?? 1;
  const days = asList(options.byweekday).map(weekdayIndex).filter((d): d is NonNullable<typeof d> => d !== null);
  const monthDays = asList(options.bymonthday);
  const months = asList(options.bymonth).map((m) => words.month(Number(m) - 1));
  const extra = options.bysetpos || options.byweekno || options.byyearday || options.byhour || options.byminute;
  const dayNames = (list: { index: number }[]) => words.list(list.map((d) => words.dayName(d.index)));
  const isWeekdays = days.length === 5 && days.every((d) => d.n === undefined) && [1, 2, 3, 4, 5].every((i) => days.some((d) => d.index === i));
  const parts: string[] = [];
  switch (options.freq) {
    case RRule.DAILY:
      if (isWeekdays && interval === 1) parts.push(words.weekdays());
      else if (days.length > 0 && interval === 1) parts.push(words.everyDays(dayNames(days)));
      else parts.push(words.every('day', interval));
      break;
    case RRule.WEEKLY: {
      const on = days.length > 0 ? days : [{ index: start.getDay(), n: undefined }];
      if (isWeekdays && interval === 1) parts.push(words.weekdays());
      else if (interval === 1) parts.push(words.everyDays(dayNames(on)));
      else parts.push(words.every('week', interval), dayNames(on));
      break;
    }
    case RRule.MONTHLY: {
      const nth = days.filter((d) => d.n !== undefined);
      if (nth.length > 0 && nth.length === days.length && interval === 1) parts.push(words.monthlyOn(words.list(nth.map((d) => words.nthDay(d.index, d.n!)))));
      else {
        parts.push(words.every('month', interval));
        if (nth.length > 0) parts.push(words.list(nth.map((d) => words.nthDay(d.index, d.n!))));
        else if (days.length > 0) parts.push(words.everyDays(dayNames(days)));
        else parts.push(words.list((monthDays.length > 0 ? monthDays.map(Number) : [start.getDate()]).map((d) => words.monthDay(d))));
      }
      break;
    }
    case RRule.YEARLY:
      parts.push(words.every('year', interval));
      if (months.length === 0 && days.length === 0 && monthDays.length === 0) parts.push(words.yearDay(start.getDate(), start.getMonth()));
      else {
        if (days.some((d) => d.n !== undefined)) parts.push(words.list(days.map((d) => words.nthDay(d.index, d.n ?? 1))));
        else if (days.length > 0) parts.push(words.everyDays(dayNames(days)));
        if (monthDays.length > 0) parts.push(words.list(monthDays.map((d) => words.monthDay(Number(d)))));
        parts.push(words.inMonths(words.list(months.length > 0 ? months : [words.month(start.getMonth())])));
      }
      break;
    default:
      return words.detailed();
  }
  if (extra) parts.push(words.detailed());
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(rule);
  if (until) parts.push(words.until(formatShortDate(new Date(Number(until[1]), Number(until[2]) - 1, Number(until[3])), { era })));
  else if (options.count) parts.push(words.count(options.count));
  return parts.join(' ');
}

/** A date of an extra occurrence in words, on the calendar the activity is shown in. */
function dateWords(iso: string, era: Era): string {
  return formatShortDate(new Date(iso), { era });
}

/**
 * The activity's recurrence in words, or null for a one-off: "ทุกวันจันทร์ จนถึง 29 ส.ค. 2565",
 * "ทุกวันอังคารแรกของเดือน และวันที่ 5 พ.ย. 2555". Exceptions (EXDATE) are not listed here; the
 * detail panel counts them.
 */
export function describeRecurrence(source: Pick<RecurrenceSource, 'start' | 'rrule' | 'rdates' | 'timeZone'>, { language = 'th', era = 'be' }: DescribeOptions = {}): string | null {
  const rdates = [...(source.rdates ?? [])].sort();
  if (!source.rrule && rdates.length === 0) return null;
  const words = language === 'en' ? EN : TH;
  const start = new Date(source.start);
  const { include, exclude } = ruleLines(source.rrule ?? '');
  const listed = (dates: string[]) => dates.slice(0, RDATES_LISTED).map((d) => dateWords(d, era)).join(', ');
  let text: string;
  if (include.length === 0 || (include.length === 1 && include[0] === DATES_ONLY_RULE)) {
    // A series of dates only: its start and its extra dates.
    const all = [source.start, ...rdates.filter((d) => d !== source.start)];
    text = words.onDates(listed(all), Math.max(0, all.length - RDATES_LISTED));
  } else {
    text = words.list(include.map((rule) => describeRule(rule, start, words, era)));
    if (rdates.length > 0) text += ` ${words.plusDates(listed(rdates), Math.max(0, rdates.length - RDATES_LISTED))}`;
  }
  for (const rule of exclude) text += ` ${words.except(describeRule(rule, start, words, era))}`;
  // Another zone's clock is worth saying; the device's own (Asia/Bangkok here) is not.
  if (source.timeZone && source.timeZone !== 'UTC' && source.timeZone !== Intl.DateTimeFormat().resolvedOptions().timeZone) text += ` ${words.zone(source.timeZone)}`;
  return text;
}

