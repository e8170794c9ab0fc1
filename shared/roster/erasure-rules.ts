// Retention (PDPA): a person whose term ended more than N years ago is listed for erasure.
// Erasure is a synced write that blanks every personal field and sets the tombstone, so the
// server's copy — and every other device's — is wiped as well.
import type { Member } from '../domain/member';

export const DEFAULT_RETENTION_YEARS = 2;

/** The date before which an ended term makes a person due for erasure, 'YYYY-MM-DD'. */
export function retentionCutoff(today: Date, years: number): string {
  const d = new Date(today.getFullYear() - years, today.getMonth(), today.getDate());
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isDueForErasure(person: Pick<Member, 'deleted' | 'termEnd'>, cutoff: string): boolean {
  return !person.deleted && person.termEnd !== null && person.termEnd < cutoff;
}

/** Every field that says who the person is, or could be linked to them. */
export const PERSONAL_FIELDS = [
  'title',
  'firstName',
  'lastName',
  'nationalId',
  'phone',
  'lineId',
  'email',
  'village',
  'role',
  'sector',
  'termStart',
  'termEnd',
  'trainings',
  'photoAttachmentId',
  'privacyNoticeOn',
] as const satisfies readonly (keyof Member)[];

/** The patch that erases a person: personal fields blank, tombstone set, the time of erasure kept. */
export function erasurePatch(at: Date): Pick<Member, (typeof PERSONAL_FIELDS)[number] | 'deleted' | 'erasedAt'> {
  return {
    title: '',
    firstName: '',
    lastName: '',
    nationalId: null,
    phone: null,
    lineId: '',
    email: '',
    village: null,
    role: '',
    sector: '',
    termStart: null,
    termEnd: null,
    trainings: [],
    photoAttachmentId: null,
    privacyNoticeOn: null,
    deleted: true,
    erasedAt: at.toISOString(),
  };
}
