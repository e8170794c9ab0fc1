// Import from iCalendar with ical.js. Files come from Google Calendar, Outlook, Apple and many
// smaller tools, and not all of them follow RFC 5545: a file never makes this throw, one bad event
// never blocks the others (it is skipped, with its line and the reason), and an event without a
// title is kept under a Thai placeholder. Nothing is written here: the caller shows the result
// and writes all of it or none.
import ICAL from 'ical.js';
import { ACTIVITY_TYPES, CalendarEvent, type ActivityType, type ParticipantGroup } from '../domain/calendar-event';
import { allDayEnd, addDays, startOfDay } from './calendar-dates';
import { ICS_FIELDS, X_ACTUAL, X_EXPECTED, X_ORGANISER, X_TAMBON, X_TYPE, type IcsActivity, type IcsField } from './ics-activity';
import { scanIcsLines, type IcsComponentLines, type IcsLineProblem } from './ics-lines';
import { ianaZoneOf } from './ics-time-zone';
import { DATES_ONLY_RULE, joinRules, normaliseRule, ruleProblem, wallClockOf } from './recurrence';
import { fromZoneWallClock } from './zoned-time';

export type IcsErrorCode =
  | IcsLineProblem['code']
  | 'unreadable'
  | 'no-events'
  | 'missing-start'
  | 'bad-date'
  | 'end-before-start'
  | 'bad-rule'
  | 'bad-tambon'
  | 'bad-count'
  | 'invalid-field'
  | 'orphan-override'
  | 'duplicate-uid';

export interface IcsError {
  line: number;
  code: IcsErrorCode;
  /** The offending text, or the field's own message. */
  detail: string;
  /** The activity's title when known, so the user can find it in their other calendar. */
  title?: string;
}

/** Things read differently from how the file wrote them, said in the preview so none is silent. */
export type IcsNoteCode = 'untitled' | 'shortened' | 'unknown-zone' | 'ignored-line';

export interface IcsNote {
  line: number;
  code: IcsNoteCode;
  detail: string;
  title?: string;
}

export type IcsParseResult =
  | { ok: true; activities: IcsActivity[]; skipped: IcsError[]; notes: IcsNote[] }
  | { ok: false; errors: IcsError[] };

/** Files larger than this are refused before parsing (ten years of a busy Google calendar is far less). */
export const MAX_ICS_BYTES = 25 * 1024 * 1024;

/** The title an event without SUMMARY gets; the preview says so, and it can be renamed later. */
export const UNTITLED_ACTIVITY = 'กิจกรรมไม่มีชื่อ';

const JCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/;

/** ical.js rolls 20221340 over into 2023 without a word; the raw jCal text still says month 13. */
function rawTimeIsReal(raw: unknown): boolean {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const m = typeof text === 'string' ? JCAL_TIME.exec(text) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dateOk = year >= 1900 && year <= 2600 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(year, month, 0).getDate();
  return dateOk && (m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60));
}

/** A time as read: the instant it names, and the zone a series starting then would run in. */
interface ReadTime {
  date: Date;
  isDate: boolean;
  /** IANA zone of a zoned or UTC time; null for dates and floating times (the local clock). */
  zone: string | null;
  /** The TZID named, when no zone this runtime knows could be found for it. */
  unknownZone?: string;
}

function floatingOf(t: ICAL.Time): Date {
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}

/**
 * Reads a date or date-time. A TZID defined by a VTIMEZONE in the file is converted by ical.js
 * (the file's own rules are the authority); one that is only named ("Asia/Bangkok", Outlook's
 * "SE Asia Standard Time") through the runtime's zone data; a zone nobody knows is read as local.
 */
function readTime(t: ICAL.Time, tzid: string | null): ReadTime {
  if (t.isDate) return { date: new Date(t.year, t.month - 1, t.day), isDate: true, zone: null };
  if (t.zone === ICAL.Timezone.utcTimezone) return { date: t.toJSDate(), isDate: false, zone: 'UTC' };
  if (!tzid) return { date: new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), isDate: false, zone: null };
  const iana = ianaZoneOf(tzid);
  const definedInFile = t.zone !== undefined && t.zone !== null && t.zone.tzid !== 'floating' && t.zone !== ICAL.Timezone.localTimezone;
  if (definedInFile) return { date: t.toJSDate(), isDate: false, zone: iana, ...(iana ? {} : { unknownZone: tzid }) };
  if (iana) return { date: fromZoneWallClock(floatingOf(t), iana), isDate: false, zone: iana };
  return { date: new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), isDate: false, zone: null, unknownZone: tzid };
}

