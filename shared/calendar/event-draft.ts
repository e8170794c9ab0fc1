// The event form's values (strings, as inputs hold them) checked and turned into an activity.
// Problems come back as codes per field; the UI words them in Thai (calendar.error.*).
import { ACTIVITY_TYPES, type ActivityType, type CalendarEvent, type ParticipantGroup } from '../domain/calendar-event';
import { parseThaiDate } from '../thai/buddhist-era-date';
import { allDayEnd } from './calendar-dates';
import { buildRule, normaliseRule, ruleProblem, type RecurrencePreset } from './recurrence';

export interface GroupDraft {
  group: string;
  count: string;
}

export interface EventDraft {
  title: string;
  type: ActivityType;
  allDay: boolean;
  /** As typed: "24/8/2565" (BE or CE, Thai month names too); times "09.30". */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  /** 4-digit amphoe code, or '' — it narrows the tambon list; the tambon is what is stored. */
  amphoeCode: string;
  tambonCode: string;
  organiser: string;
  description: string;
  expected: GroupDraft[];
  actual: GroupDraft[];
  recurrence: RecurrencePreset;
  /** Last day of the series as typed, or '' for no end. */
  until: string;
  /** The rules as they are, for 'custom' (from an imported file), with their extra dates and zone. */
  customRule: string;
  rdates: string[];
  timeZone: string | null;
  exdates: string[];
}

/** "09.30", "9:30" or "09.30 น." → hours and minutes; null if it is not a time of day. */
export function parseDraftTime(text: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})[.:](\d{2})(?:\s*น\.?)?$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? { hours, minutes } : null;
}

/**
 * A date as typed ("24/8/2565", "24 ส.ค. 2565", "2022-08-24": BE or CE, see parseThaiDate) and
 * a time into a local Date; null when either is not real.
 */
export function parseDraftDateTime(dateText: string, timeText = '00.00'): Date | null {
  const day = parseThaiDate(dateText);
  const time = parseDraftTime(timeText);
  return day && time ? new Date(day.getFullYear(), day.getMonth(), day.getDate(), time.hours, time.minutes) : null;
}

export type DraftField = 'title' | 'type' | 'start' | 'end' | 'tambonCode' | 'expected' | 'actual' | 'recurrence' | 'until';
export type DraftProblem =
  | 'title-required'
  | 'title-too-long'
  | 'bad-type'
  | 'bad-date'
  | 'end-before-start'
  | 'bad-tambon'
  | 'group-required'
  | 'bad-count'
  | 'bad-rule'
  | 'until-before-start';

export interface DraftIssue {
  field: DraftField;
  problem: DraftProblem;
  /** Which participant row, for expected/actual. */
  row?: number;
}

export type EventContent = Pick<
  CalendarEvent,
  'title' | 'type' | 'start' | 'end' | 'allDay' | 'place' | 'placeTambonCode' | 'organiser' | 'description' | 'expected' | 'actual' | 'rrule' | 'exdates' | 'rdates' | 'timeZone'
>;

export type DraftResult = { ok: true; value: EventContent } | { ok: false; issues: DraftIssue[] };

function groupsOf(rows: GroupDraft[], field: 'expected' | 'actual', issues: DraftIssue[]): ParticipantGroup[] {
  const groups: ParticipantGroup[] = [];
  rows.forEach((row, index) => {
    const group = row.group.trim();
    const countText = row.count.trim();
    if (!group && !countText) return; // an empty row the user added and left
    if (!group) issues.push({ field, problem: 'group-required', row: index });
    if (!/^\d{1,7}$/.test(countText)) issues.push({ field, problem: 'bad-count', row: index });
    else if (group) groups.push({ group, count: Number(countText) });
  });
  return groups;
}

export function validateEventDraft(draft: EventDraft): DraftResult {
  const issues: DraftIssue[] = [];
  const title = draft.title.trim();
  if (!title) issues.push({ field: 'title', problem: 'title-required' });
  else if (title.length > 300) issues.push({ field: 'title', problem: 'title-too-long' });
  if (!(ACTIVITY_TYPES as readonly string[]).includes(draft.type)) issues.push({ field: 'type', problem: 'bad-type' });

  const start = parseDraftDateTime(draft.startDate, draft.allDay ? '00.00' : draft.startTime);
  const endAt = parseDraftDateTime(draft.endDate, draft.allDay ? '00.00' : draft.endTime);
  const end = endAt && draft.allDay ? allDayEnd(endAt) : endAt;
  if (!start) issues.push({ field: 'start', problem: 'bad-date' });
  if (!end) issues.push({ field: 'end', problem: 'bad-date' });
  // A timed activity must end after it starts; an all-day one may be a single day.
  if (start && end && (draft.allDay ? end < start : end <= start)) issues.push({ field: 'end', problem: 'end-before-start' });
  if (draft.tambonCode && !/^\d{6}$/.test(draft.tambonCode)) issues.push({ field: 'tambonCode', problem: 'bad-tambon' });

  const expected = groupsOf(draft.expected, 'expected', issues);
  const actual = groupsOf(draft.actual, 'actual', issues);

  let rrule: string | null = null;
  if (draft.recurrence === 'custom') {
    rrule = normaliseRule(draft.customRule);
    if (!rrule || ruleProblem(rrule)) issues.push({ field: 'recurrence', problem: 'bad-rule' });
  } else if (draft.recurrence !== 'none' && start) {
    const until = draft.until ? parseThaiDate(draft.until) : null;
    if (draft.until && !until) issues.push({ field: 'until', problem: 'bad-date' });
    else if (until && allDayEnd(until) < start) issues.push({ field: 'until', problem: 'until-before-start' });
    rrule = buildRule(draft.recurrence, start, until);
  }

  if (issues.length > 0 || !start || !end) return { ok: false, issues };
  return {
    ok: true,
    value: {
      title,
      type: draft.type,
      start: start.toISOString(),
      end: end.toISOString(),
      allDay: draft.allDay,
      place: draft.place.trim(),
      placeTambonCode: draft.tambonCode || null,
      organiser: draft.organiser.trim(),
      description: draft.description,
      expected,
      actual,
      rrule,
      // Exceptions belong to the series as it was; a changed rule or start keeps only those still on it.
      exdates: rrule ? draft.exdates : [],
      // Extra dates and another zone's clock belong to an imported set of rules, kept as it is.
      rdates: draft.recurrence === 'custom' ? draft.rdates : [],
      timeZone: draft.recurrence === 'custom' ? draft.timeZone : null,
    },
  };
}
