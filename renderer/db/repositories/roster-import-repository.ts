import type { Member } from '../../../shared/domain/member';
import { personNameKey, type ImportedPerson } from '../../../shared/roster/row-validation';
import type { DeskDatabase } from '../database';
import type { RecordWriter } from '../record-writer';
import { AuditRepository } from './audit-repository';
import type { WorkScope } from './author';
import { amphoeOf, newRecordEnvelope } from './record-envelope';
import type { RosterActor } from './roster-actor';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportResult {
  imported: number;
  centresCreated: number;
}

/** Rows per bulk write: progress moves between chunks, and one chunk stays a modest request. */
const IMPORT_CHUNK = 100;

/** What validation needs to know of the roster already on the device. */
export interface ExistingPeople {
  nationalIds: Set<string>;
  nameKeys: Set<string>;
}

/**
 * Writes validated people in ONE transaction: every row or none. A tambon without a centre gets
 * one ("ศส.ปชต. ตำบล…"). One audit entry records the import.
 */
export class RosterImportRepository {
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditRepository(db, writer, now);
  }

  async existingPeople(): Promise<ExistingPeople> {
    const nationalIds = new Set<string>();
    const nameKeys = new Set<string>();
    await this.db.members.each((m) => {
      if (m.deleted) return;
      if (m.nationalId) nationalIds.add(m.nationalId);
      nameKeys.add(personNameKey(m.tambonCode, m.firstName, m.lastName));
    });
    return { nationalIds, nameKeys };
  }

  importPeople(
    people: readonly ImportedPerson[],
    scope: WorkScope,
    actor: RosterActor,
    options: { fileName: string; tambonName?: (code: string) => string; onProgress?: (p: ImportProgress) => void },
  ): Promise<ImportResult> {
    const { db } = this;
    return db.transaction('rw', [db.members, db.centres, db.recordTable('auditEntries'), db.outbox, db.syncState], async () => {
      const centreOf = new Map<string, string>();
      let centresCreated = 0;
      const at = this.now();
      const records: Member[] = [];
      for (const person of people) {
        let centreId = centreOf.get(person.tambonCode);
        if (centreId === undefined) {
          const existing = (await db.centres.where('tambonCode').equals(person.tambonCode).toArray()).filter((c) => !c.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
          centreId = existing?.id ?? (await this.createCentre(person.tambonCode, scope, options.tambonName, at));
          if (!existing) centresCreated++;
          centreOf.set(person.tambonCode, centreId);
        }
        records.push({
          ...person,
          ...newRecordEnvelope(scope.provinceCode, amphoeOf(person.tambonCode), at),
          centreId,
          trainings: [],
          photoAttachmentId: null,
          mergedIntoId: null,
          mergedFromIds: [],
          erasedAt: null,
        });
      }
      // Bulk writes in chunks: one request per chunk instead of several per row, with progress between.
      for (let done = 0; done < records.length; done += IMPORT_CHUNK) {
        const chunk = records.slice(done, done + IMPORT_CHUNK);
        await this.writer.createMany('members', chunk);
        options.onProgress?.({ done: done + chunk.length, total: records.length });
      }
      await this.audit.record(
        { action: 'import', memberId: null, provinceCode: scope.provinceCode, districtCode: scope.districtCode, count: people.length, detail: options.fileName.slice(0, 200), fields: [] },
        actor,
      );
      return { imported: people.length, centresCreated };
    });
  }

  private async createCentre(tambonCode: string, scope: WorkScope, tambonName: ((code: string) => string) | undefined, at: Date): Promise<string> {
    const name = tambonName?.(tambonCode);
    const centre = await this.writer.create('centres', {
      ...newRecordEnvelope(scope.provinceCode, amphoeOf(tambonCode), at),
      tambonCode,
      name: name ? `ศส.ปชต. ตำบล${name}` : `ศส.ปชต. ${tambonCode}`,
      location: '',
      establishedOn: null,
      status: 'active',
      orderNumber: '',
      orderDate: null,
      notes: '',
    });
    return centre.id;
  }
}
