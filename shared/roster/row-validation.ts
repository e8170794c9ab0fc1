// Every row of an imported sheet checked before anything is written: the errors are per row and
// per cell, in Thai, so the preview can point at the exact cell to fix.
import { COMMITTEE_ROLES } from '../domain/member';
import { isValidNationalId, normaliseNationalId } from '../thai/national-id';
import { validatePhone } from '../thai/phone-number';
import { fromThaiDigits } from '../thai/buddhist-era-date';
import { cellText, rawCellText, readCellDate, type DateKind, type DateSystem, type ImportCell } from './import-cell';
import { canonicalTitle, splitFullName } from './person-title';
import { placeQuestionKey, type PlaceResolver } from './place-resolver';
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

/**
 * How a value was changed from what the file said: an ID or phone typed as a number, a phone
 * without its 0 or with +66, Thai digits, a date in BE or CE text or as an Excel day number, a
 * date cell whose year Excel took from BE, invisible characters in text.
 */
export type ConversionKind = 'id-from-number' | 'thai-digits' | 'phone-leading-zero' | 'phone-country-code' | Exclude<DateKind, 'date-cell'> | 'hidden-characters';

export interface CellConversion {
  field: RosterField;
  column: number | null;
  /** What the file said, as the spreadsheet shows it. */
  from: string;
  /** What will be stored: digits, 'YYYY-MM-DD' (CE), cleaned text. */
  to: string;
  kind: ConversionKind;
}

/** A tambon name that fits several places in the province: the user says which one is meant (on the row until then, and after). */
export interface PlaceQuestion {
  /** placeQuestionKey(tambon, amphoe): every row with the same names gets the same answer. */
  key: string;
  tambon: string;
  amphoe: string;
  /** Tambon codes, in code order. */
  candidates: string[];
}

export interface ValidatedRow {
  /** The row number as the spreadsheet shows it (the heading is row 1). */
  rowNumber: number;
  cells: ImportCell[];
  person: ImportedPerson | null;
  issues: RowIssue[];
  conversions: CellConversion[];
  placeQuestion?: PlaceQuestion;
}

