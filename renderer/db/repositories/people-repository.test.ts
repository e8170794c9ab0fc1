import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportedPerson } from '../../../shared/roster/row-validation';
import { openDeskData, type DeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { redactedValue } from '../../../shared/domain/redacted-value';
import { NotAllowedError, PeopleRepository, type PersonFields } from './people-repository';
import { RosterImportRepository } from './roster-import-repository';
import { placeCounts } from './roster-place-stats';
import type { RosterActor } from './roster-actor';

const SCOPE = { provinceCode: '57', districtCode: null };
const COORDINATOR: RosterActor = { userId: 'u1', displayName: 'ผอ.', role: 'coordinator', districtCode: null };
const EDITOR: RosterActor = { userId: 'u2', displayName: 'ประชาสัมพันธ์', role: 'editor', districtCode: null };
const OFFICER_MUEANG: RosterActor = { userId: 'u3', displayName: 'จนท.เมือง', role: 'officer', districtCode: '5701' };

function person(over: Partial<PersonFields> = {}): PersonFields {
  return { tambonCode: '570101', centreId: null, title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: '1101700230708', phone: '0812345678', lineId: '', email: '', village: 1, role: 'กรรมการ', sector: 'อสม.', termStart: '2022-04-01', termEnd: '2027-03-31', trainings: [], photoAttachmentId: null, privacyNoticeOn: '2022-04-01', ...over };
}

let data: DeskData;
let people: PeopleRepository;

beforeEach(async () => {
  data = await openDeskData(createTestDatabase());
  people = new PeopleRepository(data.db, data.writer);
});

describe('people with an audit trail', () => {
  it('records a change with the names of the fields changed, never their values', async () => {
    const p = await people.create(person(), SCOPE, COORDINATOR);
    await people.update(p.id, { phone: '0899999999', lastName: 'ใจดี' }, EDITOR);
    await people.update(p.id, { phone: '0899999999' }, EDITOR); // nothing changed: nothing written
    const trail = await people.audit.forPeople([p.id]);
    expect(trail.map((e) => [e.action, e.fields, e.actorRole])).toEqual([
      ['update', ['phone'], 'editor'],
      ['create', expect.arrayContaining(['firstName', 'nationalId']), 'coordinator'],
    ]);
    expect(JSON.stringify(trail)).not.toContain('0899999999');
    const queued = await data.db.outbox.toArray();
    expect(queued.map((o) => o.table)).toEqual(['members', 'auditEntries', 'members', 'auditEntries']);
  });

  it('keeps a photo as a synced attachment with its bytes, replacing the previous one', async () => {
    const p = await people.create(person(), SCOPE, COORDINATOR);
    const photo = (byte: number) => ({ fileName: 'รูป.png', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, byte]), width: 1, height: 1 });
    const first = await people.setPhoto(p.id, photo(1), EDITOR);
    const firstAttachment = await data.db.attachments.get(first.photoAttachmentId!);
    expect(firstAttachment).toMatchObject({ ownerTable: 'members', ownerId: p.id, provinceCode: '57', deleted: false });
    expect(new Uint8Array(await (await people.photoOf(first))!.arrayBuffer())).toEqual(photo(1).bytes);
    expect((await data.db.blobs.get(firstAttachment!.sha256))?.uploaded).toBe(false);

    const second = await people.setPhoto(p.id, photo(2), EDITOR);
    expect(second.photoAttachmentId).not.toBe(first.photoAttachmentId);
    expect((await data.db.attachments.get(first.photoAttachmentId!))?.deleted).toBe(true);
    expect(new Uint8Array(await (await people.photoOf(second))!.arrayBuffer())).toEqual(photo(2).bytes);
    const trail = await people.audit.forPeople([p.id]);
    expect(trail.filter((e) => e.action === 'update' && e.fields.includes('photoAttachmentId'))).toHaveLength(2);
    const queuedTables = (await data.db.outbox.toArray()).map((o) => o.table);
    expect(queuedTables.filter((t) => t === 'attachments')).toHaveLength(3); // two created, one tombstoned
  });

  it('attaches a signed MOU to a partner as a synced attachment, replacing an earlier one', async () => {
    const partner = await data.roster.createPartner({ type: 'กรมการปกครอง', name: 'ที่ทำการปกครองอำเภอเมืองเชียงราย', level: 'district', placeCode: '5701', contacts: [], mouDate: '2022-06-16', mouAttachmentId: null, notes: '' }, SCOPE);
    const pdf = (text: string) => ({ fileName: 'MOU.pdf', mimeType: 'application/pdf', bytes: new TextEncoder().encode(`%PDF-1.4 ${text}`), width: null, height: null });
    const first = await data.roster.setMouDocument(partner.id, pdf('ฉบับแรก'));
    const second = await data.roster.setMouDocument(partner.id, pdf('ฉบับลงนาม'));
    expect((await data.db.attachments.get(first.mouAttachmentId!))?.deleted).toBe(true);
    const file = await data.roster.attachmentFile(second.mouAttachmentId!);
    expect(file?.fileName).toBe('MOU.pdf');
    expect(new TextDecoder().decode(await file!.data.arrayBuffer())).toBe('%PDF-1.4 ฉบับลงนาม');
    expect(await data.roster.attachmentFile(first.mouAttachmentId!)).toBeNull();
  });

  it('treats values the server withheld (issue 18) as nobody’s: no duplicate by a masked ID, never copied by a merge', async () => {
    // As an editor's device holds two people after a pull: their IDs masked to the same last four digits.
    const masked = redactedValue('x-xxxx-xxxx0-70-8');
    const a = await people.create(person({ firstName: 'สมชาย', nationalId: masked, phone: redactedValue(), email: redactedValue() }), SCOPE, EDITOR);
    const b = await people.create(person({ firstName: 'สมหญิง', lastName: 'รักดี', nationalId: masked, phone: null, email: '' }), SCOPE, EDITOR);
    expect(await people.duplicatesOf(a.id)).toEqual([]);
    const kept = await people.merge(b.id, a.id, EDITOR);
    expect(kept).toMatchObject({ nationalId: masked, phone: null, email: '' });
    const c = await people.create(person({ firstName: 'สมปอง', nationalId: null, phone: null }), SCOPE, EDITOR);
    const d = await people.create(person({ firstName: 'สมปอง', nationalId: masked, phone: redactedValue() }), SCOPE, EDITOR);
    expect(await people.merge(c.id, d.id, EDITOR)).toMatchObject({ nationalId: null, phone: null });
  });
});

