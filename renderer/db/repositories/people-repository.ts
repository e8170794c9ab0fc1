import type { PreparedPhoto } from './news-photo-repository';
import { fileHash, storeAttachment } from './attachment-writer';
import type { Member, MemberInput, Training } from '../../../shared/domain/member';
import { duplicatesOf } from '../../../shared/roster/duplicate-detection';
import { erasurePatch, isDueForErasure } from '../../../shared/roster/erasure-rules';
import { canErase } from '../../../shared/roster/reveal-policy';
import { isRedacted } from '../../../shared/domain/redacted-value';
import type { DeskDatabase } from '../database';
import { withoutDerivedFields, type DerivedFields } from '../derived-fields';
import type { LocalRecord } from '../local-record';
import { fieldsToWrite, type RecordWriter, type WriteOptions } from '../record-writer';
import { AuditRepository } from './audit-repository';
import { dropBlobsNoLongerUsed } from './blob-cleanup';
import type { WorkScope } from './author';
import { amphoeOf, newRecordEnvelope } from './record-envelope';
import type { RosterActor } from './roster-actor';
import { searchPeople } from './people-search';
import { peopleIdsWithNationalId } from '../at-rest/person-digit-lookup';

/** The fields of a person the forms edit: everything but identity, scope, merge and erasure bookkeeping. */
export type PersonFields = Omit<MemberInput, 'id' | 'provinceCode' | 'districtCode' | 'deleted' | 'createdAt' | 'updatedAt' | 'mergedIntoId' | 'mergedFromIds' | 'erasedAt'>;
export type PersonPatch = Partial<PersonFields>;

export class NotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowedError';
  }
}

const NOT_ALLOWED_ERASE = 'การลบข้อมูลส่วนบุคคลทำได้เฉพาะผู้ประสานงานหรือผู้ดูแลระบบ';

/**
 * People on the rosters, with PDPA care: every change, reveal and export by a user is written to
 * the audit trail in the same transaction as the change itself.
 */
