import { toBuddhistYear, type Era } from '../../../shared/thai/buddhist-era-date';
import type { EventDraft, GroupDraft } from '../../../shared/calendar/event-draft';
import { presetOf } from '../../../shared/calendar/recurrence';
import type { ParticipantGroup } from '../../../shared/domain/calendar-event';
import type { LocalRecord } from '../../db/local-record';

/** A date as the form shows it: "24/8/2565" (or "24/8/2022" with Christian-Era years). */
export function dateText(date: Date, era: Era): string {
  return `${date.getDate()}/${date.getMonth() + 1}/${era === 'be' ? toBuddhistYear(date.getFullYear()) : date.getFullYear()}`;
}

/** "09.30", the Thai way. */
export function timeText(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}.${String(date.getMinutes()).padStart(2, '0')}`;
}

const groupRows = (groups: readonly ParticipantGroup[]): GroupDraft[] => groups.map((g) => ({ group: g.group, count: String(g.count) }));

/** The form's starting values: an existing activity, or a new one over a selected range. */
export function draftOf(event: LocalRecord<'events'> | null, range: { start: Date; end: Date; allDay: boolean }, era: Era): EventDraft {
  const start = event ? new Date(event.start) : range.start;
  const end = event ? new Date(event.end) : range.end;
  const { preset, until } = presetOf(event?.rrule ?? null, start, event ?? {});
  return {
    title: event?.title ?? '',
    type: event?.type ?? 'meeting',
    allDay: event?.allDay ?? range.allDay,
    startDate: dateText(start, era),
    startTime: timeText(start),
    endDate: dateText(end, era),
    endTime: timeText(end),
    place: event?.place ?? '',
    amphoeCode: event?.placeTambonCode?.slice(0, 4) ?? '',
    tambonCode: event?.placeTambonCode ?? '',
    organiser: event?.organiser ?? '',
    description: event?.description ?? '',
    expected: groupRows(event?.expected ?? []),
    actual: groupRows(event?.actual ?? []),
    recurrence: preset,
    until: until ? dateText(until, era) : '',
    customRule: event?.rrule ?? '',
    // Records written before these fields existed have neither.
    rdates: event?.rdates ?? [],
    timeZone: event?.timeZone ?? null,
    exdates: event?.exdates ?? [],
  };
}
