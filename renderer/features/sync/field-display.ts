// How a synced field reads for people on the sync screens (conflicts, refused changes): its Thai label
// (use-sync.ts fieldLabel) and its value — dates in the user's era, places by their DOPA names, fixed
// choices by their Thai words, personal data as the roster shows it. Every field of every synced table is
// either described here or hidden as bookkeeping (tested over the shared schemas), so nothing is shown as
// stored ("tambonCode 570801", an ISO timestamp, "active").

import type { SyncedTable } from '../../../shared/domain/synced-tables';
import { formatShortDate, formatTime, type Era } from '../../../shared/thai/buddhist-era-date';
import { maskNationalId } from '../../../shared/thai/national-id';
import { formatPhone } from '../../../shared/thai/phone-number';
import { maskEmail, maskLineId } from '../../../shared/roster/personal-data-mask';
import { catalogueTh } from '../../app/i18n/catalogue';
import type { MessageKey, Translate } from '../../app/i18n/translate';
import { fieldLabel } from './use-sync';

export type FieldKind =
  /** Set by the app, or an internal reference: not shown. */
  | 'hidden'
  | 'text'
  | 'html'
  /** A calendar date, 'YYYY-MM-DD'. */
  | 'date'
  /** An instant, ISO with time zone. */
  | 'instant'
  /** A DOPA code of a province, amphoe or tambon. */
  | 'place'
  /** Personal data (issue 14): masked by the roster's rule — the ID to its last four digits, phones as the lists show them, e-mail and LINE ID to their first letters. */
  | 'nationalId'
  | 'phone'
  | 'email'
  | 'lineId'
  | 'number'
  | 'yesNo'
  | 'deleted'
  /** A list of plain strings. */
  | 'list'
  /** A list of instants (an activity's extra dates). */
  | 'instants'
  /** Participants by group: [{ group, count }]. */
  | 'participants'
  | 'trainings'
  | 'contacts'
  /** Field names (an audit entry's): shown by their labels. */
  | 'fieldNames'
  /** One of fixed choices: the message key prefix of their words. */
  | { choice: string };

const COMMON: Record<string, FieldKind> = {
  id: 'hidden',
  provinceCode: 'hidden',
  districtCode: 'hidden',
  createdAt: 'hidden',
  updatedAt: 'hidden',
  deleted: 'deleted',
};

const BY_TABLE: Record<SyncedTable, Record<string, FieldKind>> = {
  news: {
    title: 'text',
    lead: 'text',
    bodyHtml: 'html',
    category: 'text',
    tags: 'list',
    status: { choice: 'news.status.' },
    eventId: 'hidden',
    dateline: 'date',
    authorId: 'hidden',
    authorName: 'text',
    coverAttachmentId: 'hidden',
    photos: 'hidden',
    publishedAt: 'instant',
  },
  events: {
    title: 'text',
    type: { choice: 'calendar.type.' },
    start: 'instant',
    end: 'instant',
    allDay: 'yesNo',
    place: 'text',
    placeTambonCode: 'place',
    organiser: 'text',
    description: 'text',
    expected: 'participants',
    actual: 'participants',
    rrule: 'text',
    exdates: 'hidden',
    rdates: 'instants',
    timeZone: 'text',
    icsUid: 'hidden',
  },
  centres: {
    tambonCode: 'place',
    name: 'text',
    location: 'text',
    establishedOn: 'date',
    status: { choice: 'roster.centre.status.' },
    orderNumber: 'text',
    orderDate: 'date',
    notes: 'text',
  },
  members: {
    tambonCode: 'place',
    centreId: 'hidden',
    title: 'text',
    firstName: 'text',
    lastName: 'text',
    nationalId: 'nationalId',
    phone: 'phone',
    lineId: 'lineId',
    email: 'email',
    village: 'number',
    role: 'text',
    sector: 'text',
    termStart: 'date',
    termEnd: 'date',
    trainings: 'trainings',
    photoAttachmentId: 'hidden',
    privacyNoticeOn: 'date',
    mergedIntoId: 'hidden',
    mergedFromIds: 'hidden',
    erasedAt: 'instant',
  },
  partners: {
    type: 'text',
    name: 'text',
    level: { choice: 'roster.partner.level.' },
    placeCode: 'place',
    contacts: 'contacts',
    mouDate: 'date',
    mouAttachmentId: 'hidden',
    notes: 'text',
  },
  attendance: {
    eventId: 'hidden',
    memberId: 'hidden',
    personName: 'text',
    group: 'text',
    checkedInAt: 'instant',
  },
  attachments: {
    sha256: 'hidden',
    ownerTable: 'hidden',
    ownerId: 'hidden',
    fileName: 'text',
    mimeType: 'hidden',
    size: 'hidden',
    width: 'hidden',
    height: 'hidden',
    caption: 'text',
  },
  newsRevisions: {
    newsId: 'hidden',
    reason: { choice: 'news.revisions.reason.' },
    title: 'text',
    lead: 'text',
    bodyHtml: 'html',
    category: 'text',
    tags: 'list',
    dateline: 'date',
    authorId: 'hidden',
    authorName: 'text',
    note: 'text',
  },
  newsTransitions: {
    newsId: 'hidden',
    action: { choice: 'news.action.' },
    from: { choice: 'news.status.' },
    to: { choice: 'news.status.' },
    comment: 'text',
    actorId: 'hidden',
    actorName: 'text',
    actorRole: { choice: 'news.role.' },
    at: 'instant',
  },
  auditEntries: {
    memberId: 'hidden',
    action: { choice: 'roster.audit.' },
    fields: 'fieldNames',
    count: 'number',
    detail: 'text',
    actorId: 'hidden',
    actorName: 'text',
    actorRole: { choice: 'news.role.' },
    at: 'instant',
  },
};

