import type { Member } from '../../../shared/domain/member';
import { OUT_OF_SCOPE_IMPORT, writableDistrictOf } from '../../../shared/roster/import-scope';
import type { ColumnMemory, RosterField } from '../../../shared/roster/roster-columns';
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

/** The syncState row (local, never synced) with the column mappings this device's users chose. */
const COLUMN_MEMORY_KEY = 'roster.import.columns';

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

  /** Column mappings chosen on this device before, by heading (see guessColumnMapping). */
  async columnMemory(): Promise<ColumnMemory> {
    const row = await this.db.syncState.get(COLUMN_MEMORY_KEY);
    return row && typeof row.value === 'object' && row.value !== null ? (row.value as ColumnMemory) : {};
  }

  /** Keeps the mapping of an import's headings, so the next file with them maps the same way. */
  async rememberColumns(memory: Readonly<Record<string, RosterField | null>>): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      await this.db.syncState.put({ key: COLUMN_MEMORY_KEY, value: { ...(await this.columnMemory()), ...memory } });
    });
  }

  importPeople(
    people: readonly ImportedPerson[],
    scope: WorkScope,
    actor: RosterActor,
    options: { fileName: string; tambonName?: (code: string) => string; onProgress?: (p: ImportProgress) => void; signal?: AbortSignal },
  ): Promise<ImportResult> {
    const { db } = this;
    // Validation refused these rows already; this is the last guard before the write (the server
    // would refuse the people and the centres they make, and they would sit on the sync page).
    const district = writableDistrictOf(actor.role, actor.districtCode);
    if (people.some((p) => !p.tambonCode.startsWith(scope.provinceCode) || (district !== null && amphoeOf(p.tambonCode) !== district))) {
      return Promise.reject(new Error(OUT_OF_SCOPE_IMPORT));
    }
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
      // Bulk writes in chunks (createMany), progress between them; a cancel rolls all of it back.
      await this.writer.createMany('members', records, { onProgress: (done) => options.onProgress?.({ done, total: records.length }), signal: options.signal });
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
