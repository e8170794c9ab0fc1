import { attachmentStores, fileHash, storeAttachment, type AttachmentFile } from './attachment-writer';
import type { Centre } from '../../../shared/domain/centre';
import type { MemberInput } from '../../../shared/domain/member';
import type { PartnerOrganisationInput } from '../../../shared/domain/partner-organisation';
import { comparePersonNames, sortByThai } from '../../../shared/thai/thai-collation';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter, WriteOptions } from '../record-writer';
import type { WorkScope } from './author';
import { amphoeOf, newRecordEnvelope } from './record-envelope';

type NewRecord<T> = Omit<T, 'id' | 'provinceCode' | 'districtCode' | 'deleted' | 'createdAt' | 'updatedAt'>;
export type CentreFields = NewRecord<Centre>;
export type PartnerFields = NewRecord<PartnerOrganisationInput>;

/** ศส.ปชต. centres, their committee members and partner organisations. */
export class RosterRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  createCentre(input: CentreFields, scope: WorkScope, now = new Date()): Promise<LocalRecord<'centres'>> {
    return this.writer.create('centres', { ...input, ...newRecordEnvelope(scope.provinceCode, amphoeOf(input.tambonCode), now) });
  }

  updateCentre(id: string, patch: Partial<Omit<CentreFields, 'tambonCode'>>, options: Pick<WriteOptions, 'base'> = {}): Promise<LocalRecord<'centres'>> {
    return this.writer.update('centres', id, patch, options);
  }

  /** Used by the example data; people edited by users go through PeopleRepository, which audits. */
  createMember(input: NewRecord<MemberInput>, scope: WorkScope, now = new Date()): Promise<LocalRecord<'members'>> {
    return this.writer.create('members', {
      mergedIntoId: null,
      mergedFromIds: [],
      erasedAt: null,
      ...input,
      ...newRecordEnvelope(scope.provinceCode, amphoeOf(input.tambonCode), now),
    });
  }

  updateMember(id: string, patch: Partial<NewRecord<MemberInput>>): Promise<LocalRecord<'members'>> {
    return this.writer.update('members', id, patch as Partial<LocalRecord<'members'>>);
  }

  createPartner(input: PartnerFields, scope: WorkScope, now = new Date()): Promise<LocalRecord<'partners'>> {
    // A partner placed in an amphoe or tambon belongs to that district; one placed province-wide to the writer's scope.
    const districtCode = input.placeCode && input.placeCode.length >= 4 ? amphoeOf(input.placeCode) : scope.districtCode;
    return this.writer.create('partners', { placeCode: null, ...input, ...newRecordEnvelope(scope.provinceCode, districtCode, now) });
  }

  /** Attaches the signed MOU (PDF or image) to a partner, replacing an earlier one. */
  async setMouDocument(id: string, file: AttachmentFile): Promise<LocalRecord<'partners'>> {
    const sha256 = await fileHash(file.bytes);
    return this.db.transaction('rw', [this.db.partners, ...attachmentStores(this.db)], async () => {
      const partner = await this.db.partners.get(id);
      if (!partner || partner.deleted) throw new Error(`partners ${id} does not exist`);
      if (partner.mouAttachmentId && (await this.db.attachments.get(partner.mouAttachmentId))) await this.writer.remove('attachments', partner.mouAttachmentId);
      const owner = { table: 'partners', id: partner.id, provinceCode: partner.provinceCode, districtCode: partner.districtCode };
      const attachment = await storeAttachment(this.db, this.writer, owner, file, sha256, new Date());
      return this.writer.update('partners', id, { mouAttachmentId: attachment.id });
    });
  }

  /** An attachment's file name and bytes, when this device has them. */
  async attachmentFile(attachmentId: string): Promise<{ fileName: string; mimeType: string; data: Blob } | null> {
    const attachment = await this.db.attachments.get(attachmentId);
    if (!attachment || attachment.deleted) return null;
    const blob = await this.db.blobs.get(attachment.sha256);
    return blob ? { fileName: attachment.fileName, mimeType: attachment.mimeType, data: blob.data } : null;
  }

  updatePartner(id: string, patch: Partial<PartnerFields>, options: Pick<WriteOptions, 'base'> = {}): Promise<LocalRecord<'partners'>> {
    return this.writer.update('partners', id, patch as Partial<LocalRecord<'partners'>>, options);
  }

  removePartner(id: string): Promise<void> {
    return this.writer.remove('partners', id);
  }

  async centres(): Promise<LocalRecord<'centres'>[]> {
    return (await this.db.centres.toArray()).filter((c) => !c.deleted);
  }

  centre(id: string): Promise<LocalRecord<'centres'> | undefined> {
    return this.db.centres.get(id);
  }

  /** The centre of a tambon (one per tambon; the oldest wins if two devices created one each). */
  async centreOfTambon(tambonCode: string): Promise<LocalRecord<'centres'> | undefined> {
    const rows = (await this.db.centres.where('tambonCode').equals(tambonCode).toArray()).filter((c) => !c.deleted);
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  }

  /** A centre's committee, in Thai name order. */
  async membersOfCentre(centreId: string): Promise<LocalRecord<'members'>[]> {
    const rows = await this.db.members.where('centreId').equals(centreId).filter((m) => !m.deleted).toArray();
    return rows.sort(comparePersonNames);
  }

  async partners(): Promise<LocalRecord<'partners'>[]> {
    return sortByThai((await this.db.partners.toArray()).filter((p) => !p.deleted), 'name');
  }

  /** Partners working in a place or within it: a province lists all its partners, a tambon those placed there. */
  async partnersOfPlace(placeCode: string): Promise<LocalRecord<'partners'>[]> {
    const all = await this.partners();
    return all.filter((p) => {
      const code = p.placeCode ?? p.districtCode ?? p.provinceCode;
      return code.startsWith(placeCode);
    });
  }
}