function tzidOf(property: ICAL.Property): string | null {
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' && tzid.trim() !== '' ? tzid : null;
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

// The longest title and place an activity keeps (CalendarEvent); longer ones are cut, and said so.
const TITLE_MAX = 300;
const PLACE_MAX = 500;

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function textOf(vevent: ICAL.Component, name: string): string {
  const value = vevent.getFirstPropertyValue(name);
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Where the series runs: the zone its start names (null for the local clock). */
interface SeriesClock {
  allDay: boolean;
  zone: string | null;
  start: ReadTime;
}

/**
 * A rule as stored: an UNTIL in UTC is moved to the wall clock the series runs on, and an all-day
 * series' UNTIL is the end of that day (the form buildRule writes).
 */
function storedRule(recur: ICAL.Recur, clock: SeriesClock): string {
  const copy = recur.clone();
  if (copy.until && !copy.until.isDate && copy.until.zone === ICAL.Timezone.utcTimezone) {
    const wall = wallClockOf(clock.allDay ? null : clock.zone).toWall(copy.until.toJSDate());
    copy.until = ICAL.Time.fromData({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() });
  }
  return normaliseRule(copy.toString()).replace(/UNTIL=(\d{8})(?=;|$)/, 'UNTIL=$1T235959');
}

/**
 * An RDATE, EXDATE or RECURRENCE-ID value as the instant of the occurrence it names. A DATE given
 * for a timed series names that day's occurrence (at the series' wall-clock time), as ical.js does.
 */
function occurrenceInstant(value: ICAL.Time, tzid: string | null, clock: SeriesClock): Date {
  const read = readTime(value, tzid);
  if (clock.allDay) return startOfDay(read.date);
  if (!read.isDate) return read.date;
  const wall = wallClockOf(clock.zone);
  const startWall = wall.toWall(clock.start.date);
  return wall.fromWall(new Date(Date.UTC(value.year, value.month - 1, value.day, startWall.getUTCHours(), startWall.getUTCMinutes(), startWall.getUTCSeconds())));
}

class SkipEvent extends Error {
  constructor(
    readonly property: string,
    readonly code: IcsErrorCode,
    readonly detail = '',
  ) {
    super(code);
  }
}

/**
 * ical.js reads a value when it is first asked for, and throws on one it cannot read ("RDATE;
 * VALUE=PERIOD:19970101/19970102"): that skips the event, pointing at the property.
 */
function valuesOf(property: ICAL.Property, name: string): unknown[] {
  try {
    return property.getValues();
  } catch {
    throw new SkipEvent(name, 'bad-date', JSON.stringify(property.jCal.slice(3)).slice(0, 200));
  }
}

/** Every value of every property of that name: times, and the starts of periods. */
function timesOf(vevent: ICAL.Component, name: string): { value: ICAL.Time | null; raw: unknown; tzid: string | null }[] {
  const out: { value: ICAL.Time | null; raw: unknown; tzid: string | null }[] = [];
  for (const property of vevent.getAllProperties(name)) {
    const raws = property.jCal.slice(3) as unknown[];
    valuesOf(property, name).forEach((value, i) => {
      const time = value instanceof ICAL.Time ? value : value instanceof ICAL.Period ? value.start : null;
      out.push({ value: time, raw: raws[i], tzid: tzidOf(property) });
    });
  }
  return out;
}

interface ReadEvent {
  activity: IcsActivity;
  recurrenceId: Date | null;
  notes: IcsNote[];
}

function readVevent(vevent: ICAL.Component, lines: IcsComponentLines): ReadEvent {
  const lineOf = (name: string) => lines.properties.get(name.toUpperCase()) ?? lines.begin;
  const notes: IcsNote[] = [];
  const summary = textOf(vevent, 'summary');
  const title = shortened(summary, TITLE_MAX) || UNTITLED_ACTIVITY;
  if (!summary) notes.push({ line: lines.begin, code: 'untitled', detail: UNTITLED_ACTIVITY });
  else if (title !== summary) notes.push({ line: lineOf('summary'), code: 'shortened', detail: String(TITLE_MAX), title });
  const location = textOf(vevent, 'location');
  const place = shortened(location, PLACE_MAX);
  if (place !== location) notes.push({ line: lineOf('location'), code: 'shortened', detail: String(PLACE_MAX), title });
  const noteZone = (read: ReadTime, property: string) => {
    if (read.unknownZone && !notes.some((n) => n.code === 'unknown-zone')) notes.push({ line: lineOf(property), code: 'unknown-zone', detail: read.unknownZone, title });
  };

  const startProperty = vevent.getFirstProperty('dtstart');
  const startValue = startProperty ? valuesOf(startProperty, 'dtstart')[0] : undefined;
  if (!startProperty || !(startValue instanceof ICAL.Time)) throw new SkipEvent('dtstart', 'missing-start');
  if (!rawTimeIsReal(startProperty.jCal[3])) throw new SkipEvent('dtstart', 'bad-date', String(startProperty.jCal[3]));
  const start = readTime(startValue, tzidOf(startProperty));
  noteZone(start, 'dtstart');
  const allDay = start.isDate;

  const endProperty = vevent.getFirstProperty('dtend');
  const endValue = endProperty ? valuesOf(endProperty, 'dtend')[0] : undefined;
  let end: Date;
  if (endProperty) {
    if (!(endValue instanceof ICAL.Time) || !rawTimeIsReal(endProperty.jCal[3])) throw new SkipEvent('dtend', 'bad-date', String(endProperty.jCal[3]));
    const exclusive = readTime(endValue, tzidOf(endProperty)).date;
    if (exclusive < start.date) throw new SkipEvent('dtend', 'end-before-start', `${startValue.toString()} → ${endValue.toString()}`);
    // DTEND of a date is exclusive: an activity on the 24th and 25th ends on the 26th.
    end = allDay ? allDayEnd(exclusive > start.date ? addDays(exclusive, -1) : start.date) : exclusive;
  } else {
    const duration = vevent.getFirstPropertyValue('duration');
    const seconds = duration instanceof ICAL.Duration ? duration.toSeconds() : 0;
    if (seconds < 0) throw new SkipEvent('duration', 'end-before-start', String(duration));
    end = allDay ? allDayEnd(addDays(start.date, Math.max(0, Math.ceil(seconds / 86_400) - 1))) : new Date(start.date.getTime() + seconds * 1000);
  }

  const clock: SeriesClock = { allDay, zone: allDay ? null : start.zone, start };
  const rules = (name: 'rrule' | 'exrule') =>
    vevent.getAllProperties(name).map((property) => {
      const recur = valuesOf(property, name)[0];
      if (!(recur instanceof ICAL.Recur)) throw new SkipEvent(name, 'bad-rule', String(property.jCal[3]));
      return storedRule(recur, clock);
    });
  const include = rules('rrule');
  const exclude = rules('exrule');

  const instants = (name: 'rdate' | 'exdate') =>
    timesOf(vevent, name).map(({ value, raw, tzid }) => {
      if (!value || !rawTimeIsReal(raw)) throw new SkipEvent(name, 'bad-date', JSON.stringify(raw));
      return occurrenceInstant(value, tzid, clock).toISOString();
    });
  const rdates = [...new Set(instants('rdate'))].sort();
  const exdates = [...new Set(instants('exdate'))].sort();
  if (include.length === 0 && exclude.length > 0) throw new SkipEvent('exrule', 'bad-rule', exclude.join('\n'));
  let rrule: string | null = null;
  if (include.length > 0 || rdates.length > 0) {
    rrule = include.length > 0 ? joinRules(include, exclude) : DATES_ONLY_RULE;
    if (ruleProblem(rrule)) throw new SkipEvent(include.length > 0 ? 'rrule' : 'rdate', 'bad-rule', rrule);
  }

  const recurrenceProperty = vevent.getFirstProperty('recurrence-id');
  let recurrenceId: Date | null = null;
  if (recurrenceProperty) {
    const value = valuesOf(recurrenceProperty, 'recurrence-id')[0];
    if (!(value instanceof ICAL.Time) || !rawTimeIsReal(recurrenceProperty.jCal[3])) throw new SkipEvent('recurrence-id', 'bad-date', String(recurrenceProperty.jCal[3]));
    recurrenceId = occurrenceInstant(value, tzidOf(recurrenceProperty), clock);
  }

  const tambon = textOf(vevent, X_TAMBON);
  if (tambon && !/^\d{6}$/.test(tambon)) throw new SkipEvent(X_TAMBON, 'bad-tambon', tambon);
  const expected = participantLines(vevent, X_EXPECTED);
  if (expected.bad !== null) throw new SkipEvent(X_EXPECTED, 'bad-count', expected.bad);
  const actual = participantLines(vevent, X_ACTUAL);
  if (actual.bad !== null) throw new SkipEvent(X_ACTUAL, 'bad-count', actual.bad);
  const typeText = textOf(vevent, X_TYPE);
  const type: ActivityType = (ACTIVITY_TYPES as readonly string[]).includes(typeText) ? (typeText as ActivityType) : 'other';

  const activity: IcsActivity = {
    // A VEVENT without UID (not valid RFC 5545, but seen) gets one from its content, so
    // importing the same file twice still finds the duplicate.
    uid: textOf(vevent, 'uid') || `${startValue.toString()}|${title}`,
    title,
    type,
    start: start.date.toISOString(),
    end: end.toISOString(),
    allDay,
    place,
    placeTambonCode: tambon || null,
    organiser: textOf(vevent, X_ORGANISER),
    description: textOf(vevent, 'description'),
    expected: expected.groups,
    actual: actual.groups,
    rrule,
    exdates,
    rdates,
    // Only a series keeps a zone: a one-off is its two instants.
    timeZone: rrule && !allDay ? start.zone : null,
    fieldsInFile: fieldsInFile(vevent, summary !== ''),
  };
  checkAgainstSchema(activity);
  return { activity, recurrenceId, notes };
}

const OWN_FIELDS: IcsField[] = ['start', 'end', 'allDay', 'rrule', 'exdates', 'rdates', 'timeZone'];

function fieldsInFile(vevent: ICAL.Component, titled: boolean): IcsField[] {
  const has = (name: string) => vevent.hasProperty(name);
  const fields = new Set<IcsField>(OWN_FIELDS);
  if (titled) fields.add('title');
  if (has('location')) fields.add('place');
  if (has('description')) fields.add('description');
  // Our own export always writes the activity's type: such a file speaks for all of them.
  if (has(X_TYPE)) for (const f of ['type', 'placeTambonCode', 'organiser', 'expected', 'actual'] as const) fields.add(f);
  return ICS_FIELDS.filter((f) => fields.has(f));
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
  rdates: 'rdate',
  icsUid: 'uid',
};

/** The same rules a record must pass when it is written, checked now so the preview is honest. */
function checkAgainstSchema(activity: IcsActivity): void {
  const { uid, fieldsInFile: _fields, ...content } = activity;
  const at = new Date(0).toISOString();
  const candidate = { ...content, icsUid: uid, id: '00000000-0000-7000-8000-000000000000', provinceCode: '10', districtCode: null, deleted: false, createdAt: at, updatedAt: at };
  const parsed = CalendarEvent.safeParse(candidate);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  throw new SkipEvent(PROPERTY_OF_FIELD[String(issue.path[0])] ?? 'begin', 'invalid-field', issue.message);
}

/**
 * RFC 5545 wants VALUE=DATE on a date-only value; some tools write "DTSTART:20220101" without it
 * (ical.js then fails on the value). Such lines get the parameter before ical.js reads them.
 */
const DATE_PROPERTY = /^(DTSTART|DTEND|EXDATE|RDATE|RECURRENCE-ID)((?:;[^:]*)?):(\d{8}(?:,\d{8})*)$/i;

function componentText(component: IcsComponentLines): string {
  return component.lines
    .map(({ text }) => {
      const m = DATE_PROPERTY.exec(text);
      return m && !/;VALUE=/i.test(m[2] ?? '') ? `${m[1]}${m[2]};VALUE=DATE:${m[3]}` : text;
    })
    .join('\r\n');
}

function parseComponent(component: IcsComponentLines): ICAL.Component {
  return new ICAL.Component(ICAL.parse(componentText(component)) as unknown[]);
}

const PROGRESS_EVERY = 50;

/**
 * Reads an .ics file step by step (one VEVENT per step, a progress count every few), so a window
 * can stay responsive on a file of thousands of events. Returns the activities, the events
 * skipped and why, and notes; or, when no activity could be read, every problem found.
 */
export function* readIcsSteps(text: string): Generator<{ done: number; total: number }, IcsParseResult> {
  const scan = scanIcsLines(text);
  if (scan.fatal.length > 0) return { ok: false, errors: scan.fatal };
  const notes: IcsNote[] = scan.stray.map((p) => ({ line: p.line, code: 'ignored-line', detail: p.detail }));
  const skipped: IcsError[] = [];
  const registered: string[] = [];
  try {
    // Zones are registered for this file only, and removed after it: a zone another file
    // defined must not change how this one is read.
    for (const component of scan.components.filter((c) => c.name === 'VTIMEZONE' && c.problems.length === 0)) {
      try {
        const zone = parseComponent(component);
        const tzid = zone.getFirstPropertyValue('tzid');
        if (typeof tzid !== 'string' || tzid === '' || ICAL.TimezoneService.has(tzid)) continue;
        ICAL.TimezoneService.register(zone);
        registered.push(tzid);
      } catch {
        // A VTIMEZONE ical.js cannot read (no TZID, bad offsets): its events are read without it.
      }
    }

    const vevents = scan.components.filter((c) => c.name === 'VEVENT');
    const masters: IcsActivity[] = [];
    const overrides: { uid: string; originalStart: string; activity: IcsActivity; line: number }[] = [];
    const seen = new Set<string>();
    for (const [index, component] of vevents.entries()) {
      if (index % PROGRESS_EVERY === 0) yield { done: index, total: vevents.length };
      const problem = component.problems[0];
      if (problem) {
        skipped.push({ line: problem.line, code: problem.code, detail: problem.detail });
        continue;
      }
      let vevent: ICAL.Component | null = null;
      try {
        vevent = parseComponent(component);
        const read = readVevent(vevent, component);
        notes.push(...read.notes);
        const { activity, recurrenceId } = read;
        if (recurrenceId) {
          const originalStart = recurrenceId.toISOString();
          overrides.push({ uid: activity.uid, originalStart, line: component.begin, activity: { ...activity, uid: `${activity.uid}#${originalStart}` } });
        } else if (seen.has(activity.uid)) {
          skipped.push({ line: component.begin, code: 'duplicate-uid', detail: activity.uid, title: activity.title });
        } else {
          seen.add(activity.uid);
          masters.push(activity);
        }
      } catch (error) {
        const title = vevent ? textOf(vevent, 'summary') || undefined : undefined;
        if (error instanceof SkipEvent) skipped.push({ line: component.properties.get(error.property.toUpperCase()) ?? component.begin, code: error.code, detail: error.detail, ...(title ? { title } : {}) });
        else skipped.push({ line: component.begin, code: 'unreadable', detail: (error as Error).message.slice(0, 200), ...(title ? { title } : {}) });
      }
    }
    yield { done: vevents.length, total: vevents.length };

    // A changed instance of a series becomes a one-off activity and an exception of its series.
    // One whose series is not in the file is said so and left out: on its own it would repeat
    // an instance the series (imported from another file, or under another UID) already has.
    const activities = [...masters];
    const byUid = new Map(masters.map((m) => [m.uid, m]));
    for (const { uid, originalStart, activity, line } of overrides) {
      const series = byUid.get(uid);
      if (!series || !series.rrule) {
        skipped.push({ line, code: 'orphan-override', detail: uid, title: activity.title });
        continue;
      }
      if (!series.exdates.includes(originalStart)) series.exdates = [...series.exdates, originalStart].sort();
      activities.push(activity);
    }
    skipped.sort((a, b) => a.line - b.line);
    if (activities.length === 0) return { ok: false, errors: skipped.length > 0 ? skipped : [{ line: 1, code: 'no-events', detail: '' }] };
    return { ok: true, activities, skipped, notes };
  } catch (error) {
    return { ok: false, errors: [{ line: 1, code: 'unreadable', detail: (error as Error).message.slice(0, 200) }] };
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

/** Reads a whole .ics file at once (see readIcsSteps). */
export function parseIcs(text: string): IcsParseResult {
  const steps = readIcsSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads an .ics file in steps, handing the thread back between them (and reporting progress), so
 * the window stays responsive while a large file is read.
 */
export async function parseIcsInSteps(text: string, onProgress?: (done: number, total: number) => void, pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0))): Promise<IcsParseResult> {
  const steps = readIcsSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.done, step.value.total);
    await pause();
  }
}
