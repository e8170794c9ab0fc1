import { z } from 'zod';
import { IsoDateTime, RecordId, scopeShape } from './common';

/** A person checked in at a calendar activity (from the roster, or a walk-in by name). */
export const Attendance = z
  .object({
    ...scopeShape,
    eventId: RecordId,
    memberId: RecordId.nullable(),
    personName: z.string().max(300),
    group: z.string().max(200),
    checkedInAt: IsoDateTime,
  })
  .refine((a) => a.memberId !== null || a.personName.trim().length > 0, { message: 'กรุณาเลือกบุคคลหรือใส่ชื่อ', path: ['personName'] });
export type Attendance = z.infer<typeof Attendance>;
