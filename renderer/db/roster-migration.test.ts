// The roster's schema step (v6) on a database the previous release (v5) wrote: rows as v5 stored
// them (no sort key, old-style search tokens, partners without placeCode, no audit table) must come
// through the upgrade whole, with the new indexes usable at once.
import { describe, expect, it } from 'vitest';
import { comparePersonNames } from '../../shared/thai/thai-collation';
import { tokenizeForSearch } from '../../shared/thai/search-tokens';
import { openDeskData } from './desk-data';
import { PeopleRepository } from './repositories/people-repository';
import type { RosterActor } from './repositories/roster-actor';
import { peopleIdsWithNationalId } from './at-rest/person-digit-lookup';
import { placeCounts } from './repositories/roster-place-stats';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';
import { createTestDatabase } from './test-database';

const BEFORE_ROSTER = SCHEMA_VERSIONS.slice(0, SCHEMA_VERSIONS.findIndex((v) => v.version === 6));
const COORDINATOR: RosterActor = { userId: 'u1', displayName: 'ผอ.กกต.จว.', role: 'coordinator', districtCode: null };
const STAMPS = { firstName: '0000018f00000000-0000-dev1' };

/** The search text v5 indexed a person by: names, the whole phone, the last four ID digits. */
function v5Tokens(row: { firstName: string; lastName: string; phone: string | null; nationalId: string | null }): string[] {
  const id = row.nationalId ? row.nationalId.slice(-4) : '';
  return tokenizeForSearch([row.firstName, row.lastName, row.phone, id].filter((s) => typeof s === 'string' && s).join(' '));
}

/** A member exactly as v5 wrote it: no merge or erasure fields, no sortKey. */
function v5Member(id: string, over: { firstName: string; lastName: string; tambonCode: string; phone: string | null; nationalId: string | null; termEnd: string | null; deleted?: boolean }) {
  const row = {
    id,
    provinceCode: '57',
    districtCode: over.tambonCode.slice(0, 4),
    deleted: over.deleted ?? false,
    tambonCode: over.tambonCode,
    centreId: null,
    title: 'นาย',
    firstName: over.firstName,
    lastName: over.lastName,
    nationalId: over.nationalId,
    phone: over.phone,
    lineId: '',
    email: '',
    village: 3,
    role: 'กรรมการ',
    sector: 'อสม.',
    termStart: '2018-04-01',
    termEnd: over.termEnd,
    trainings: [],
    photoAttachmentId: null,
    privacyNoticeOn: null,
    createdAt: '2022-08-01T03:00:00.000Z',
    updatedAt: '2022-08-01T03:00:00.000Z',
    _stamps: STAMPS,
  };
  return { ...row, searchTokens: v5Tokens(row) };
}

const M = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

async function v5Database() {
  const name = `roster-migrate-${Date.now()}-${Math.random()}`;
  const v5 = createTestDatabase(BEFORE_ROSTER, name);
  await v5.open();
  expect(v5.verno).toBe(5);
  expect(v5.tables.map((t) => t.name)).not.toContain('auditEntries');
  await v5.table('members').bulkPut([
    v5Member(M(1), { firstName: 'สมชาย', lastName: 'ใจงาม', tambonCode: '570101', phone: '0812345678', nationalId: '1101700230708', termEnd: '2027-03-31' }),
    v5Member(M(2), { firstName: 'เกษม', lastName: 'ทองดี', tambonCode: '570101', phone: '0899001122', nationalId: null, termEnd: '2019-03-31' }),
    v5Member(M(3), { firstName: 'บุญมี', lastName: 'ศรีสุข', tambonCode: '570102', phone: null, nationalId: '3570100123455', termEnd: '2027-03-31' }),
    v5Member(M(4), { firstName: 'สมศรี', lastName: 'ลบแล้ว', tambonCode: '570101', phone: '0861112233', nationalId: null, termEnd: '2019-03-31', deleted: true }),
  ]);
  await v5.table('partners').put({
    id: M(10),
    provinceCode: '57',
    districtCode: '5701',
    deleted: false,
    type: 'กรมการปกครอง',
    name: 'ที่ว่าการอำเภอเมืองเชียงราย',
    level: 'district',
    contacts: [],
    mouDate: null,
    mouAttachmentId: null,
    notes: '',
    createdAt: '2022-08-01T03:00:00.000Z',
    updatedAt: '2022-08-01T03:00:00.000Z',
    _stamps: {},
  });
  await v5.table('outbox').add({ table: 'members', recordId: M(1), provinceCode: '57', districtCode: '5701', changes: {}, createdAt: '2022-08-01T03:00:00.000Z', sentAt: null });
  v5.close();
  return name;
}

