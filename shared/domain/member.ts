import { z } from 'zod';
import { IsoDate, IsoDateTime, RecordId, TambonCode, scopeShape } from './common';

export const COMMITTEE_ROLES = ['ประธาน', 'รองประธาน', 'เลขานุการ', 'ผู้ช่วยเลขานุการ', 'เหรัญญิก', 'กรรมการ', 'ที่ปรึกษา'] as const;
export const TITLE_PREFIXES = ['นาย', 'นาง', 'นางสาว'] as const;

export const Training = z.object({ curriculum: z.string().trim().min(1).max(300), date: IsoDate });

/**
 * A person on a centre's committee or a partner network. PDPA: only what the work needs —
 * no religion, no political opinion.
 */
export const Member = z.object({
  ...scopeShape,
  tambonCode: TambonCode,
  centreId: RecordId.nullable(),
  title: z.string().max(50),
  firstName: z.string().trim().min(1, 'กรุณาใส่ชื่อ').max(100),
  lastName: z.string().trim().max(100),
  nationalId: z.string().regex(/^\d{13}$/, 'เลขประจำตัวประชาชนต้องมี 13 หลัก').nullable(),
  phone: z.string().regex(/^0\d{8,9}$/, 'หมายเลขโทรศัพท์ไม่ถูกต้อง').nullable(),
  lineId: z.string().max(100),
  email: z.string().max(200),
  village: z.number().int().min(1).max(99).nullable(),
  role: z.string().max(100),
  sector: z.string().max(100),
  termStart: IsoDate.nullable(),
  termEnd: IsoDate.nullable(),
  trainings: z.array(Training).max(200),
  photoAttachmentId: z.string().nullable(),
  privacyNoticeOn: IsoDate.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Member = z.infer<typeof Member>;
