import { z } from 'zod';

// Every synced record carries its scope: the province, and the district (amphoe) where it
// belongs to one. The server decides from the device's token which scopes it may touch.
export const ProvinceCode = z.string().regex(/^\d{2}$/, 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก');
export const AmphoeCode = z.string().regex(/^\d{4}$/, 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก');
export const TambonCode = z.string().regex(/^\d{6}$/, 'รหัสตำบลต้องเป็นตัวเลข 6 หลัก');
export const RecordId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'รหัสระเบียนไม่ถูกต้อง');
/** A calendar date without time, 'YYYY-MM-DD' (Christian Era on disk; shown in BE). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว');
/** An instant, ISO 8601 with time zone. */
export const IsoDateTime = z.string().datetime({ offset: true });

// Bounds for the fields that name people and files (issue 18: an unbounded authorName of 3 MB was
// pulled by every device of the province). Every string field of a synced record has a maximum.
/** A user's id as the session knows it (a server UUID, or 'local' before sign-in). */
export const UserRef = z.string().min(1).max(100);
/** A person's name as shown (a user's display name). */
export const DisplayName = z.string().max(200);
/** The id of an attachment record (a UUIDv7; kept loose for older records). */
export const AttachmentRef = z.string().min(1).max(64);

export const scopeShape = {
  id: RecordId,
  provinceCode: ProvinceCode,
  districtCode: AmphoeCode.nullable(),
  /** Tombstone: a delete is a field with its own stamp, so it merges like any other. */
  deleted: z.boolean(),
};

/** Fields every synced record has that are not domain content. */
export const RECORD_META_FIELDS = ['id', 'provinceCode', 'districtCode'] as const;

/**
 * Fields the app maintains itself rather than a person typing them: a concurrent overwrite of one
 * loses nothing anybody wrote, so it is merged by last-writer-wins without a conflict record.
 */
export const BOOKKEEPING_FIELDS: readonly string[] = ['updatedAt'];
