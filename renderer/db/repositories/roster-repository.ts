import type { Centre } from '../../../shared/domain/centre';
import type { Member } from '../../../shared/domain/member';
import type { PartnerOrganisation } from '../../../shared/domain/partner-organisation';
import { uuidv7 } from '../../../shared/ids/uuid-v7';
import { comparePersonNames } from '../../../shared/thai/thai-collation';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import type { WorkScope } from './author';

type NewRecord<T> = Omit<T, 'id' | 'provinceCode' | 'districtCode' | 'deleted' | 'createdAt' | 'updatedAt'>;

/** ศส.ปชต. centres, their committee members and partner organisations. */
export class RosterRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  createCentre(input: NewRecord<Centre>, scope: WorkScope, now = new Date()): Promise<LocalRecord<'centres'>> {
    const at = now.toISOString();
    return this.writer.create('centres', {
      ...input,
      id: uuidv7(now.getTime()),
      provinceCode: scope.provinceCode,
      districtCode: input.tambonCode.slice(0, 4),
      deleted: false,
      createdAt: at,
      updatedAt: at,
    });
  }

  createMember(input: NewRecord<Member>, scope: WorkScope, now = new Date()): Promise<LocalRecord<'members'>> {
    const at = now.toISOString();
    return this.writer.create('members', {
      ...input,
      id: uuidv7(now.getTime()),
      provinceCode: scope.provinceCode,
      districtCode: input.tambonCode.slice(0, 4),
      deleted: false,
      createdAt: at,
      updatedAt: at,
    });
  }

  updateMember(id: string, patch: Partial<NewRecord<Member>>): Promise<LocalRecord<'members'>> {
    return this.writer.update('members', id, patch);
  }

  createPartner(input: NewRecord<PartnerOrganisation>, scope: WorkScope, now = new Date()): Promise<LocalRecord<'partners'>> {
    const at = now.toISOString();
    return this.writer.create('partners', {
      ...input,
      id: uuidv7(now.getTime()),
      provinceCode: scope.provinceCode,
      districtCode: scope.districtCode,
      deleted: false,
      createdAt: at,
      updatedAt: at,
    });
  }

  async centres(): Promise<LocalRecord<'centres'>[]> {
    return (await this.db.centres.toArray()).filter((c) => !c.deleted);
  }

  /** A centre's committee, in Thai name order. */
  async membersOfCentre(centreId: string): Promise<LocalRecord<'members'>[]> {
    const rows = await this.db.members.where('centreId').equals(centreId).filter((m) => !m.deleted).toArray();
    return rows.sort(comparePersonNames);
  }

  async partners(): Promise<LocalRecord<'partners'>[]> {
    return (await this.db.partners.toArray()).filter((p) => !p.deleted);
  }
}
