// Thai calendar formatting and parsing. Day, month and year come from Intl (th-TH is Buddhist Era
// by default; we ask for the calendar explicitly so a runtime with another default cannot surprise
// us) and are assembled by hand with formatToParts, because ICU's own patterns vary between versions.
// Dates are local calendar dates: formatters use the machine's time zone, parsing builds
// `new Date(y, m, d)`.

export type Era = 'be' | 'ce';

export interface DateFormatOptions {
  /** 'be' (พ.ศ., the default) or 'ce' (ค.ศ.). */
  era?: Era;
  /** Write the result with Thai digits (๐–๙), as official letters often do. */
  thaiDigits?: boolean;
}

export interface TimeFormatOptions {
  thaiDigits?: boolean;
}

/** Years are counted from the Buddha's parinirvana, 543 years before the Common Era. */
export const BUDDHIST_ERA_OFFSET = 543;

export const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
  'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

/** Sunday first, as Thai wall calendars are. Fixed strings: ICU's short weekday names vary. */
export const THAI_WEEKDAY_HEADS = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'] as const;

/** Full weekday names without the leading "วัน", Sunday first. */
export const THAI_WEEKDAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'] as const;

const THAI_ZERO = 0x0e50;

/** Replaces Arabic digits with Thai digits (0 → ๐ … 9 → ๙); everything else is kept. */
export function toThaiDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 0x30));
}

/** Replaces Thai digits with Arabic digits; everything else is kept. */
export function fromThaiDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String.fromCharCode(0x30 + d.charCodeAt(0) - THAI_ZERO));
}

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

export function toGregorianYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

type Style = 'monthYear' | 'short' | 'long' | 'weekday' | 'time';

