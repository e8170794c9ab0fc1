// Export to iCalendar (RFC 5545) with ical.js. One-off timed activities are written in UTC;
// recurring ones in floating local time, because their rules are wall-clock rules (a meeting at
// 09.30 every first Monday) and RFC 5545 wants UNTIL in the same form as DTSTART.
import ICAL from 'ical.js';
import type { CalendarEvent } from '../domain/calendar-event';
import { allDayExclusiveEnd } from './calendar-dates';
import { X_ACTUAL, X_EXPECTED, X_ORGANISER, X_TAMBON, X_TYPE, exportUidOf } from './ics-activity';
import { normaliseRule } from './recurrence';

export type ExportableEvent = Pick<
  CalendarEvent,
  'id' | 'icsUid' | 'title' | 'type' | 'start' | 'end' | 'allDay' | 'place' | 'placeTambonCode' | 'organiser' | 'description' | 'expected' | 'actual' | 'rrule' | 'exdates' | 'updatedAt'
>;

function dateValue(date: Date): ICAL.Time {
  return ICAL.Time.fromData({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), isDate: true });
}

function floatingValue(date: Date): ICAL.Time {
  return ICAL.Time.fromData({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), isDate: false });
}

function timeValue(event: ExportableEvent, date: Date): ICAL.Time {
  if (event.allDay) return dateValue(date);
  return event.rrule ? floatingValue(date) : ICAL.Time.fromJSDate(date, true);
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
  vevent.addPropertyWithValue('dtstart', timeValue(event, start));
  vevent.addPropertyWithValue('dtend', event.allDay ? dateValue(allDayExclusiveEnd(end)) : timeValue(event, end));
  if (event.place) vevent.addPropertyWithValue('location', event.place);
  if (event.description) vevent.addPropertyWithValue('description', event.description);
  if (event.rrule) {
    // An all-day series starts on a DATE, so its UNTIL must be a DATE too (RFC 5545 3.3.10).
    const rule = normaliseRule(event.rrule);
    vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString(event.allDay ? rule.replace(/UNTIL=(\d{8})T\d{6}Z?/, 'UNTIL=$1') : rule));
  }
  for (const exdate of event.exdates) vevent.addPropertyWithValue('exdate', timeValue(event, new Date(exdate)));
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
