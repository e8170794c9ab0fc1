import type { z } from 'zod';
import { Attachment } from './attachment';
import { Attendance } from './attendance';
import { AuditEntry } from './audit-entry';
import { CalendarEvent } from './calendar-event';
import { Centre } from './centre';
import { Member } from './member';
import { NewsItem } from './news';
import { NewsRevision } from './news-revision';
import { NewsTransition } from './news-transition';
import { PartnerOrganisation } from './partner-organisation';

/** Every table that syncs, with the schema of its records. One list for device and server. */
export const SYNCED_TABLE_SCHEMAS = {
  news: NewsItem,
  events: CalendarEvent,
  centres: Centre,
  members: Member,
  partners: PartnerOrganisation,
  attendance: Attendance,
  attachments: Attachment,
  newsRevisions: NewsRevision,
  newsTransitions: NewsTransition,
  auditEntries: AuditEntry,
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLE_SCHEMAS;
export const SYNCED_TABLES = Object.keys(SYNCED_TABLE_SCHEMAS) as SyncedTable[];

export type RecordOf<T extends SyncedTable> = z.infer<(typeof SYNCED_TABLE_SCHEMAS)[T]>;

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.prototype.hasOwnProperty.call(SYNCED_TABLE_SCHEMAS, name);
}

/**
 * Tables of history: a record is written once, whole, and never changed or deleted afterwards (the
 * server refuses a later write and never prunes them). Each names who acted; the server writes those
 * fields from the device's token, so an entry cannot be forged in someone else's name.
 */
export const APPEND_ONLY_TABLES = {
  newsRevisions: { id: 'authorId', name: 'authorName' },
  newsTransitions: { id: 'actorId', name: 'actorName', role: 'actorRole' },
  auditEntries: { id: 'actorId', name: 'actorName', role: 'actorRole' },
} as const satisfies Partial<Record<SyncedTable, { id: string; name: string; role?: string }>>;

export type AppendOnlyTable = keyof typeof APPEND_ONLY_TABLES;

export function isAppendOnlyTable(table: string): table is AppendOnlyTable {
  return Object.hasOwn(APPEND_ONLY_TABLES, table);
}
