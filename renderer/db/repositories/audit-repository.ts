import type { AuditAction, AuditEntry } from '../../../shared/domain/audit-entry';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import type { RosterActor } from './roster-actor';
import { newRecordIdentity } from './record-envelope';

export interface AuditInput {
  action: AuditAction;
  memberId: string | null;
  provinceCode: string;
  districtCode: string | null;
  fields?: string[];
  count?: number;
  detail?: string;
}

/** The PDPA audit trail: appended in the same transaction as the change it records, synced like any record. */
export class AuditRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get table() {
    return this.db.recordTable('auditEntries');
  }

  record(input: AuditInput, actor: RosterActor): Promise<LocalRecord<'auditEntries'>> {
    const at = this.now();
    const entry: AuditEntry = {
      ...newRecordIdentity(input.provinceCode, input.districtCode, at),
      memberId: input.memberId,
      action: input.action,
      fields: input.fields ?? [],
      count: input.count ?? (input.memberId ? 1 : 0),
      detail: input.detail ?? '',
      actorId: actor.userId,
      actorName: actor.displayName,
      actorRole: actor.role,
      at: at.toISOString(),
    };
    return this.writer.create('auditEntries', entry);
  }

  /** A person's trail, newest first, across the records merged into them. */
  async forPeople(memberIds: readonly string[]): Promise<LocalRecord<'auditEntries'>[]> {
    const rows = await this.table.where('memberId').anyOf([...memberIds]).toArray();
    return rows.sort((a, b) => b.at.localeCompare(a.at));
  }

  async recent(limit = 200): Promise<LocalRecord<'auditEntries'>[]> {
    return this.table.orderBy('at').reverse().limit(limit).toArray();
  }
}
