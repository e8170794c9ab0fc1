import { z } from 'zod';
import { IsoDateTime, TambonCode, scopeShape } from './common';

export const ACTIVITY_TYPES = ['seminar', 'training', 'meeting', 'mou', 'campaign', 'election_day', 'other'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

/** Participants by group, as the seed article counts them (77 provinces × 4, 77 directors …). */
export const ParticipantGroup = z.object({
  group: z.string().trim().min(1, 'กรุณาระบุกลุ่มผู้เข้าร่วม').max(200),
  count: z.number().int().min(0, 'จำนวนต้องไม่ติดลบ').max(1_000_000),
});
export type ParticipantGroup = z.infer<typeof ParticipantGroup>;

export const CalendarEvent = z
  .object({
    ...scopeShape,
    title: z.string().trim().min(1, 'กรุณาใส่ชื่อกิจกรรม').max(300),
    type: ActivityType,
    start: IsoDateTime,
    end: IsoDateTime,
    allDay: z.boolean(),
    place: z.string().max(500),
    placeTambonCode: TambonCode.nullable(),
    organiser: z.string().max(300),
    description: z.string().max(20_000),
    expected: z.array(ParticipantGroup).max(50),
    actual: z.array(ParticipantGroup).max(50),
    /**
     * RFC 5545 rules of a recurring activity: one RRULE, or several lines (RRULE lines, and
     * "EXRULE:" lines for the instances they remove). Exceptions (EXDATE) as ISO instants.
     */
    rrule: z.string().max(2000).nullable(),
    exdates: z.array(IsoDateTime).max(500),
    /**
     * Extra occurrences (RDATE) as the instants they start at. A series of dates only (no rule in
     * the file) is stored with the rule FREQ=DAILY;COUNT=1 (its start), as Google Calendar writes it,
     * so every recurring activity has a rule. Defaults to [] for records written before the field.
     */
    rdates: z.array(IsoDateTime).max(500).default([]),
    /**
     * The IANA time zone an imported series' rules run in ("America/Los_Angeles"); null for rules
     * on the local wall clock (every activity made here). Defaults to null for older records.
     */
    timeZone: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/, 'เขตเวลาไม่ถูกต้อง')
      .nullable()
      .default(null),
    /**
     * The UID of the iCalendar VEVENT this activity was imported from, so importing the same
     * file twice is caught as a duplicate. Null for activities created here (their exported
     * UID is derived from the id). Defaults to null for records written before the field.
     */
    icsUid: z.string().trim().min(1).max(1000).nullable().default(null),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .refine((e) => Date.parse(e.end) >= Date.parse(e.start), { message: 'เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม', path: ['end'] });
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/** Everyone counted in a list of participant groups. */
export function participantTotal(groups: readonly ParticipantGroup[]): number {
  return groups.reduce((sum, g) => sum + g.count, 0);
}
