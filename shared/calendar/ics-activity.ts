import type { CalendarEvent } from '../domain/calendar-event';

/** The fields of an activity an .ics file can carry. */
export const ICS_FIELDS = ['title', 'type', 'start', 'end', 'allDay', 'place', 'placeTambonCode', 'organiser', 'description', 'expected', 'actual', 'rrule', 'exdates', 'rdates', 'timeZone'] as const;
export type IcsField = (typeof ICS_FIELDS)[number];

/** An activity's content as it travels in an .ics file: everything but the record bookkeeping. */
export type IcsActivity = Pick<CalendarEvent, IcsField> & {
  /** The VEVENT's UID: the identity duplicates are detected by, and re-imports update by. */
  uid: string;
  /**
   * The fields the file really says something about. A calendar from Google says nothing of an
   * activity's type or tambon: re-importing it updates the times and the title but keeps what
   * was set here. Times and rules are always said (no rule means it no longer repeats).
   */
  fieldsInFile: readonly IcsField[];
};

/** The UID an activity is exported with: the one it was imported with, else one from its id. */
export function exportUidOf(event: Pick<CalendarEvent, 'id' | 'icsUid'>): string {
  return event.icsUid ?? `${event.id}@provincedesk`;
}

/** The record id inside a UID this app exported, so re-importing our own export is a duplicate. */
export function recordIdOfUid(uid: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@provincedesk$/.exec(uid);
  return match ? match[1]! : null;
}

/** Non-standard properties that carry what RFC 5545 has no field for (ignored by other tools). */
export const X_TYPE = 'x-provincedesk-type';
export const X_TAMBON = 'x-provincedesk-tambon';
export const X_ORGANISER = 'x-provincedesk-organiser';
export const X_EXPECTED = 'x-provincedesk-expected';
export const X_ACTUAL = 'x-provincedesk-actual';
