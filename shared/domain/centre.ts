import { z } from 'zod';
import { IsoDate, IsoDateTime, TambonCode, scopeShape } from './common';

export const CENTRE_STATUSES = ['active', 'inactive'] as const;

/** A Democracy Promotion Centre (ศส.ปชต.): one per tambon. */
export const Centre = z.object({
  ...scopeShape,
  tambonCode: TambonCode,
  name: z.string().trim().min(1, 'กรุณาใส่ชื่อศูนย์').max(300),
  location: z.string().max(300),
  establishedOn: IsoDate.nullable(),
  status: z.enum(CENTRE_STATUSES),
  orderNumber: z.string().max(100),
  orderDate: IsoDate.nullable(),
  notes: z.string().max(10_000),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Centre = z.infer<typeof Centre>;
