// Recurring activities (a monthly meeting, a weekly training) are one record with RFC 5545
// rules (one or more RRULE, optionally EXRULE), extra dates (RDATE) and exception dates (EXDATE);
// occurrences are computed for the range on screen, never stored.
//
// rrule computes in "floating" time: it reads a Date's UTC fields as the wall clock. We hand it
// wall-clock times written into UTC fields and read its answers back the same way. A rule made
// here is a local wall-clock rule (timeZone null): it means the same local times whatever the
// machine's time zone. A rule imported from a calendar kept in another zone keeps that zone
// (timeZone "America/Los_Angeles"), so "every first Tuesday at 10.00" stays 10.00 there across
// its DST changes and is shown here at whatever local time that is.
import { RRule } from './rrule-module';
import { addDays, allDayEnd, startOfDay } from './calendar-dates';
import { fromZoneWallClock, toZoneWallClock } from './zoned-time';

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

/** The fields of an activity that recurrence reads. */
export interface RecurrenceSource {
  start: string;
  end: string;
  allDay: boolean;
  /** One rule, or several lines: RRULE lines (the "RRULE:" prefix optional) and "EXRULE:" lines. */
  rrule: string | null;
  exdates: readonly string[];
  /** Extra occurrences (RDATE), as the instants they start at. */
  rdates?: readonly string[];
  /** IANA zone the rules run in; null or absent: the device's local wall clock. */
  timeZone?: string | null;
}

export interface Occurrence {
  start: Date;
  end: Date;
  /** The start this occurrence has by its rule: the key an exception (EXDATE) names. */
  originalStart: Date;
  /** True when it comes from a rule, false for a one-off activity. */
  recurring: boolean;
}

function toFloating(local: Date): Date {
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

function fromFloating(floating: Date): Date {
  return new Date(floating.getUTCFullYear(), floating.getUTCMonth(), floating.getUTCDate(), floating.getUTCHours(), floating.getUTCMinutes(), floating.getUTCSeconds());
}

/** Converts between instants and the wall clock the activity's rules run on. */
export interface WallClock {
  toWall(instant: Date): Date;
  fromWall(floating: Date): Date;
}

export function wallClockOf(timeZone: string | null | undefined): WallClock {
  if (!timeZone) return { toWall: toFloating, fromWall: fromFloating };
  return { toWall: (d) => toZoneWallClock(d, timeZone), fromWall: (f) => fromZoneWallClock(f, timeZone) };
}

const EXRULE_PREFIX = 'EXRULE:';

/** The rule of a series of dates only (RDATE, no RRULE): its start, once (as Google Calendar writes it). */
export const DATES_ONLY_RULE = 'FREQ=DAILY;COUNT=1';

/**
 * A rule text in its stored form: each line without spaces and upper-cased, RRULE lines without
 * their "RRULE:" prefix, EXRULE lines with theirs, empty lines dropped, one line per rule.
 */
export function normaliseRule(rule: string): string {
  return rule
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/\s+/g, '').toUpperCase().replace(/^RRULE:/, ''))
    .filter((line) => line !== '')
    .join('\n');
}

/** The rules of a rule text: those that make occurrences (RRULE) and those that remove them (EXRULE). */
export function ruleLines(rule: string): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const line of normaliseRule(rule).split('\n')) {
    if (line === '') continue;
    if (line.startsWith(EXRULE_PREFIX)) exclude.push(line.slice(EXRULE_PREFIX.length));
    else include.push(line);
  }
  return { include, exclude };
}

/** Writes rules back into one stored text (the inverse of ruleLines). */
export function joinRules(include: readonly string[], exclude: readonly string[] = []): string {
  return [...include, ...exclude.map((r) => `${EXRULE_PREFIX}${r}`)].join('\n');
}

export type RuleProblem = 'syntax' | 'frequency' | 'dtstart';

