// Import from iCalendar with ical.js. The whole file is checked before anything is written: a
// bad file gives every problem with its line number, and the caller writes all or nothing.
import ICAL from 'ical.js';
import { ACTIVITY_TYPES, CalendarEvent, type ActivityType, type ParticipantGroup } from '../domain/calendar-event';
import { allDayEnd, addDays } from './calendar-dates';
import { X_ACTUAL, X_EXPECTED, X_ORGANISER, X_TAMBON, X_TYPE, type IcsActivity } from './ics-activity';
import { scanIcsLines, type IcsLineProblem, type VeventLines } from './ics-lines';
import { normaliseRule, ruleProblem } from './recurrence';

export type IcsErrorCode =
  | IcsLineProblem['code']
  | 'unreadable'
  | 'no-events'
  | 'missing-summary'
  | 'missing-start'
  | 'bad-date'
  | 'end-before-start'
  | 'bad-rule'
  | 'bad-tambon'
  | 'bad-count'
  | 'invalid-field';

export interface IcsError {
  line: number;
  code: IcsErrorCode;
  /** The offending text, or the field's own message. */
  detail: string;
  /** The activity's title when known, so the user can find it in their other calendar. */
  title?: string;
}

export type IcsParseResult = { ok: true; activities: IcsActivity[] } | { ok: false; errors: IcsError[] };

/** Files larger than this are refused before parsing: a province's calendar is far smaller. */
export const MAX_ICS_BYTES = 5 * 1024 * 1024;

const JCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/;

/**
 * ical.js rolls 20221340 over into 2023 without a word; the property's raw jCal text still
 * says month 13, so that is what is checked.
 */
function rawTimesAreReal(property: ICAL.Property | null): boolean {
  if (!property) return true;
  return (property.jCal.slice(3) as unknown[]).every((raw) => {
    const m = typeof raw === 'string' ? JCAL_TIME.exec(raw) : null;
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dateOk = year >= 1900 && year <= 2600 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(year, month, 0).getDate();
    return dateOk && (m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60));
  });
}

function isRealTime(t: ICAL.Time, property: ICAL.Property | null): boolean {
  return rawTimesAreReal(property) && t.year >= 1900 && t.year <= 2600;
}

/** A local Date for an ICAL.Time: dates at local midnight, floating times as local, zoned ones converted. */
function toLocal(t: ICAL.Time): Date {
  if (t.isDate) return new Date(t.year, t.month - 1, t.day);
  if (t.zone === ICAL.Timezone.localTimezone || !t.zone || t.zone.tzid === 'floating') return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return t.toJSDate();
}

function participantLines(vevent: ICAL.Component, name: string): { groups: ParticipantGroup[]; bad: string | null } {
  const groups: ParticipantGroup[] = [];
  for (const property of vevent.getAllProperties(name)) {
    const text = String(property.getFirstValue() ?? '');
    const match = /^(\d{1,7}) (.+)$/s.exec(text.trim());
    if (!match) return { groups, bad: text };
    groups.push({ count: Number(match[1]), group: match[2]!.trim() });
  }
  return { groups, bad: null };
}

/** An UNTIL in UTC is moved to local wall-clock time: rules are expanded in floating time. */
function floatingRule(recur: ICAL.Recur): string {
  const copy = recur.clone();
  if (copy.until && !copy.until.isDate && copy.until.zone === ICAL.Timezone.utcTimezone) {
    const local = copy.until.toJSDate();
    copy.until = ICAL.Time.fromData({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds() });
  }
  // A DATE UNTIL (all-day series) is kept as the end of that day, the form buildRule writes.
  return normaliseRule(copy.toString()).replace(/UNTIL=(\d{8})(?=;|$)/, 'UNTIL=$1T235959');
}

function textOf(vevent: ICAL.Component, name: string): string {
  const value = vevent.getFirstPropertyValue(name);
  return value === null || value === undefined ? '' : String(value).trim();
}