const STYLE_OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  monthYear: { year: 'numeric', month: 'long' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  // h23, not hour12: false: some engines print midnight as "24" with the latter.
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

// Building an Intl.DateTimeFormat costs far more than using one; calendars render many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, era: Era): Intl.DateTimeFormat {
  const key = `${style}:${era}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('th-TH', {
      ...STYLE_OPTIONS[style],
      calendar: era === 'ce' ? 'gregory' : 'buddhist',
      numberingSystem: 'latn',
    });
    formatters.set(key, found);
  }
  return found;
}

type PartType = 'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute';
type DateParts = Record<PartType, string>;

function assertValidDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

function partsOf(date: Date, style: Style, era: Era): DateParts {
  assertValidDate(date);
  const parts: DateParts = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  for (const { type, value } of formatter(style, era).formatToParts(date)) {
    if (type in parts) parts[type as PartType] = value;
  }
  return parts;
}

function finish(text: string, thaiDigits: boolean | undefined): string {
  return thaiDigits ? toThaiDigits(text) : text;
}

/** "สิงหาคม 2565" — the heading of a month view. */
export function formatMonthHeading(date: Date, { era = 'be', thaiDigits }: DateFormatOptions = {}): string {
  const p = partsOf(date, 'monthYear', era);
  return finish(`${p.month} ${p.year}`, thaiDigits);
}

/** "16 มิ.ย. 2565" */
export function formatShortDate(date: Date, { era = 'be', thaiDigits }: DateFormatOptions = {}): string {
  const p = partsOf(date, 'short', era);
  return finish(`${p.day} ${p.month} ${p.year}`, thaiDigits);
}

/** "16 มิถุนายน 2565" */
export function formatLongDate(date: Date, { era = 'be', thaiDigits }: DateFormatOptions = {}): string {
  const p = partsOf(date, 'long', era);
  return finish(`${p.day} ${p.month} ${p.year}`, thaiDigits);
}

/** "วันพฤหัสบดีที่ 16 มิถุนายน 2565" */
export function formatDateWithWeekday(date: Date, { era = 'be', thaiDigits }: DateFormatOptions = {}): string {
  const p = partsOf(date, 'weekday', era);
  // ICU currently says "วันพฤหัสบดี"; strip and re-add "วัน" so an ICU without it reads the same.
  const weekday = p.weekday.replace(/^วัน/, '');
  return finish(`วัน${weekday}ที่ ${p.day} ${p.month} ${p.year}`, thaiDigits);
}

/** "09.30 น." — Thai style: a dot between hour and minute, then "น." (นาฬิกา). */
export function formatTime(date: Date, { thaiDigits }: TimeFormatOptions = {}): string {
  const p = partsOf(date, 'time', 'be');
  return finish(`${p.hour}.${p.minute} น.`, thaiDigits);
}

const RANGE_DASH = ' – ';

/**
 * "24 – 25 ส.ค. 2565" within a month, "30 ก.ย. – 2 ต.ค. 2565" within a year, both dates in full
 * otherwise. Throws a RangeError when the end is before the start.
 */
export function formatDateRange(start: Date, end: Date, { era = 'be', thaiDigits }: DateFormatOptions = {}): string {
  const a = partsOf(start, 'short', era);
  const b = partsOf(end, 'short', era);
  if (calendarDayKey(end) < calendarDayKey(start)) throw new RangeError('The range ends before it starts');
  const sameYear = start.getFullYear() === end.getFullYear();
  const sameMonth = sameYear && start.getMonth() === end.getMonth();
  let text: string;
  if (sameMonth && start.getDate() === end.getDate()) text = `${a.day} ${a.month} ${a.year}`;
  else if (sameMonth) text = `${a.day}${RANGE_DASH}${b.day} ${b.month} ${b.year}`;
  else if (sameYear) text = `${a.day} ${a.month}${RANGE_DASH}${b.day} ${b.month} ${b.year}`;
  else text = `${a.day} ${a.month} ${a.year}${RANGE_DASH}${b.day} ${b.month} ${b.year}`;
  return finish(text, thaiDigits);
}

function calendarDayKey(date: Date): number {
  return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
}

/** ปีงบประมาณ: runs 1 October – 30 September and is named by the BE year it ends in. */
export function fiscalYearOf(date: Date): number {
  assertValidDate(date);
  const OCTOBER = 9;
  return toBuddhistYear(date.getFullYear() + (date.getMonth() >= OCTOBER ? 1 : 0));
}

// Month names keyed without dots or spaces, so "มิ.ย.", "มิย" and "มิถุนายน" all resolve.
const MONTH_BY_NAME = new Map<string, number>();
THAI_MONTHS.forEach((name, i) => MONTH_BY_NAME.set(name, i));
THAI_MONTHS_SHORT.forEach((name, i) => MONTH_BY_NAME.set(name.replace(/\./g, ''), i));

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TEXT_DMY = /^(\d{1,2}) ?(\p{Script=Thai}[\p{Script=Thai}.]*?) ?(?:(พ\.ศ\.|ค\.ศ\.) ?)?(\d{4})$/u;
// "วันที่ 16 …" or "วันพฤหัสบดีที่ 16 …": the weekday is optional but checked when present.
const WEEKDAY_PREFIX = /^วัน(\p{Script=Thai}*?)ที่ ?/u;

/** Above this a four-digit year is taken as Buddhist Era (2400 BE was 1857 CE). */
const LATEST_CE_YEAR = 2400;

/**
 * Reads a date typed or pasted by a Thai user: "16/06/2565", "16/6/2022", "2565-06-16",
 * "16 มิ.ย. 2565", "16 มิถุนายน พ.ศ. 2565", "วันที่ 16 มิ.ย. 2565", Thai digits too. The year
 * must have four digits (a two-digit year is ambiguous between eras); without "พ.ศ." or "ค.ศ."
 * a year above 2400 is BE. Returns null for anything that is not a real calendar date.
 */
export function parseThaiDate(input: string): Date | null {
  let text = fromThaiDigits(input.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let weekday: string | undefined;
  const prefix = WEEKDAY_PREFIX.exec(text);
  if (prefix) {
    weekday = prefix[1] || undefined;
    text = text.slice(prefix[0].length);
  }

  const date = parseDayMonthYear(text);
  if (date && weekday !== undefined && THAI_WEEKDAYS[date.getDay()] !== weekday) return null;
  return date;
}

function parseDayMonthYear(text: string): Date | null {
  const dmy = NUMERIC_DMY.exec(text);
  if (dmy) return calendarDate(dmy[3], Number(dmy[2]) - 1, dmy[1], undefined);
  const ymd = ISO_YMD.exec(text);
  if (ymd) return calendarDate(ymd[1], Number(ymd[2]) - 1, ymd[3], undefined);
  const named = TEXT_DMY.exec(text);
  if (!named) return null;
  const month = MONTH_BY_NAME.get((named[2] ?? '').replace(/\./g, ''));
  if (month === undefined) return null;
  const era = named[3] === 'พ.ศ.' ? 'be' : named[3] === 'ค.ศ.' ? 'ce' : undefined;
  return calendarDate(named[4], month, named[1], era);
}

function calendarDate(yearText: string | undefined, month: number, dayText: string | undefined, era: Era | undefined): Date | null {
  const written = Number(yearText);
  const day = Number(dayText);
  const isBuddhist = era ? era === 'be' : written > LATEST_CE_YEAR;
  const year = isBuddhist ? toGregorianYear(written) : written;
  const date = new Date(year, month, day);
  // Date rolls 31/02 over into March; a real date reads back the same fields it was built from.
  const real = date.getFullYear() === year && date.getMonth() === month && date.getDate() === day;
  return real ? date : null;
}
