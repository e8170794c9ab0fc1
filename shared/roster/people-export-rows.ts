// The rows of a people export: the same headings the import recognises, so an exported sheet can
// be edited and imported back. IDs are masked unless the exporter may see them in full.
import type { Member } from '../domain/member';
import { formatShortDate } from '../thai/buddhist-era-date';
import { isRedacted } from '../domain/redacted-value';
import { formatNationalId } from '../thai/national-id';
import { maskedNationalId } from './personal-data-redaction';
import { formatPhone } from '../thai/phone-number';
import { ROSTER_FIELD_LABELS, type RosterField } from './roster-columns';

export const EXPORT_FIELDS = ['title', 'firstName', 'lastName', 'nationalId', 'phone', 'lineId', 'email', 'village', 'role', 'sector', 'tambon', 'amphoe', 'province', 'termStart', 'termEnd', 'privacyNoticeOn'] as const satisfies readonly RosterField[];

/** Columns kept as text in Excel (see csv.ts). */
export const EXPORT_TEXT_COLUMNS: ReadonlySet<number> = new Set([EXPORT_FIELDS.indexOf('nationalId'), EXPORT_FIELDS.indexOf('phone')]);

export interface PlaceNames {
  tambon(code: string): string;
  amphoe(code: string): string;
  province(code: string): string;
}

export interface ExportOptions {
  fullIds: boolean;
  places: PlaceNames;
}

type Person = Pick<Member, 'title' | 'firstName' | 'lastName' | 'nationalId' | 'phone' | 'lineId' | 'email' | 'village' | 'role' | 'sector' | 'tambonCode' | 'termStart' | 'termEnd' | 'privacyNoticeOn'>;

/** A date in BE as Thai offices write it, e.g. "1 เม.ย. 2565" (the import reads it back). */
function beDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return formatShortDate(new Date(y!, m! - 1, d!));
}

export function peopleExportRows(people: readonly Person[], { fullIds, places }: ExportOptions): string[][] {
  const header = EXPORT_FIELDS.map((f) => ROSTER_FIELD_LABELS[f]);
  const rows = people.map((p) => {
    const values: Record<(typeof EXPORT_FIELDS)[number], string> = {
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      nationalId: p.nationalId ? ((fullIds ? formatNationalId(p.nationalId) : maskedNationalId(p.nationalId)) ?? maskedNationalId(p.nationalId) ?? '') : '',
      // Withheld from this user by the server (issue 18): nothing to export.
      phone: p.phone && !isRedacted(p.phone) ? (formatPhone(p.phone) ?? p.phone) : '',
      lineId: isRedacted(p.lineId) ? '' : p.lineId,
      email: isRedacted(p.email) ? '' : p.email,
      village: p.village === null ? '' : String(p.village),
      role: p.role,
      sector: p.sector,
      tambon: places.tambon(p.tambonCode),
      amphoe: places.amphoe(p.tambonCode.slice(0, 4)),
      province: places.province(p.tambonCode.slice(0, 2)),
      termStart: beDate(p.termStart),
      termEnd: beDate(p.termEnd),
      privacyNoticeOn: beDate(p.privacyNoticeOn),
    };
    return EXPORT_FIELDS.map((f) => values[f]);
  });
  return [header, ...rows];
}