describe('search', () => {
  beforeEach(async () => {
    await people.create(person(), SCOPE, COORDINATOR);
    await people.create(person({ firstName: 'สมศรี', lastName: 'คำแก้ว', nationalId: '1101700230716', phone: '0898765432' }), SCOPE, COORDINATOR);
    await people.create(person({ firstName: 'เกษม', lastName: 'ศรีสุข', nationalId: null, phone: '053711111' }), SCOPE, COORDINATOR);
  });
  const names = async (q: string) => (await people.search(q)).map((p) => p.firstName);

  it('finds by a prefix of a first or family name, Thai-ordered', async () => {
    expect(await names('สม')).toEqual(['สมชาย', 'สมศรี']);
    expect(await names('สมช')).toEqual(['สมชาย']);
    expect(await names('ศรีส')).toEqual(['เกษม']);
    expect(await names('สม คำ')).toEqual(['สมศรี']);
    expect(await names('นายสมชาย')).toEqual(['สมชาย']);
  });

  it('returns the first matches in Thai name order when more match than asked for', async () => {
    const givenNames = ['สมหมาย', 'สมใจ', 'สมบัติ', 'สมปอง', 'สมพร', 'สมคิด', 'สมฤดี', 'สมทรง', 'สมนึก', 'สมยศ'];
    for (const firstName of givenNames) await people.create(person({ firstName, lastName: 'ทดสอบ', nationalId: null, phone: null }), SCOPE, COORDINATOR);
    const everyone = (await people.search('สม', 1000)).map((p) => `${p.firstName} ${p.lastName}`);
    expect(everyone.length).toBeGreaterThan(5);
    expect((await people.search('สม', 5)).map((p) => `${p.firstName} ${p.lastName}`)).toEqual(everyone.slice(0, 5));
  });

  it('finds by phone prefix or last digits, and by the last four ID digits', async () => {
    expect(await names('081-234')).toEqual(['สมชาย']);
    expect(await names('5432')).toEqual(['สมศรี']);
    expect(await names('0708')).toEqual(['สมชาย']);
    expect(await names('ไม่มี')).toEqual([]);
  });
});