export class PeopleRepository {
  readonly audit: AuditRepository;

  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditRepository(db, writer, now);
  }

  private tables() {
    return [this.db.members, this.db.recordTable('auditEntries'), this.db.attendance, this.db.attachments, this.db.blobs, this.db.outbox, this.db.syncState];
  }

  /**
   * A person's photo: the bytes as a content-addressed blob (synced by hash), an attachment record
   * owned by the person, and the person's photoAttachmentId — one transaction, on the audit trail.
   */
  setPhoto(id: string, photo: PreparedPhoto, actor: RosterActor): Promise<LocalRecord<'members'>> {
    return fileHash(photo.bytes).then((sha256) =>
      this.db.transaction('rw', this.tables(), async () => {
        const person = await this.require(id);
        // The photo it replaces goes, so only the current one syncs on to other devices.
        if (person.photoAttachmentId && (await this.db.attachments.get(person.photoAttachmentId))) await this.writer.remove('attachments', person.photoAttachmentId);
        const owner = { table: 'members', id: person.id, provinceCode: person.provinceCode, districtCode: person.districtCode };
        const attachment = await storeAttachment(this.db, this.writer, owner, photo, sha256, this.now());
        return this.update(id, { photoAttachmentId: attachment.id }, actor);
      }),
    );
  }

  /** The bytes of a person's photo, when the device has them (a pulled photo may still be downloading). */
  async photoOf(person: Pick<Member, 'photoAttachmentId'>): Promise<Blob | null> {
    if (!person.photoAttachmentId) return null;
    const attachment = await this.db.attachments.get(person.photoAttachmentId);
    if (!attachment || attachment.deleted) return null;
    return (await this.db.blobs.get(attachment.sha256))?.data ?? null;
  }

  get(id: string): Promise<LocalRecord<'members'> | undefined> {
    return this.db.members.get(id);
  }

  create(input: PersonFields, scope: WorkScope, actor: RosterActor): Promise<LocalRecord<'members'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      const record = await this.writer.create('members', {
        mergedIntoId: null,
        mergedFromIds: [],
        erasedAt: null,
        ...input,
        ...newRecordEnvelope(scope.provinceCode, amphoeOf(input.tambonCode), this.now()),
      } as Member);
      await this.audit.record({ action: 'create', memberId: record.id, provinceCode: record.provinceCode, districtCode: record.districtCode, fields: Object.keys(input) }, actor);
      return record;
    });
  }

  /**
   * Saves the fields that changed; an unchanged save writes nothing and records nothing. `base`: the
   * person as the form loaded them (fields the user left alone are not written back; see fieldsToWrite).
   */
  update(id: string, patch: PersonPatch, actor: RosterActor, options: Pick<WriteOptions, 'base'> = {}): Promise<LocalRecord<'members'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      const current = await this.require(id);
      const changed = [...fieldsToWrite(current, patch, options.base).keys()];
      if (changed.length === 0) return current;
      const saved = await this.writer.update('members', id, patch as Partial<Member>, options);
      await this.audit.record({ action: 'update', memberId: id, provinceCode: current.provinceCode, districtCode: current.districtCode, fields: changed }, actor);
      return saved;
    });
  }

  addTraining(id: string, training: Training, actor: RosterActor): Promise<LocalRecord<'members'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      const person = await this.require(id);
      return this.update(id, { trainings: [...person.trainings, training].sort((a, b) => a.date.localeCompare(b.date)) }, actor);
    });
  }

  search(query: string, limit = 100): Promise<LocalRecord<'members'>[]> {
    return searchPeople(this.db, query, limit);
  }

  /** Live people of a centre or tambon, in Thai order (by the sort-key index). */
  async ofCentre(centreId: string): Promise<LocalRecord<'members'>[]> {
    return this.db.members.where('[centreId+sortKey]').between([centreId, ''], [centreId, '\uffff']).toArray();
  }

  async ofTambon(tambonCode: string): Promise<LocalRecord<'members'>[]> {
    return this.db.members.where('[tambonCode+sortKey]').between([tambonCode, ''], [tambonCode, '\uffff']).toArray();
  }

  /** Live people whose tambon code starts with a province, amphoe or tambon code, in Thai order. */
  async underPlace(placeCode: string): Promise<LocalRecord<'members'>[]> {
    return this.db.members.where('[tambonCode+sortKey]').between([placeCode, ''], [`${placeCode}\uffff`, '\uffff']).toArray();
  }

  /** How many live people there are (the length of the full list). */
  countLive(): Promise<number> {
    return this.db.members.orderBy('sortKey').count();
  }

  /** One page of the full list in Thai order, for the virtualised list. */
  page(offset: number, limit: number): Promise<LocalRecord<'members'>[]> {
    return this.db.members.orderBy('sortKey').offset(offset).limit(limit).toArray();
  }

  /** Other live people who look like the same person (same ID, or same name in the same tambon). */
  async duplicatesOf(id: string): Promise<LocalRecord<'members'>[]> {
    const person = await this.require(id);
    const sameTambon = await this.ofTambon(person.tambonCode);
    const sameId =
      person.nationalId && !isRedacted(person.nationalId)
        ? (await this.db.members.bulkGet(await peopleIdsWithNationalId(this.db, person.nationalId))).filter((m): m is LocalRecord<'members'> => m !== undefined && !m.deleted && m.nationalId === person.nationalId)
        : [];
    const pool = new Map([...sameTambon, ...sameId].map((m) => [m.id, m]));
    const found = new Set(duplicatesOf(person, [...pool.values()]).map((d) => d.id));
    return [...pool.values()].filter((m) => found.has(m.id));
  }

  /**
   * Merges a duplicate into the person kept: blanks of the kept record are filled from the other,
   * trainings are joined, the other's attendance moves over, and the other becomes a tombstone
   * pointing at the kept one — so both histories stay, on one person.
   */
  merge(keepId: string, otherId: string, actor: RosterActor): Promise<LocalRecord<'members'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      if (keepId === otherId) throw new Error('ไม่สามารถรวมบุคคลกับตัวเองได้');
      const keep = await this.require(keepId);
      const other = await this.require(otherId);
      const patch: Partial<Member> = {};
      for (const field of ['title', 'lastName', 'nationalId', 'phone', 'lineId', 'email', 'village', 'role', 'sector', 'termStart', 'termEnd', 'photoAttachmentId', 'privacyNoticeOn', 'centreId'] as const) {
        const mine = keep[field];
        const theirs = other[field];
        // A value withheld from this user is not theirs to copy (and is never sent): the merge leaves it.
        if ((mine === null || mine === '') && theirs !== null && theirs !== '' && !isRedacted(theirs)) (patch as Record<string, unknown>)[field] = theirs;
      }
      const trainings = new Map([...keep.trainings, ...other.trainings].map((t) => [`${t.date}|${t.curriculum}`, t]));
      patch.trainings = [...trainings.values()].sort((a, b) => a.date.localeCompare(b.date));
      patch.mergedFromIds = [...new Set([...keep.mergedFromIds, other.id, ...other.mergedFromIds])];
      const kept = await this.writer.update('members', keepId, patch);
      await this.writer.update('members', otherId, { deleted: true, mergedIntoId: keepId });
      for (const row of await this.db.attendance.where('memberId').equals(otherId).toArray()) {
        await this.writer.update('attendance', row.id, { memberId: keepId });
      }
      for (const id of [keepId, otherId]) {
        await this.audit.record({ action: 'merge', memberId: id, provinceCode: keep.provinceCode, districtCode: id === keepId ? keep.districtCode : other.districtCode, detail: `${otherId} → ${keepId}` }, actor);
      }
      return kept;
    });
  }

  /** People whose term ended before the cutoff ('YYYY-MM-DD'): listed for erasure. */
  async dueForErasure(cutoff: string): Promise<LocalRecord<'members'>[]> {
    const rows = await this.db.members.where('termEnd').below(cutoff).toArray();
    return rows.filter((m) => isDueForErasure(m, cutoff)).sort((a, b) => (a.termEnd ?? '').localeCompare(b.termEnd ?? ''));
  }

  /**
   * Erases a person everywhere: the record and every record merged into it are blanked and
   * tombstoned, names written on their attendance are blanked, their photo is deleted (its bytes
   * leave this PC at once). These are synced writes, so the server and other devices are wiped when
   * they sync (their bytes: other devices' start-up sweep, the server's `prune`).
   */
  erase(id: string, actor: RosterActor): Promise<void> {
    return this.db.transaction('rw', this.tables(), async () => {
      if (!canErase(actor)) throw new NotAllowedError(NOT_ALLOWED_ERASE);
      const person = await this.require(id);
      const at = this.now();
      for (const memberId of [id, ...person.mergedFromIds]) {
        const row = await this.db.members.get(memberId);
        if (!row) continue;
        const photo = row.photoAttachmentId ? await this.db.attachments.get(row.photoAttachmentId) : undefined;
        if (photo) {
          await this.writer.remove('attachments', photo.id);
          // The bytes go at once, not after the sweep's grace: an erasure is final.
          await dropBlobsNoLongerUsed(this.db, [photo.sha256]);
        }
        await this.writer.update('members', memberId, erasurePatch(at));
        for (const visit of await this.db.attendance.where('memberId').equals(memberId).toArray()) {
          if (visit.personName) await this.writer.update('attendance', visit.id, { personName: '' });
        }
        await this.audit.record({ action: 'erase', memberId, provinceCode: row.provinceCode, districtCode: row.districtCode, fields: ['*'] }, actor);
      }
    });
  }

  /** Everything held about a person (a data-subject request, PDPA section 30), with the export audited. */
  subjectExport(id: string, actor: RosterActor): Promise<SubjectExport> {
    return this.db.transaction('rw', [...this.tables(), this.db.events, this.db.centres], async () => {
      const person = await this.require(id);
      const ids = [id, ...person.mergedFromIds];
      const activities = await this.activitiesOf(ids);
      const centre = person.centreId ? await this.db.centres.get(person.centreId) : undefined;
      await this.audit.record({ action: 'subject-export', memberId: id, provinceCode: person.provinceCode, districtCode: person.districtCode, fields: ['*'] }, actor);
      const { _stamps: _s, ...record } = withoutDerivedFields(person);
      return { exportedAt: this.now().toISOString(), person: record, centre: centre?.name ?? null, activities, trainings: person.trainings, auditTrail: (await this.audit.forPeople(ids)).map(({ _stamps: _a, ...e }) => e) };
    });
  }

  /** The calendar activities a person (and anyone merged into them) checked in at, newest first. */
  async activitiesOf(memberIds: readonly string[]): Promise<PersonActivity[]> {
    const visits = (await this.db.attendance.where('memberId').anyOf([...memberIds]).toArray()).filter((a) => !a.deleted);
    const events = await this.db.events.bulkGet([...new Set(visits.map((v) => v.eventId))]);
    const byId = new Map(events.filter((e) => e !== undefined).map((e) => [e.id, e]));
    return visits
      .map((v) => ({ attendanceId: v.id, eventId: v.eventId, title: byId.get(v.eventId)?.title ?? '', start: byId.get(v.eventId)?.start ?? v.checkedInAt, group: v.group, checkedInAt: v.checkedInAt }))
      .sort((a, b) => b.start.localeCompare(a.start));
  }

  private async require(id: string): Promise<LocalRecord<'members'>> {
    const row = await this.db.members.get(id);
    if (!row) throw new Error('ไม่พบบุคคลนี้ในทะเบียน');
    return row;
  }
}

export interface PersonActivity {
  attendanceId: string;
  eventId: string;
  title: string;
  start: string;
  group: string;
  checkedInAt: string;
}

export interface SubjectExport {
  exportedAt: string;
  person: Omit<LocalRecord<'members'>, '_stamps' | keyof DerivedFields>;
  centre: string | null;
  activities: PersonActivity[];
  trainings: Training[];
  auditTrail: Omit<LocalRecord<'auditEntries'>, '_stamps'>[];
}
