// Every row of an imported sheet checked before anything is written: the errors are per row and
// per cell, in Thai, so the preview can point at the exact cell to fix.
import { COMMITTEE_ROLES } from '../domain/member';
import { isValidNationalId, normaliseNationalId } from '../thai/national-id';
import { validatePhone } from '../thai/phone-number';
import { fromThaiDigits } from '../thai/buddhist-era-date';
import { cellIsoDate, cellText, type ImportCell } from './import-cell';
import { canonicalTitle, splitFullName } from './person-title';
import type { PlaceResolver } from './place-resolver';
import type { ColumnMapping, RosterField } from './roster-columns';

/** A person read from a row, ready to become a Member. */
export interface ImportedPerson {
  title: string;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  phone: string | null;
  lineId: string;
  email: string;
  village: number | null;
  role: string;
  sector: string;
  tambonCode: string;
  termStart: string | null;
  termEnd: string | null;
  privacyNoticeOn: string | null;
}

export interface RowIssue {
  field: RosterField;
  /** Index of the column in the sheet, or null when the field is not mapped (a missing column). */
  column: number | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface ValidatedRow {
  /** The row number as the spreadsheet shows it (the heading is row 1). */
  rowNumber: number;
  cells: ImportCell[];
  person: ImportedPerson | null;
  issues: RowIssue[];
}

export const IMPORT_MESSAGES = {
  missingName: 'ไม่มีชื่อ',
  badNationalId: 'เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)',
  duplicateIdInFile: 'เลขประจำตัวประชาชนซ้ำกับแถวที่ {row}',
  duplicateIdExisting: 'มีบุคคลที่ใช้เลขประจำตัวประชาชนนี้ในทะเบียนแล้ว',
  duplicateName: 'ชื่อ-นามสกุลซ้ำกับบุคคลในตำบลเดียวกัน (ตรวจสอบแล้วรวมรายการได้ภายหลัง)',
  missingPlace: 'ไม่ระบุตำบล',
  unknownPlace: 'ไม่พบตำบลนี้ในข้อมูลของกรมการปกครอง',
  ambiguousPlace: 'ชื่อตำบลนี้มีหลายแห่ง กรุณาระบุอำเภอ',
  outOfProvince: 'ตำบลนี้ไม่อยู่ในจังหวัดของสำนักงาน',
  badDate: 'วันที่ไม่ถูกต้อง (ใช้ วว/ดด/ปปปป เป็น พ.ศ. หรือ ค.ศ.)',
  termEndsBeforeStart: 'วันสิ้นสุดวาระอยู่ก่อนวันเริ่มวาระ',
  badVillage: 'หมู่ที่ต้องเป็นตัวเลข 1–99',
  badEmail: 'อีเมลไม่ถูกต้อง',
  tooLong: 'ข้อความยาวเกินไป',
} as const;

export interface ValidationContext {
  places: PlaceResolver;
  /** National IDs already on the roster (live records). */
  existingNationalIds: ReadonlySet<string>;
  /** Name keys (see personNameKey) already on the roster. */
  existingNameKeys: ReadonlySet<string>;
}

export function personNameKey(tambonCode: string, firstName: string, lastName: string): string {
  const n = (s: string) => s.normalize('NFC').replace(/[\s\u200b]+/g, '').toLowerCase();
  return `${tambonCode}|${n(firstName)}|${n(lastName)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Reader = { text(field: RosterField): string; cell(field: RosterField): ImportCell | undefined; column(field: RosterField): number | null };

function readerFor(cells: readonly ImportCell[], mapping: ColumnMapping): Reader {
  const columnOf = new Map<RosterField, number>();
  mapping.forEach((f, i) => f !== null && !columnOf.has(f) && columnOf.set(f, i));
  return {
    column: (f) => columnOf.get(f) ?? null,
    cell: (f) => {
      const i = columnOf.get(f);
      return i === undefined ? undefined : cells[i];
    },
    text: (f) => {
      const i = columnOf.get(f);
      return i === undefined ? '' : cellText(cells[i]);
    },
  };
}

function isBlankRow(cells: readonly ImportCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** A phone typed into a number cell lost its leading 0 ("812345678"); put it back. */
function phoneText(cell: ImportCell | undefined, text: string): string {
  if (typeof cell === 'number' && /^[1-9]\d{7,8}$/.test(text)) return `0${text}`;
  return text;
}

/**
 * Checks every row (blank rows are skipped) against the mapping. Rows are independent except
 * for duplicates: a national ID may appear once in the file and must not be on the roster already.
 */
export function validateImportRows(rows: readonly (readonly ImportCell[])[], mapping: ColumnMapping, context: ValidationContext, firstRowNumber = 2): ValidatedRow[] {
  const out: ValidatedRow[] = [];
  const idRows = new Map<string, number>();
  rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const rowNumber = firstRowNumber + index;
    const row = validateRow(cells, mapping, context, rowNumber, idRows);
    out.push(row);
  });
  return out;
}

function validateRow(cells: readonly ImportCell[], mapping: ColumnMapping, context: ValidationContext, rowNumber: number, idRows: Map<string, number>): ValidatedRow {
  const r = readerFor(cells, mapping);
  const issues: RowIssue[] = [];
  const error = (field: RosterField, message: string, severity: RowIssue['severity'] = 'error') => issues.push({ field, column: r.column(field), severity, message });

  // Names: separate columns, or one "ชื่อ-นามสกุล" column split at the first space.
  let title = canonicalTitle(r.text('title'));
  let firstName = r.text('firstName');
  let lastName = r.text('lastName');
  if (!firstName && r.text('fullName')) {
    const split = splitFullName(r.text('fullName'));
    title ||= split.title;
    firstName = split.firstName;
    lastName ||= split.lastName;
  } else if (firstName && !title) {
    // "นายสมชาย" in the first-name column.
    const split = splitFullName(firstName);
    if (split.title && split.firstName) {
      title = split.title;
      firstName = [split.firstName, split.lastName].filter(Boolean).join(' ');
    }
  }
  if (!firstName) error(r.column('firstName') === null ? 'fullName' : 'firstName', IMPORT_MESSAGES.missingName);
  if (firstName.length > 100) error('firstName', IMPORT_MESSAGES.tooLong);
  if (lastName.length > 100) error('lastName', IMPORT_MESSAGES.tooLong);

  let nationalId: string | null = null;
  const idText = fromThaiDigits(r.text('nationalId'));
  if (idText) {
    const digits = normaliseNationalId(idText);
    if (digits === null || !isValidNationalId(digits)) error('nationalId', IMPORT_MESSAGES.badNationalId);
    else if (idRows.has(digits)) error('nationalId', IMPORT_MESSAGES.duplicateIdInFile.replace('{row}', String(idRows.get(digits))));
    else if (context.existingNationalIds.has(digits)) error('nationalId', IMPORT_MESSAGES.duplicateIdExisting);
    else {
      nationalId = digits;
      idRows.set(digits, rowNumber);
    }
  }

  let phone: string | null = null;
  const phoneRaw = phoneText(r.cell('phone'), r.text('phone'));
  if (phoneRaw) {
    const checked = validatePhone(phoneRaw);
    if (checked.ok) phone = checked.value;
    else error('phone', checked.reason);
  }

  const email = r.text('email');
  if (email && !EMAIL.test(email)) error('email', IMPORT_MESSAGES.badEmail);

  let village: number | null = null;
  const villageText = fromThaiDigits(r.text('village')).replace(/^(?:หมู่ที่|หมู่|ม\.)\s*/, '');
  if (villageText) {
    const n = Number(villageText);
    if (Number.isInteger(n) && n >= 1 && n <= 99) village = n;
    else error('village', IMPORT_MESSAGES.badVillage);
  }

  let tambonCode = '';
  const tambonText = r.text('tambon');
  if (!tambonText) error('tambon', IMPORT_MESSAGES.missingPlace);
  else {
    const place = context.places.resolveTambon(tambonText, r.text('amphoe'), r.text('province'));
    if (place.ok) tambonCode = place.tambonCode;
    else error('tambon', place.reason === 'ambiguous' ? IMPORT_MESSAGES.ambiguousPlace : place.reason === 'out-of-province' ? IMPORT_MESSAGES.outOfProvince : IMPORT_MESSAGES.unknownPlace);
  }

  const date = (field: 'termStart' | 'termEnd' | 'privacyNoticeOn'): string | null => {
    const value = cellIsoDate(r.cell(field));
    if (value === null) error(field, IMPORT_MESSAGES.badDate);
    return value ?? null;
  };
  const termStart = date('termStart');
  const termEnd = date('termEnd');
  const privacyNoticeOn = date('privacyNoticeOn');
  if (termStart && termEnd && termEnd < termStart) error('termEnd', IMPORT_MESSAGES.termEndsBeforeStart);

  const role = normaliseRole(r.text('role'));
  const sector = r.text('sector');
  const lineId = r.text('lineId');
  for (const [field, value] of [['role', role], ['sector', sector], ['lineId', lineId]] as const) if (value.length > 100) error(field, IMPORT_MESSAGES.tooLong);

  if (issues.every((i) => i.severity !== 'error') && tambonCode && firstName && context.existingNameKeys.has(personNameKey(tambonCode, firstName, lastName))) {
    error('firstName', IMPORT_MESSAGES.duplicateName, 'warning');
  }

  const hasError = issues.some((i) => i.severity === 'error');
  return {
    rowNumber,
    cells: [...cells],
    issues,
    person: hasError ? null : { title, firstName, lastName, nationalId, phone, lineId, email, village, role, sector, tambonCode, termStart, termEnd, privacyNoticeOn },
  };
}

/** "รองประธานกรรมการ" → "รองประธาน", "กรรมการและเลขานุการ" → "เลขานุการ"; other roles kept as typed. */
export function normaliseRole(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (!t) return '';
  if (/เลขานุการ/.test(t)) return t.startsWith('ผู้ช่วย') ? 'ผู้ช่วยเลขานุการ' : 'เลขานุการ';
  if (t.startsWith('รองประธาน')) return 'รองประธาน';
  if (t.startsWith('ประธาน')) return 'ประธาน';
  return (COMMITTEE_ROLES as readonly string[]).includes(t) ? t : text.trim();
}

export interface ImportSummary {
  rows: number;
  valid: number;
  withErrors: number;
  withWarnings: number;
}

export function summariseRows(rows: readonly ValidatedRow[]): ImportSummary {
  let valid = 0;
  let withWarnings = 0;
  for (const row of rows) {
    if (row.person) valid++;
    if (row.issues.some((i) => i.severity === 'warning')) withWarnings++;
  }
  return { rows: rows.length, valid, withErrors: rows.length - valid, withWarnings };
}