// rrule's own parser lets through values such as BYMONTHDAY=abc (as NaN); each part is checked
// against the RFC 5545 grammar first.
const DAY = '(?:SU|MO|TU|WE|TH|FR|SA)';
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const RULE_PARTS: Record<string, RegExp> = {
  FREQ: /^[A-Z]+$/,
  INTERVAL: /^[1-9]\d{0,3}$/,
  COUNT: /^[1-9]\d{0,4}$/,
  UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
  BYDAY: list(`[+-]?(?:[1-9]|[1-4]\\d|5[0-3])?${DAY}`),
  BYMONTHDAY: list('[+-]?(?:[1-9]|[12]\\d|3[01])'),
  BYMONTH: list('(?:[1-9]|1[0-2])'),
  BYYEARDAY: list('[+-]?(?:[1-9]\\d{0,2})'),
  BYWEEKNO: list('[+-]?(?:[1-9]|[1-4]\\d|5[0-3])'),
  BYSETPOS: list('[+-]?(?:[1-9]\\d{0,2})'),
  WKST: new RegExp(`^${DAY}$`),
};

function partsAreValid(text: string): boolean {
  return text.split(';').every((part) => {
    const [key, value, ...rest] = part.split('=');
    const pattern = RULE_PARTS[key ?? ''];
    return rest.length === 0 && value !== undefined && pattern !== undefined && pattern.test(value);
  });
}

function oneRuleProblem(text: string): RuleProblem | null {
  if (/(^|;)DTSTART/.test(text)) return 'dtstart';
  if (!partsAreValid(text)) return 'syntax';
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) return 'syntax';
    const name = RRule.FREQUENCIES[options.freq];
    return (RECURRENCE_FREQUENCIES as readonly string[]).includes(name ?? '') ? null : 'frequency';
  } catch {
    return 'syntax';
  }
}

/**
 * Checks a stored rule text: at least one RRULE, every rule parseable, of a frequency an activity
 * can have (no hourly or secondly rules that would flood a calendar), and without its own DTSTART
 * (the activity's start is the rules' start). Returns null when the rules are fine.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  const { include, exclude } = ruleLines(rule);
  if (include.length === 0) return 'syntax';
  for (const text of [...include, ...exclude]) {
    const problem = oneRuleProblem(text);
    if (problem) return problem;
  }
  return null;
}

// Parsed rules are reused across renders: building an RRule costs more than iterating it,
// and each RRule keeps a cache of the ranges already asked for.
const ruleCache = new Map<string, RRule>();
const RULE_CACHE_LIMIT = 500;

function ruleFor(rule: string, wallStart: Date): RRule {
  const key = `${wallStart.getTime()}|${rule}`;
  let found = ruleCache.get(key);
  if (!found) {
    found = new RRule({ ...RRule.parseString(rule), dtstart: wallStart });
    if (ruleCache.size >= RULE_CACHE_LIMIT) ruleCache.delete(ruleCache.keys().next().value as string);
    ruleCache.set(key, found);
  }
  return found;
}

/** Whole days an all-day activity spans after its first (0 for a one-day activity). */
function extraDays(start: Date, end: Date): number {
  return Math.round((startOfDay(end).getTime() - startOfDay(start).getTime()) / 86_400_000);
}

function endFor(source: RecurrenceSource, occurrenceStart: Date, start: Date, end: Date): Date {
  if (source.allDay) return allDayEnd(addDays(occurrenceStart, extraDays(start, end)));
  return new Date(occurrenceStart.getTime() + (end.getTime() - start.getTime()));
}

/** Whether an activity recurs: it has a rule or extra dates. */
export function isRecurring(source: Pick<RecurrenceSource, 'rrule' | 'rdates'>): boolean {
  return !!source.rrule || (source.rdates?.length ?? 0) > 0;
}

const DAY_MS = 86_400_000;

/**
 * The occurrences of an activity that overlap [from, to): one for a one-off activity; for a
 * recurring one its start, the instances of its rules and its extra dates, less the instances of
 * its exclusion rules and its exceptions. Throws on a rule that does not parse.
 */