describe('roster schema step (v5 → v6)', () => {
  it('keeps every row and queues nothing', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    expect(data.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await data.db.members.count()).toBe(4);
    expect(await data.db.partners.count()).toBe(1);
    expect(await data.db.outbox.count()).toBe(1);
    // Synced fields and their stamps are untouched: the derived fields are local only.
    const before = v5Member(M(1), { firstName: 'สมชาย', lastName: 'ใจงาม', tambonCode: '570101', phone: '0812345678', nationalId: '1101700230708', termEnd: '2027-03-31' });
    const { searchTokens: _old, ...synced } = before;
    expect(await data.db.members.get(M(1))).toMatchObject(synced);
  });

  it('backfills sort keys: the full list and a tambon page through them in Thai order, without the deleted', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    const live = (await data.db.members.toArray()).filter((m) => !m.deleted);
    const thaiOrder = [...live].sort(comparePersonNames).map((m) => m.id);
    expect(await data.db.members.orderBy('sortKey').primaryKeys()).toEqual(thaiOrder);
    expect(await data.db.members.get(M(4))).not.toHaveProperty('sortKey');

    const people = new PeopleRepository(data.db, data.writer);
    expect(await people.countLive()).toBe(3);
    expect((await people.page(0, 2)).map((m) => m.id)).toEqual(thaiOrder.slice(0, 2));
    expect((await people.ofTambon('570101')).map((m) => m.id)).toEqual(thaiOrder.filter((id) => id !== M(3)));
    // The compound index orders by tambon first: an amphoe comes out tambon by tambon, each in Thai order.
    expect((await people.underPlace('5701')).map((m) => m.id)).toEqual([...thaiOrder.filter((id) => id !== M(3)), M(3)]);
  });

  it('re-derives search tokens: name prefixes and phone suffixes find people, the deleted are not found', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    const people = new PeopleRepository(data.db, data.writer);
    // v5 could not find these: "สมช" is no prefix of a segmented word, "5678" no prefix of the phone.
    expect((await people.search('สมช')).map((m) => m.id)).toEqual([M(1)]);
    expect((await people.search('5678')).map((m) => m.id)).toEqual([M(1)]);
    expect((await people.search('ทองด')).map((m) => m.id)).toEqual([M(2)]);
    expect((await people.search('3455')).map((m) => m.id)).toEqual([M(3)]);
    expect(await people.search('ลบแล้ว')).toEqual([]);
    expect((await data.db.members.get(M(4)))?.searchTokens).toEqual([]);
  });

  it('v10 keeps no single-field index of tambon, centre, amphoe or family name: places count live people through [tambonCode+sortKey]', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    expect(Object.keys(data.db.members.schema.idxByName).sort()).toEqual(['[centreId+sortKey]', '[tambonCode+sortKey]', 'searchTokens', 'sortKey', 'termEnd']);
    const { byChild, total } = await placeCounts(data.db, '5701', 6);
    expect(total.members).toBe(3);
    expect(byChild.get('570101')?.members).toBe(2);
    expect(byChild.get('570102')?.members).toBe(1);
  });

  it('makes the new member indexes usable: by national ID (since v8 through the search tokens) and by term end', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    expect(await peopleIdsWithNationalId(data.db, '3570100123455')).toEqual([M(3)]);
    const people = new PeopleRepository(data.db, data.writer);
    // Ended 2019: due at a 2-year cutoff in 2022; the deleted one is not listed.
    expect((await people.dueForErasure('2020-08-01')).map((m) => m.id)).toEqual([M(2)]);
  });

  it('adds partners.placeCode: new partners are indexed by it, old ones still count by their district', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    const old = await data.db.partners.get(M(10));
    expect(old?.placeCode).toBeUndefined();
    const added = await data.roster.createPartner({ type: 'สถานศึกษา', name: 'โรงเรียนบ้านดู่', level: 'tambon', placeCode: '570103', contacts: [], mouDate: null, mouAttachmentId: null, notes: '' }, { provinceCode: '57', districtCode: null });
    expect(await data.db.partners.where('placeCode').equals('570103').primaryKeys()).toEqual([added.id]);
    expect((await data.roster.partnersOfPlace('5701')).map((p) => p.id).sort()).toEqual([M(10), added.id].sort());
    expect((await data.roster.partnersOfPlace('570103')).map((p) => p.id)).toEqual([added.id]);
    // An old partner edited after the upgrade gets the field (schema default), and the index sees it once set.
    await data.roster.updatePartner(M(10), { placeCode: '5701' });
    expect(await data.db.partners.where('placeCode').equals('5701').primaryKeys()).toEqual([M(10)]);
  });

  it('creates the audit trail: a v5 person edited after the upgrade is audited', async () => {
    const data = await openDeskData(createTestDatabase(undefined, await v5Database()));
    expect(await data.db.recordTable('auditEntries').count()).toBe(0);
    const people = new PeopleRepository(data.db, data.writer);
    const saved = await people.update(M(2), { phone: '0899009900' }, COORDINATOR);
    // The fields v6 added to members are filled with their defaults on the first write.
    expect(saved).toMatchObject({ phone: '0899009900', mergedIntoId: null, mergedFromIds: [], erasedAt: null });
    expect((await people.search('9900')).map((m) => m.id)).toEqual([M(2)]);
    const trail = await data.db.recordTable('auditEntries').where('memberId').equals(M(2)).toArray();
    expect(trail.map((e) => [e.action, e.fields])).toEqual([['update', ['phone']]]);
    expect(await data.db.recordTable('auditEntries').where('action').equals('update').count()).toBe(1);
  });
});