function readVevent(vevent: ICAL.Component, lines: VeventLines, errors: IcsError[]): IcsActivity | null {
  const lineOf = (name: string) => lines.properties.get(name.toUpperCase()) ?? lines.begin;
  const title = textOf(vevent, 'summary');
  const fail = (name: string, code: IcsErrorCode, detail = ''): null => {
    errors.push({ line: lineOf(name), code, detail, ...(title ? { title } : {}) });
    return null;
  };
  if (!title) return fail('begin', 'missing-summary');

  const startValue = vevent.getFirstPropertyValue('dtstart');
  if (!(startValue instanceof ICAL.Time)) return fail('dtstart', 'missing-start');
  if (!isRealTime(startValue, vevent.getFirstProperty('dtstart'))) return fail('dtstart', 'bad-date', startValue.toString());
  const endValue = vevent.getFirstPropertyValue('dtend');
  if (endValue !== null && !(endValue instanceof ICAL.Time)) return fail('dtend', 'bad-date', String(endValue));
  if (endValue instanceof ICAL.Time && !isRealTime(endValue, vevent.getFirstProperty('dtend'))) return fail('dtend', 'bad-date', endValue.toString());

  const allDay = startValue.isDate;
  const start = toLocal(startValue);
  let end: Date;
  if (endValue instanceof ICAL.Time) {
    const exclusive = toLocal(endValue);
    if (exclusive < start) return fail('dtend', 'end-before-start', `${startValue.toString()} → ${endValue.toString()}`);
    // DTEND of a date is exclusive: an activity on the 24th and 25th ends on the 26th.
    end = allDay ? allDayEnd(exclusive > start ? addDays(exclusive, -1) : start) : exclusive;
  } else {
    const duration = vevent.getFirstPropertyValue('duration');
    const seconds = duration instanceof ICAL.Duration ? duration.toSeconds() : 0;
    if (seconds < 0) return fail('duration', 'end-before-start', String(duration));
    end = allDay ? allDayEnd(addDays(start, Math.max(0, Math.ceil(seconds / 86_400) - 1))) : new Date(start.getTime() + seconds * 1000);
  }

  let rrule: string | null = null;
  const recur = vevent.getFirstPropertyValue('rrule');
  if (recur instanceof ICAL.Recur) {
    rrule = floatingRule(recur);
    if (ruleProblem(rrule)) return fail('rrule', 'bad-rule', rrule);
  } else if (vevent.hasProperty('rrule')) return fail('rrule', 'bad-rule', String(recur));
  const exdates: string[] = [];
  for (const property of vevent.getAllProperties('exdate')) {
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time) || !isRealTime(value, property)) return fail('exdate', 'bad-date', String(value));
      exdates.push(toLocal(value).toISOString());
    }
  }

  const tambon = textOf(vevent, X_TAMBON);
  if (tambon && !/^\d{6}$/.test(tambon)) return fail(X_TAMBON, 'bad-tambon', tambon);
  const expected = participantLines(vevent, X_EXPECTED);
  if (expected.bad !== null) return fail(X_EXPECTED, 'bad-count', expected.bad);
  const actual = participantLines(vevent, X_ACTUAL);
  if (actual.bad !== null) return fail(X_ACTUAL, 'bad-count', actual.bad);
  const typeText = textOf(vevent, X_TYPE);
  const type: ActivityType = (ACTIVITY_TYPES as readonly string[]).includes(typeText) ? (typeText as ActivityType) : 'other';

  const activity: IcsActivity = {
    // A VEVENT without UID (not valid RFC 5545, but seen) gets one from its content, so
    // importing the same file twice still finds the duplicate.
    uid: textOf(vevent, 'uid') || `${startValue.toString()}|${title}`,
    title,
    type,
    start: start.toISOString(),
    end: end.toISOString(),
    allDay,
    place: textOf(vevent, 'location'),
    placeTambonCode: tambon || null,
    organiser: textOf(vevent, X_ORGANISER),
    description: textOf(vevent, 'description'),
    expected: expected.groups,
    actual: actual.groups,
    rrule,
    exdates,
  };
  return checkAgainstSchema(activity, lineOf, errors) ? activity : null;
}

const PROPERTY_OF_FIELD: Record<string, string> = {
  title: 'summary',
  place: 'location',
  description: 'description',
  organiser: X_ORGANISER,
  expected: X_EXPECTED,
  actual: X_ACTUAL,
  end: 'dtend',
  exdates: 'exdate',
  icsUid: 'uid',
};

/** The same rules a record must pass when it is written, checked now so the preview is honest. */
function checkAgainstSchema(activity: IcsActivity, lineOf: (name: string) => number, errors: IcsError[]): boolean {
  const { uid, ...content } = activity;
  const at = new Date(0).toISOString();
  const candidate = { ...content, icsUid: uid, id: '00000000-0000-7000-8000-000000000000', provinceCode: '10', districtCode: null, deleted: false, createdAt: at, updatedAt: at };
  const parsed = CalendarEvent.safeParse(candidate);
  if (parsed.success) return true;
  for (const issue of parsed.error.issues) {
    errors.push({ line: lineOf(PROPERTY_OF_FIELD[String(issue.path[0])] ?? 'begin'), code: 'invalid-field', detail: issue.message, title: activity.title });
  }
  return false;
}

/**
 * Reads an .ics file into activities, or every problem found. A VEVENT with RECURRENCE-ID (one
 * changed instance of a series) becomes a one-off activity and an exception of its series.
 */
export function parseIcs(text: string): IcsParseResult {
  const scan = scanIcsLines(text);
  if (scan.problems.length > 0) return { ok: false, errors: scan.problems };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')) as unknown[]);
  } catch (error) {
    return { ok: false, errors: [{ line: 1, code: 'unreadable', detail: (error as Error).message.slice(0, 200) }] };
  }
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);

  const errors: IcsError[] = [];
  const activities: IcsActivity[] = [];
  const overrides: { uid: string; originalStart: string; activity: IcsActivity }[] = [];
  root.getAllSubcomponents('vevent').forEach((vevent, index) => {
    const lines = scan.vevents[index] ?? { begin: 1, properties: new Map<string, number>() };
    let activity: IcsActivity | null;
    try {
      activity = readVevent(vevent, lines, errors);
    } catch (error) {
      errors.push({ line: lines.begin, code: 'unreadable', detail: (error as Error).message.slice(0, 200) });
      return;
    }
    if (!activity) return;
    const recurrenceId = vevent.getFirstPropertyValue('recurrence-id');
    if (recurrenceId instanceof ICAL.Time) {
      const originalStart = toLocal(recurrenceId).toISOString();
      overrides.push({ uid: activity.uid, originalStart, activity: { ...activity, uid: `${activity.uid}#${originalStart}` } });
    } else activities.push(activity);
  });
  if (errors.length > 0) return { ok: false, errors };
  for (const { uid, originalStart, activity } of overrides) {
    const series = activities.find((a) => a.uid === uid);
    if (series && !series.exdates.includes(originalStart)) series.exdates.push(originalStart);
    activities.push(activity);
  }
  if (activities.length === 0) return { ok: false, errors: [{ line: 1, code: 'no-events', detail: '' }] };
  return { ok: true, activities };
}
