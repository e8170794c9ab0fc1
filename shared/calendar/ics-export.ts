// Export to iCalendar (RFC 5545) with ical.js. One-off timed activities are written in UTC;
// recurring ones in floating local time, because their rules are wall-clock rules (a meeting at
// 09.30 every first Monday) and RFC 5545 wants UNTIL in the same form as DTSTART. A series
// imported from another zone is written in that zone (TZID, its IANA name) with UNTIL in UTC.
import ICAL from 'ical.js';
import type { CalendarEvent } from '../domain/calendar-event';
import { allDayExclusiveEnd } from './calendar-dates';
import { X_ACTUAL, X_EXPECTED, X_ORGANISER, X_TAMBON, X_TYPE, exportUidOf } from './ics-activity';
import { ruleLines, wallClockOf } from './recurrence';

export type ExportableEvent = Pick<
  CalendarEvent,
  'id' | 'icsUid' | 'title' | 'type' | 'start' | 'end' | 'allDay' | 'place' | 'placeTambonCode' | 'organiser' | 'description' | 'expected' | 'actual' | 'rrule' | 'exdates' | 'updatedAt'
> &
  // Older records have neither.
  Partial<Pick<CalendarEvent, 'rdates' | 'timeZone'>>;

function dateValue(date: Date): ICAL.Time {
  return ICAL.Time.fromData({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), isDate: true });
}

function floatingValue(date: Date): ICAL.Time {
  return ICAL.Time.fromData({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), isDate: false });
}

/** The zone a series is written in: 'UTC', an IANA name, or null (floating local time). */
function seriesZone(event: ExportableEvent): string | null {
  return event.rrule && !event.allDay ? (event.timeZone ?? null) : null;
}

function timeValue(event: ExportableEvent, date: Date): ICAL.Time {
  if (event.allDay) return dateValue(date);
  if (!event.rrule) return ICAL.Time.fromJSDate(date, true);
  const zone = seriesZone(event);
  if (zone === 'UTC') return ICAL.Time.fromJSDate(date, true);
  if (!zone) return floatingValue(date);
  const wall = wallClockOf(zone).toWall(date);
  return ICAL.Time.fromData({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(), isDate: false });
}

function addTime(component: ICAL.Component, name: string, event: ExportableEvent, date: Date): void {
  const property = new ICAL.Property(name, component);
  const zone = seriesZone(event);
  if (zone && zone !== 'UTC') property.setParameter('tzid', zone);
  property.setValue(timeValue(event, date));
  component.addProperty(property);
}

/** A rule as written: an all-day series' UNTIL a DATE, a zoned series' UNTIL in UTC (RFC 5545 3.3.10). */
function ruleForExport(event: ExportableEvent, rule: string): ICAL.Recur {
  if (event.allDay) return ICAL.Recur.fromString(rule.replace(/UNTIL=(\d{8})T\d{6}Z?/, 'UNTIL=$1'));
  const zone = seriesZone(event);
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?=;|$)/.exec(rule);
  if (!zone || !until) return ICAL.Recur.fromString(rule);
  const [y, mo, d, h, mi, se] = until.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = wallClockOf(zone).fromWall(new Date(Date.UTC(y, mo - 1, d, h, mi, se)));
  return ICAL.Recur.fromString(rule.replace(until[0], `UNTIL=${utc.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`));
}

function addText(component: ICAL.Component, name: string, value: string): void {
  const property = new ICAL.Property(name, component);
  property.resetType('text');
  property.setValue(value);
  component.addProperty(property);
}

export function eventToVevent(event: ExportableEvent, stamp: Date): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  const start = new Date(event.start);
  const end = new Date(event.end);
  vevent.addPropertyWithValue('uid', exportUidOf(event));
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
  vevent.addPropertyWithValue('last-modified', ICAL.Time.fromJSDate(new Date(event.updatedAt), true));
  vevent.addPropertyWithValue('summary', event.title);
  addTime(vevent, 'dtstart', event, start);
  if (event.allDay) vevent.addPropertyWithValue('dtend', dateValue(allDayExclusiveEnd(end)));
  else addTime(vevent, 'dtend', event, end);
  if (event.place) vevent.addPropertyWithValue('location', event.place);
  if (event.description) vevent.addPropertyWithValue('description', event.description);
  if (event.rrule) {
    const { include, exclude } = ruleLines(event.rrule);
    for (const rule of include) vevent.addPropertyWithValue('rrule', ruleForExport(event, rule));
    for (const rule of exclude) vevent.addPropertyWithValue('exrule', ruleForExport(event, rule));
  }
  for (const rdate of event.rdates ?? []) addTime(vevent, 'rdate', event, new Date(rdate));
  for (const exdate of event.exdates) addTime(vevent, 'exdate', event, new Date(exdate));
  addText(vevent, X_TYPE, event.type);
  if (event.placeTambonCode) addText(vevent, X_TAMBON, event.placeTambonCode);
  if (event.organiser) addText(vevent, X_ORGANISER, event.organiser);
  for (const g of event.expected) addText(vevent, X_EXPECTED, `${g.count} ${g.group}`);
  for (const g of event.actual) addText(vevent, X_ACTUAL, `${g.count} ${g.group}`);
  return vevent;
}

/** A whole VCALENDAR with one VEVENT per activity, CRLF line endings as RFC 5545 asks. */
export function eventsToIcs(events: readonly ExportableEvent[], stamp = new Date()): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//ProvinceDesk//Activity calendar//TH');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  for (const event of events) calendar.addSubcomponent(eventToVevent(event, stamp));
  return `${calendar.toString()}\r\n`;
}