export const IMPORT_MESSAGES = {
  missingName: 'ไม่มีชื่อ',
  badNationalId: 'เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)',
  shortenedNationalId: 'Excel ย่อเลขประจำตัวประชาชนเป็นเลขยกกำลัง ตัวเลขท้ายหายไปแล้ว กรุณาตั้งรูปแบบคอลัมน์เป็น “ข้อความ” แล้วพิมพ์เลขใหม่',
  duplicateIdInFile: 'เลขประจำตัวประชาชนซ้ำกับแถวที่ {row}',
  duplicateIdExisting: 'มีบุคคลที่ใช้เลขประจำตัวประชาชนนี้ในทะเบียนแล้ว',
  duplicateName: 'ชื่อ-นามสกุลซ้ำกับบุคคลในตำบลเดียวกัน (ตรวจสอบแล้วรวมรายการได้ภายหลัง)',
  missingPlace: 'ไม่ระบุตำบล',
  unknownPlace: 'ไม่พบตำบลนี้ในข้อมูลของกรมการปกครอง',
  ambiguousPlace: 'ชื่อตำบลนี้มีหลายแห่งในจังหวัด กรุณาเลือกว่าหมายถึงแห่งใด (หรือใส่อำเภอในไฟล์)',
  outOfProvince: 'ตำบลนี้ไม่อยู่ในจังหวัดของสำนักงาน',
  outOfDistrict: 'ตำบลนี้อยู่นอกอำเภอที่คุณรับผิดชอบ จึงนำเข้าไม่ได้ (ผู้ประสานงานหรือเจ้าหน้าที่จังหวัดนำเข้าได้)',
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
  /** The workbook's date system, for Excel day numbers (1900 unless the workbook says 1904). */
  dateSystem?: DateSystem;
  /** The user's answers to PlaceQuestions: question key → tambon code. */
  placeChoices?: ReadonlyMap<string, string>;
  /**
   * The district the signed-in user may write (an officer's), or null for the whole province
   * (editor, coordinator): what the server will accept, checked before anything is written.
   */
  writableDistrict?: string | null;
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

/** A Thai phone that lost its 0: a mobile of 9 digits (8…, 9…, 6…), a landline of 8 (2… to 7…). */
const PHONE_WITHOUT_ZERO = /^(?:[689]\d{8}|[2-7]\d{7})$/;

/** A phone as the file gave it: the text to validate, and how it was changed. */
function phoneOf(text: string): { text: string; kind: ConversionKind | null } {
  const digits = fromThaiDigits(text);
  const compact = digits.replace(/[\s().-]/g, '');
  if (PHONE_WITHOUT_ZERO.test(compact)) return { text: `0${compact}`, kind: 'phone-leading-zero' };
  if (/^(?:\+|00)?66\d{8,9}$/.test(compact)) return { text: digits, kind: 'phone-country-code' };
  return { text: digits, kind: digits !== text ? 'thai-digits' : null };
}

const SCIENTIFIC = /^(\d)\.(\d+)E\+(\d+)$/i;

/**
 * An ID as the file gave it: the text to check, how it was changed, or that Excel shortened it
 * ("1.10170E+12") past recovery. A 13-digit number written as a float ("1101700230708.0", or in
 * full precision "1.101700230708E+12") is read back exactly.
 */
function nationalIdOf(text: string): { text: string; kind: ConversionKind | null } | 'shortened' {
  const digits = fromThaiDigits(text);
  const scientific = SCIENTIFIC.exec(digits.replace(/\s/g, ''));
  if (scientific) {
    const [, lead, rest, exponent] = scientific;
    if (Number(exponent) !== 12 || rest!.length < 12) return 'shortened';
    return { text: `${lead}${rest!.slice(0, 12)}`, kind: 'id-from-number' };
  }
  const float = /^(\d{13})\.0+$/.exec(digits.trim());
  if (float) return { text: float[1]!, kind: 'id-from-number' };
  return { text: digits, kind: digits !== text ? 'thai-digits' : null };
}

/** A date cell as the file shows it: a real date as d/m/yyyy (with the year it carries). */
function dateAsInFile(cell: ImportCell | undefined): string {
  if (cell instanceof Date) return `${cell.getUTCDate()}/${cell.getUTCMonth() + 1}/${cell.getUTCFullYear()}`;
  return rawCellText(cell);
}

// Fields whose changes say more than "invisible characters removed", recorded by their own checks.
const FIELDS_WITH_OWN_CONVERSIONS = new Set<RosterField>(['nationalId', 'phone', 'village', 'termStart', 'termEnd', 'privacyNoticeOn']);

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
  const conversions: CellConversion[] = [];
  let placeQuestion: PlaceQuestion | undefined;
  const error = (field: RosterField, message: string, severity: RowIssue['severity'] = 'error') => issues.push({ field, column: r.column(field), severity, message });
  const converted = (field: RosterField, from: string, to: string, kind: ConversionKind) => conversions.push({ field, column: r.column(field), from, to, kind });
  mapping.forEach((field, column) => {
    const cell = cells[column];
    if (field === null || typeof cell !== 'string' || FIELDS_WITH_OWN_CONVERSIONS.has(field)) return;
    const cleaned = cellText(cell);
    if (cleaned !== cell.trim()) conversions.push({ field, column, from: cell.trim(), to: cleaned, kind: 'hidden-characters' });
  });

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
  const idRead = r.text('nationalId') ? nationalIdOf(r.text('nationalId')) : null;
  if (idRead === 'shortened') error('nationalId', IMPORT_MESSAGES.shortenedNationalId);
  else if (idRead) {
    const digits = normaliseNationalId(idRead.text);
    if (digits !== null && idRead.kind) converted('nationalId', rawCellText(r.cell('nationalId')), digits, idRead.kind);
    if (digits === null || !isValidNationalId(digits)) error('nationalId', IMPORT_MESSAGES.badNationalId);
    else if (idRows.has(digits)) error('nationalId', IMPORT_MESSAGES.duplicateIdInFile.replace('{row}', String(idRows.get(digits))));
    else if (context.existingNationalIds.has(digits)) error('nationalId', IMPORT_MESSAGES.duplicateIdExisting);
    else {
      nationalId = digits;
      idRows.set(digits, rowNumber);
    }
  }

  let phone: string | null = null;
  if (r.text('phone')) {
    const read = phoneOf(r.text('phone'));
    const checked = validatePhone(read.text);
    if (checked.ok) {
      phone = checked.value;
      if (read.kind) converted('phone', rawCellText(r.cell('phone')), phone, read.kind);
    } else error('phone', checked.reason);
  }

  const email = r.text('email');
  if (email && !EMAIL.test(email)) error('email', IMPORT_MESSAGES.badEmail);

  let village: number | null = null;
  const villageDigits = fromThaiDigits(r.text('village'));
  const villageText = villageDigits.replace(/^(?:หมู่ที่|หมู่|ม\.)\s*/, '');
  if (villageText) {
    const n = Number(villageText);
    if (Number.isInteger(n) && n >= 1 && n <= 99) {
      village = n;
      if (villageDigits !== r.text('village')) converted('village', rawCellText(r.cell('village')), String(n), 'thai-digits');
    } else error('village', IMPORT_MESSAGES.badVillage);
  }

  let tambonCode = '';
  const tambonText = r.text('tambon');
  if (!tambonText) error('tambon', IMPORT_MESSAGES.missingPlace);
  else {
    const place = context.places.resolveTambon(tambonText, r.text('amphoe'), r.text('province'));
    if (place.ok) tambonCode = place.tambonCode;
    else if (place.reason === 'ambiguous') {
      const question = { key: placeQuestionKey(tambonText, r.text('amphoe')), tambon: tambonText, amphoe: r.text('amphoe'), candidates: place.candidates };
      const chosen = context.placeChoices?.get(question.key);
      if (context.writableDistrict && !place.candidates.some((c) => c.startsWith(context.writableDistrict!))) error('tambon', IMPORT_MESSAGES.outOfDistrict);
      else {
        // Kept once answered too, so the question stays on screen with its answer.
        placeQuestion = question;
        if (chosen && place.candidates.includes(chosen)) tambonCode = chosen;
        else error('tambon', IMPORT_MESSAGES.ambiguousPlace);
      }
    } else error('tambon', place.reason === 'out-of-province' ? IMPORT_MESSAGES.outOfProvince : IMPORT_MESSAGES.unknownPlace);
    // What the server will refuse is refused now, row by row: an officer writes only their district.
    if (tambonCode && context.writableDistrict && tambonCode.slice(0, 4) !== context.writableDistrict) {
      error('tambon', IMPORT_MESSAGES.outOfDistrict);
      tambonCode = '';
    }
  }

  const date = (field: 'termStart' | 'termEnd' | 'privacyNoticeOn'): string | null => {
    const read = readCellDate(r.cell(field), context.dateSystem);
    if (read === null) error(field, IMPORT_MESSAGES.badDate);
    else if (read && read.kind !== 'date-cell') converted(field, dateAsInFile(r.cell(field)), read.iso, read.kind);
    return read?.iso ?? null;
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
    conversions: conversions.sort((a, b) => (a.column ?? -1) - (b.column ?? -1)),
    ...(placeQuestion ? { placeQuestion } : {}),
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