describe('duplicates, merge and erasure', () => {
  it('merges a duplicate keeping both histories on one person', async () => {
    const a = await people.create(person({ phone: null }), SCOPE, COORDINATOR);
    const b = await people.create(person({ nationalId: null, trainings: [{ curriculum: 'หลักสูตร ศส.ปชต.', date: '2023-05-01' }] }), SCOPE, COORDINATOR);
    expect((await people.duplicatesOf(a.id)).map((d) => d.id)).toEqual([b.id]);
    const merged = await people.merge(a.id, b.id, COORDINATOR);
    expect(merged).toMatchObject({ phone: '0812345678', nationalId: '1101700230708', mergedFromIds: [b.id], trainings: [{ curriculum: 'หลักสูตร ศส.ปชต.', date: '2023-05-01' }] });
    expect(await people.get(b.id)).toMatchObject({ deleted: true, mergedIntoId: a.id, firstName: 'สมชาย' });
    expect((await people.audit.forPeople([a.id, b.id])).filter((e) => e.action === 'merge')).toHaveLength(2);
    expect((await people.search('สมชาย')).map((p) => p.id)).toEqual([a.id]);
  });

  it('lists people whose term ended before the cutoff, and erases them as a synced blanking write', async () => {
    const old = await people.create(person({ termEnd: '2020-03-31', photoAttachmentId: null }), SCOPE, COORDINATOR);
    await people.create(person({ firstName: 'สมศรี', nationalId: null }), SCOPE, COORDINATOR);
    expect((await people.dueForErasure('2022-01-01')).map((p) => p.id)).toEqual([old.id]);
    await expect(people.erase(old.id, EDITOR)).rejects.toBeInstanceOf(NotAllowedError);
    await people.erase(old.id, COORDINATOR);
    const erased = await people.get(old.id);
    expect(erased).toMatchObject({ deleted: true, firstName: '', lastName: '', nationalId: null, phone: null });
    expect(erased!.searchTokens).toEqual([]);
    const last = (await data.db.outbox.where('[table+recordId]').equals(['members', old.id]).toArray()).at(-1)!;
    expect(last.changes.firstName?.value).toBe('');
    expect(last.changes.nationalId?.value).toBeNull();
    expect(last.changes.deleted?.value).toBe(true);
    expect(await people.dueForErasure('2022-01-01')).toEqual([]);
    expect(await people.search('สมชาย')).toEqual([]);
  });

  it('erases the photo bytes from the device too, unless another live record uses the same picture', async () => {
    const photo = { fileName: 'รูป.png', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 7]), width: 1, height: 1 };
    const other = { ...photo, bytes: new Uint8Array([137, 80, 78, 71, 8]) };
    const leaving = await people.setPhoto((await people.create(person({ termEnd: '2020-03-31' }), SCOPE, COORDINATOR)).id, photo, EDITOR);
    const leavingTwin = await people.setPhoto((await people.create(person({ firstName: 'สมศักดิ์', termEnd: '2020-03-31' }), SCOPE, COORDINATOR)).id, other, EDITOR);
    const staying = await people.setPhoto((await people.create(person({ firstName: 'สมหญิง', nationalId: null }), SCOPE, COORDINATOR)).id, other, EDITOR);
    const shaOf = async (p: { photoAttachmentId: string | null }) => (await data.db.attachments.get(p.photoAttachmentId!))!.sha256;

    await people.erase(leaving.id, COORDINATOR);
    await people.erase(leavingTwin.id, COORDINATOR);
    expect(await data.db.blobs.get(await shaOf(leaving))).toBeUndefined();
    expect(await people.photoOf(leaving)).toBeNull();
    // Same picture on a person who stays: the bytes stay for them.
    expect(await data.db.blobs.get(await shaOf(leavingTwin))).toBeDefined();
    expect(await people.photoOf(staying)).not.toBeNull();
  });
});

