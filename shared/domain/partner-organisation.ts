import { z } from 'zod';
import { AttachmentRef, IsoDate, IsoDateTime, scopeShape } from './common';

/** The partner networks named in the seed pages. */
export const PARTNER_TYPES = [
  'คณะกรรมการพัฒนาสตรี',
  'กรรมการหมู่บ้าน',
  'กรมการพัฒนาชุมชน',
  'กรมการปกครอง',
  'องค์กรปกครองส่วนท้องถิ่น',
  'สถานศึกษา',
  'อื่น ๆ',
] as const;

export const PARTNER_LEVELS = ['province', 'district', 'tambon', 'village'] as const;

export const PartnerContact = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.string().max(200),
  phone: z.string().max(20),
  email: z.string().max(200),
});
export type PartnerContact = z.infer<typeof PartnerContact>;

export const PartnerOrganisation = z.object({
  ...scopeShape,
  type: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'กรุณาใส่ชื่อหน่วยงาน').max(300),
  level: z.enum(PARTNER_LEVELS),
  /** The province, amphoe or tambon (2, 4 or 6 digits) it works in, for the counts by place. */
  placeCode: z.string().regex(/^\d{2}(?:\d{2}(?:\d{2})?)?$/, 'รหัสพื้นที่ไม่ถูกต้อง').nullable().default(null),
  contacts: z.array(PartnerContact).max(50),
  mouDate: IsoDate.nullable(),
  mouAttachmentId: AttachmentRef.nullable(),
  notes: z.string().max(10_000),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PartnerOrganisation = z.infer<typeof PartnerOrganisation>;
export type PartnerOrganisationInput = z.input<typeof PartnerOrganisation>;