/** How a field of a table reads; a field this build does not know is shown as text. */
export function fieldKind(table: SyncedTable, field: string): FieldKind {
  return BY_TABLE[table]?.[field] ?? COMMON[field] ?? 'text';
}

/** Only when `fieldKind` knows the field: for the test that every schema field is covered. */
export function isDescribedField(table: SyncedTable, field: string): boolean {
  return field in (BY_TABLE[table] ?? {}) || field in COMMON;
}

export function isShownField(table: SyncedTable, field: string): boolean {
  return fieldKind(table, field) !== 'hidden';
}

const MASKED_KINDS: readonly FieldKind[] = ['nationalId', 'email', 'lineId', 'contacts'];

/**
 * Whether a coordinator may type a merged value for a conflict of this field. Masked personal data (revealing
 * it is the person page's audited action) is resolved by keeping one side: nobody types over what they cannot see.
 */
export function isMergeableField(table: SyncedTable, field: string): boolean {
  return !MASKED_KINDS.includes(fieldKind(table, field));
}

export interface FieldValueContext {
  t: Translate;
  era: Era;
  /** "ต.เวียง อ.เมืองเชียงราย จ.เชียงราย" for a DOPA code, when the place names are loaded. */
  placeName?: (code: string) => string | undefined;
}

const EMPTY = '—';

/** What a person reads for a field's value. */
export function fieldValueText(table: SyncedTable, field: string, value: unknown, context: FieldValueContext): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const { t, era } = context;
  const kind = fieldKind(table, field);
  if (typeof kind === 'object') {
    const key = `${kind.choice}${String(value)}`;
    return tryTranslate(t, key) ?? String(value);
  }
  switch (kind) {
    case 'date':
      return typeof value === 'string' ? formatShortDate(new Date(`${value}T00:00:00`), { era }) : plain(value);
    case 'instant':
      return instantText(value, era);
    case 'instants':
      return Array.isArray(value) ? value.map((v) => instantText(v, era)).join(', ') || EMPTY : plain(value);
    case 'place':
      return typeof value === 'string' ? (context.placeName?.(value) ?? value) : plain(value);
    case 'nationalId':
      return typeof value === 'string' ? (maskNationalId(value) ?? EMPTY) : EMPTY;
    case 'phone':
      return typeof value === 'string' ? (formatPhone(value) ?? value) : plain(value);
    case 'email':
      return typeof value === 'string' ? maskEmail(value) : EMPTY;
    case 'lineId':
      return typeof value === 'string' ? maskLineId(value) : EMPTY;
    case 'yesNo':
      return t(value ? 'sync.value.yes' : 'sync.value.no');
    case 'deleted':
      return t(value ? 'sync.value.deleted' : 'sync.value.notDeleted');
    case 'html':
      return typeof value === 'string' ? withoutTags(value) || EMPTY : plain(value);
    case 'list':
      return Array.isArray(value) ? value.map(String).join(', ') || EMPTY : plain(value);
    case 'participants':
      return Array.isArray(value) ? value.map((g: { group?: unknown; count?: unknown }) => `${String(g.group ?? '')} ${String(g.count ?? '')}`.trim()).join(', ') || EMPTY : plain(value);
    case 'trainings':
      return Array.isArray(value)
        ? value.map((tr: { name?: unknown; date?: unknown }) => [String(tr.name ?? ''), typeof tr.date === 'string' ? formatShortDate(new Date(`${tr.date}T00:00:00`), { era }) : ''].filter(Boolean).join(' ')).join(', ') || EMPTY
        : plain(value);
    case 'contacts':
      return Array.isArray(value)
        ? value
            .map((c: { name?: unknown; position?: unknown; phone?: unknown; email?: unknown }) =>
              [c.name, c.position, typeof c.phone === 'string' ? (formatPhone(c.phone) ?? c.phone) : c.phone, typeof c.email === 'string' && c.email ? maskEmail(c.email) : ''].filter((part) => typeof part === 'string' && part !== '').join(' '),
            )
            .join('; ') || EMPTY
        : plain(value);
    case 'fieldNames':
      return Array.isArray(value) ? value.map((f) => fieldLabel(t, String(f), 'members')).join(', ') || EMPTY : plain(value);
    default:
      return plain(value);
  }
}

function instantText(value: unknown, era: Era): string {
  const at = typeof value === 'string' ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? `${formatShortDate(at, { era })} ${formatTime(at)}` : plain(value);
}

function tryTranslate(t: Translate, key: string): string | undefined {
  return key in catalogueTh ? t(key as MessageKey) : undefined;
}

const withoutTags = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** Text as is (markup pasted into a plain field without its tags), anything else readable. */
function plain(value: unknown): string {
  if (typeof value === 'string') return (/<[a-z][^>]*>/i.test(value) ? withoutTags(value) : value) || EMPTY;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value);
}
