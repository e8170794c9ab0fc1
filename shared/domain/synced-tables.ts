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
