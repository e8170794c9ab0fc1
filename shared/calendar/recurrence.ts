// Recurring activities (a monthly meeting, a weekly training) are one record with an RFC 5545
// RRULE and exception dates; occurrences are computed for the range on screen, never stored.
//
// rrule computes in "floating" time: it reads a Date's UTC fields as the wall clock. We hand it
// local wall-clock times written into UTC fields and read its answers back the same way, so a
// rule means the same local times whatever the machine's time zone (and across DST elsewhere).
import { RRule } from './rrule-module';
import { addDays, allDayEnd, startOfDay } from './calendar-dates';

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

/** The fields of an activity that recurrence reads. */
export interface RecurrenceSource {
  start: string;
  end: string;
  allDay: boolean;
  rrule: string | null;
  exdates: readonly string[];
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

/** Strips an optional "RRULE:" prefix and spaces; rules are stored without DTSTART. */
export function normaliseRule(rule: string): string {
  return rule.trim().replace(/^RRULE:/i, '').replace(/\s+/g, '').toUpperCase();
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

/**
 * Checks a stored rule: parseable, one of the frequencies an activity can have (no hourly or
 * secondly rules that would flood a calendar), and without its own DTSTART (the activity's
 * start is the rule's start). Returns null when the rule is fine.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  const text = normaliseRule(rule);
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

// Parsed rules are reused across renders: building an RRule costs more than iterating it,
// and each RRule keeps a cache of the ranges already asked for.
const ruleCache = new Map<string, RRule>();
const RULE_CACHE_LIMIT = 500;

function ruleFor(rule: string, start: Date): RRule {
  const key = `${start.getTime()}|${rule}`;
  let found = ruleCache.get(key);
  if (!found) {
    found = new RRule({ ...RRule.parseString(normaliseRule(rule)), dtstart: toFloating(start) });
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

/**
 * The occurrences of an activity that overlap [from, to): one for a one-off activity, the
 * rule's instances minus its exceptions for a recurring one. Throws on a rule that does not parse.
 */
export function expandOccurrences(source: RecurrenceSource, from: Date, to: Date): Occurrence[] {
  const start = new Date(source.start);
  const end = new Date(source.end);
  if (!source.rrule) {
    return start < to && end >= from ? [{ start, end, originalStart: start, recurring: false }] : [];
  }
  const span = end.getTime() - start.getTime();
  const excluded = new Set(source.exdates.map((d) => Date.parse(d)));
  // Widen the search by the activity's length so one that started before `from` still shows.
  const searchFrom = toFloating(new Date(from.getTime() - span - 86_400_000));
  const searchTo = toFloating(to);
  const occurrences: Occurrence[] = [];
  for (const floating of ruleFor(source.rrule, start).between(searchFrom, searchTo, true)) {
    const occurrenceStart = fromFloating(floating);
    if (excluded.has(occurrenceStart.getTime())) continue;
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

/** Recognises a rule built by buildRule for this start, to show it back in the form. */
export function presetOf(rule: string | null, start: Date): { preset: RecurrencePreset; until: Date | null } {
  if (!rule) return { preset: 'none', until: null };
  const text = normaliseRule(rule);
  const untilMatch = /(?:^|;)UNTIL=(\d{8})/.exec(text);
  const until = untilMatch ? new Date(Number(untilMatch[1]!.slice(0, 4)), Number(untilMatch[1]!.slice(4, 6)) - 1, Number(untilMatch[1]!.slice(6, 8))) : null;
  for (const preset of ['daily', 'weekly', 'monthly-date', 'monthly-weekday', 'yearly'] as const) {
    if (buildRule(preset, start, until) === text) return { preset, until };
  }
  return { preset: 'custom', until: null };
}