export function expandOccurrences(source: RecurrenceSource, from: Date, to: Date): Occurrence[] {
  const start = new Date(source.start);
  const end = new Date(source.end);
  if (!isRecurring(source)) {
    return start < to && end >= from ? [{ start, end, originalStart: start, recurring: false }] : [];
  }
  const span = end.getTime() - start.getTime();
  const clock = wallClockOf(source.allDay ? null : source.timeZone);
  const wallStart = clock.toWall(start);
  // Search the wall clock widely enough (the activity's length, and a day each side for the
  // zone's offset) that one which started before `from` still shows; then keep what overlaps.
  const searchFrom = new Date(clock.toWall(new Date(from.getTime() - span)).getTime() - 2 * DAY_MS);
  const searchTo = new Date(clock.toWall(to).getTime() + DAY_MS);
  const starts = new Map<number, Date>();
  const add = (instant: Date) => starts.set(instant.getTime(), instant);
  const { include, exclude } = ruleLines(source.rrule ?? '');
  for (const rule of include) for (const wall of ruleFor(rule, wallStart).between(searchFrom, searchTo, true)) add(clock.fromWall(wall));
  // DTSTART is always the first instance of the set (RFC 5545 3.8.5.3), whether or not it matches a rule.
  add(start);
  for (const rdate of source.rdates ?? []) add(new Date(rdate));
  for (const rule of exclude) for (const wall of ruleFor(rule, wallStart).between(searchFrom, searchTo, true)) starts.delete(clock.fromWall(wall).getTime());
  for (const exdate of source.exdates) starts.delete(Date.parse(exdate));

  const occurrences: Occurrence[] = [];
  for (const occurrenceStart of [...starts.values()].sort((a, b) => a.getTime() - b.getTime())) {
    const occurrenceEnd = endFor(source, occurrenceStart, start, end);
    if (occurrenceStart < to && occurrenceEnd >= from) {
      occurrences.push({ start: occurrenceStart, end: occurrenceEnd, originalStart: occurrenceStart, recurring: true });
    }
  }
  return occurrences;
}

/** The presets the event form offers; 'custom' keeps a rule that came from an ICS file as it is. */
export const RECURRENCE_PRESETS = ['none', 'daily', 'weekly', 'monthly-date', 'monthly-weekday', 'yearly', 'custom'] as const;
export type RecurrencePreset = (typeof RECURRENCE_PRESETS)[number];

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Which nth weekday of its month a date is: 1–4, or -1 for the last one (as "the last Friday"). */
export function weekdayOrdinal(date: Date): number {
  const nth = Math.ceil(date.getDate() / 7);
  return nth === 5 ? -1 : nth;
}

/**
 * A rule for a preset, starting at `start`, optionally until a last day (inclusive, local).
 * Monthly by weekday: "the 2nd Tuesday"; in the 5th week it is "the last Tuesday".
 */
export function buildRule(preset: Exclude<RecurrencePreset, 'none' | 'custom'>, start: Date, until: Date | null): string {
  const parts: string[] = [];
  switch (preset) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY', `BYDAY=${WEEKDAY_CODES[start.getDay()]}`);
      break;
    case 'monthly-date':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${start.getDate()}`);
      break;
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY', `BYDAY=${weekdayOrdinal(start)}${WEEKDAY_CODES[start.getDay()]}`);
      break;
    case 'yearly':
      parts.push('FREQ=YEARLY');
      break;
  }
  if (until) {
    const f = toFloating(new Date(until.getFullYear(), until.getMonth(), until.getDate(), 23, 59, 59));
    // Floating (no Z), like the rule's start: RFC 5545 wants UNTIL in the form of DTSTART.
    parts.push(`UNTIL=${f.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '')}`);
  }
  return parts.join(';');
}

/**
 * Recognises a rule built by buildRule for this start, to show it back in the form. Anything
 * more (several rules, extra dates, another zone's clock) is 'custom'.
 */
export function presetOf(rule: string | null, start: Date, extras: Pick<RecurrenceSource, 'rdates' | 'timeZone'> = {}): { preset: RecurrencePreset; until: Date | null } {
  if (!rule) return { preset: (extras.rdates?.length ?? 0) > 0 ? 'custom' : 'none', until: null };
  if (extras.timeZone || (extras.rdates?.length ?? 0) > 0) return { preset: 'custom', until: null };
  const text = normaliseRule(rule);
  const untilMatch = /(?:^|;)UNTIL=(\d{8})/.exec(text);
  const until = untilMatch ? new Date(Number(untilMatch[1]!.slice(0, 4)), Number(untilMatch[1]!.slice(4, 6)) - 1, Number(untilMatch[1]!.slice(6, 8))) : null;
  for (const preset of ['daily', 'weekly', 'monthly-date', 'monthly-weekday', 'yearly'] as const) {
    if (buildRule(preset, start, until) === text) return { preset, until };
  }
  return { preset: 'custom', until: null };
}
