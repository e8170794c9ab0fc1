import type { ErrorBody, ErrorCode } from '../../shared/sync/protocol';

/** The Thai text users see for each error code (clients may show it as is). */
export const THAI_ERROR_MESSAGES: Record<ErrorCode, string> = {
  'bad-request': 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
  unauthorized: 'กรุณาเข้าสู่ระบบใหม่',
  forbidden: 'คุณไม่มีสิทธิ์ทำรายการนี้',
  'not-found': 'ไม่พบข้อมูลที่ต้องการ',
  'update-required': 'กรุณาอัปเดตโปรแกรม ProvinceDesk เป็นรุ่นล่าสุดก่อนซิงค์ข้อมูล',
  'unsupported-version': 'เซิร์ฟเวอร์ยังไม่รองรับโปรแกรม ProvinceDesk รุ่นนี้ กรุณาติดต่อผู้ดูแลระบบ',
  'payload-too-large': 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินกำหนด',
  'rate-limited': 'มีการพยายามเข้าสู่ระบบบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่',
  'clock-ahead': 'นาฬิกาของเครื่องนี้เร็วกว่าเวลาจริง กรุณาตั้งวันและเวลาของเครื่องให้ถูกต้อง',
  refetch: 'ต้องดาวน์โหลดข้อมูลใหม่ทั้งหมดจากเซิร์ฟเวอร์',
  'upload-offset-mismatch': 'ตำแหน่งการอัปโหลดไฟล์ไม่ตรงกับที่เซิร์ฟเวอร์ได้รับ',
  'hash-mismatch': 'ไฟล์ที่อัปโหลดเสียหายระหว่างส่ง กรุณาส่งใหม่',
  'range-not-satisfiable': 'ช่วงข้อมูลที่ขอไม่ถูกต้อง',
  'already-resolved': 'ข้อขัดแย้งนี้ได้รับการแก้ไขแล้ว',
  'account-disabled': 'บัญชีผู้ใช้นี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ',
  'node-in-use': 'เครื่องนี้ใช้รหัสประทับเวลาเดียวกับอุปกรณ์อื่นที่ยังลงทะเบียนอยู่ ข้อมูลในเครื่องยังอยู่ครบ กรุณาติดต่อผู้ดูแลระบบ',
  'device-wiped': 'ผู้ดูแลระบบสั่งลบข้อมูลทั้งหมดในเครื่องนี้ (เครื่องสูญหายหรือเลิกใช้งาน)',
  internal: 'เกิดข้อผิดพลาดที่เซิร์ฟเวอร์ กรุณาลองใหม่ภายหลัง',
};

/** An error answer: HTTP status + `{ error, message }` (+ extra fields some codes carry). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string = THAI_ERROR_MESSAGES[code],
    readonly extra: Partial<Pick<ErrorBody, 'serverTime' | 'received' | 'reason'>> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

export function errorBody(code: ErrorCode, message: string = THAI_ERROR_MESSAGES[code]): ErrorBody {
  return { error: code, message };
}