describe('import', () => {
  const imported = (n: number, over: Partial<ImportedPerson> = {}): ImportedPerson => ({ title: 'นาย', firstName: `ทดสอบ${n}`, lastName: 'นำเข้า', nationalId: null, phone: null, lineId: '', email: '', village: null, role: 'กรรมการ', sector: '', tambonCode: n % 2 ? '570101' : '570102', termStart: null, termEnd: null, privacyNoticeOn: null, ...over });

  it('writes every row in one transaction, creating the centre of a tambon that has none', async () => {
    const repo = new RosterImportRepository(data.db, data.writer);
    const progress: number[] = [];
    const result = await repo.importPeople(Array.from({ length: 2_500 }, (_, i) => imported(i)), SCOPE, COORDINATOR, { fileName: 'a.xlsx', tambonName: () => 'เวียง', onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ imported: 2_500, centresCreated: 2 });
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    expect(await people.countLive()).toBe(2_500);
    const counts = await placeCounts(data.db, '5701', 6);
    expect(counts.byChild.get('570101')).toMatchObject({ centres: 1, members: 1_250 });
    expect(counts.total).toMatchObject({ centres: 2, members: 2_500, completeCentres: 0 });
  });

  it('writes nothing when a row fails part-way', async () => {
    const repo = new RosterImportRepository(data.db, data.writer);
    const rows = Array.from({ length: 50 }, (_, i) => imported(i));
    rows[40] = imported(40, { tambonCode: 'x' });
    await expect(repo.importPeople(rows, SCOPE, COORDINATOR, { fileName: 'a.xlsx' })).rejects.toThrow();
    expect(await data.db.members.count()).toBe(0);
    expect(await data.db.centres.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
  });

  it('writes nothing when the user cancels after some chunks were written', async () => {
    const repo = new RosterImportRepository(data.db, data.writer);
    const cancel = new AbortController();
    const progress: number[] = [];
    const rows = Array.from({ length: 2_500 }, (_, i) => imported(i));
    const run = repo.importPeople(rows, SCOPE, COORDINATOR, { fileName: 'a.xlsx', signal: cancel.signal, onProgress: (p) => {
      progress.push(p.done);
      cancel.abort();
    } });
    await expect(run).rejects.toThrow();
    expect(progress).toEqual([1_000]);
    expect(await data.db.members.count()).toBe(0);
    expect(await data.db.centres.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
  });
});

describe('import within what the user may write (issue 17)', () => {
  const imported = (tambonCode: string): ImportedPerson => ({ title: 'นาย', firstName: `ทดสอบ${tambonCode}`, lastName: 'นำเข้า', nationalId: null, phone: null, lineId: '', email: '', village: null, role: 'กรรมการ', sector: '', tambonCode, termStart: null, termEnd: null, privacyNoticeOn: null });

  it("refuses, writing nothing, an officer's import with a tambon in another amphoe", async () => {
    const repo = new RosterImportRepository(data.db, data.writer);
    const officerScope = { provinceCode: '57', districtCode: '5701' };
    await expect(repo.importPeople([imported('570101'), imported('570801')], officerScope, OFFICER_MUEANG, { fileName: 'a.xlsx' })).rejects.toThrow('นอกพื้นที่ที่คุณมีสิทธิ์แก้ไข');
    expect(await data.db.members.count()).toBe(0);
    expect(await data.db.centres.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
    // Their own district is fine; a coordinator writes the whole province.
    await expect(repo.importPeople([imported('570101')], officerScope, OFFICER_MUEANG, { fileName: 'a.xlsx' })).resolves.toMatchObject({ imported: 1 });
    await expect(repo.importPeople([imported('570801')], SCOPE, COORDINATOR, { fileName: 'a.xlsx' })).resolves.toMatchObject({ imported: 1 });
    await expect(repo.importPeople([imported('500101')], SCOPE, COORDINATOR, { fileName: 'a.xlsx' })).rejects.toThrow('นอกพื้นที่');
  });

  it('remembers the column mappings chosen on this device, merging each import’s into the rest', async () => {
    const repo = new RosterImportRepository(data.db, data.writer);
    expect(await repo.columnMemory()).toEqual({});
    await repo.rememberColumns({ อาชีพ: 'sector', ที่: null });
    await repo.rememberColumns({ เบอร์ติดต่อ: 'phone' });
    expect(await repo.columnMemory()).toEqual({ อาชีพ: 'sector', ที่: null, เบอร์ติดต่อ: 'phone' });
    expect(await data.db.outbox.count()).toBe(0);
  });
});

describe('the full list', () => {
  it('pages through live people in Thai order, deleted ones left out', async () => {
    for (const firstName of ['อรุณี', 'เกษม', 'กาญจนา', 'ขวัญใจ', 'ไพโรจน์']) await people.create(person({ firstName, nationalId: null }), SCOPE, COORDINATOR);
    const gone = await people.create(person({ firstName: 'ลบแล้ว', nationalId: null }), SCOPE, COORDINATOR);
    await data.writer.remove('members', gone.id);
    const first = (await people.page(0, 1))[0]!;
    await people.update(first.id, { phone: '0811111111' }, COORDINATOR); // a replacing put keeps the row in the index
    expect(await people.countLive()).toBe(5);
    expect((await people.page(0, 3)).map((p) => p.firstName)).toEqual(['กาญจนา', 'เกษม', 'ขวัญใจ']);
    expect((await people.page(3, 10)).map((p) => p.firstName)).toEqual(['ไพโรจน์', 'อรุณี']);
  });
});
