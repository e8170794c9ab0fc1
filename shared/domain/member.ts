import { z } from 'zod';
import { IsoDate, IsoDateTime, RecordId, TambonCode, scopeShape } from './common';
import { orRedacted } from './redacted-value';

export const COMMITTEE_ROLES = ['ประธาน', 'รองประธาน', 'เลขานุการ', 'ผู้ช่วยเลขานุการ', 'เหรัญญิก', 'กรรมการ', 'ที่ปรึกษา'] as const;
export const TITLE_PREFIXES = ['นาย', 'นาง', 'นางสาว'] as const;
/** Where committee members come from, as the offices record it; free text is allowed too. */
export const MEMBER_SECTORS = ['กำนัน', 'ผู้ใหญ่บ้าน', 'ครู กศน.', 'อสม.', 'ผู้นำชุมชน', 'ผู้แทน อปท.', 'คณะกรรมการพัฒนาสตรี', 'ปราชญ์ชาวบ้าน', 'ผู้แทนสถานศึกษา', 'อื่น ๆ'] as const;

export const Training = z.object({ curriculum: z.string().trim().min(1).max(300), date: IsoDate });
export type Training = z.infer<typeof Training>;

/**
 * A person on a centre's committee or a partner network. PDPA: only what the work needs —
 * no religion, no political opinion. The first name may be blank only on an erased record
 * (erasure blanks every personal field and sets the tombstone, so the server's copy is wiped too);
 * the server validates field by field, so the rule lives in the refinement, not the field.
 */
export const Member = z
  .object({
    ...scopeShape,
    tambonCode: TambonCode,
    centreId: RecordId.nullable(),
    title: z.string().max(50),
    firstName: z.string().trim().max(100),
    lastName: z.string().trim().max(100),
    // Either may arrive redacted (shared/domain/redacted-value.ts): a device stores what the server sent.
    nationalId: orRedacted(/^\d{13}$/, 'เลขประจำตัวประชาชนต้องมี 13 หลัก').nullable(),
    phone: orRedacted(/^0\d{8,9}$/, 'หมายเลขโทรศัพท์ไม่ถูกต้อง').nullable(),
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
    /** Set on the record merged away as a duplicate: the person it now lives on. */
    mergedIntoId: RecordId.nullable().default(null),
    /** Records merged into this one; their histories (attendance, audit) belong to this person. */
    mergedFromIds: z.array(RecordId).max(100).default([]),
    /** When the personal data was erased (PDPA); the record is then a blank tombstone. */
    erasedAt: IsoDateTime.nullable().default(null),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .refine((m) => m.erasedAt !== null || m.firstName.length > 0, { message: 'กรุณาใส่ชื่อ', path: ['firstName'] });
export type Member = z.infer<typeof Member>;
/** A member as callers write it: the fields added later (merge, erasure) may be left out. */
export type MemberInput = z.input<typeof Member>;
