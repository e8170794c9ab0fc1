// Encryption at rest (issue 14 part 2): what IndexedDB holds, read bypassing the middleware, has no personal value
// of the example data in clear; through the data layer everything reads as before, search included.
import '../../backup/test-support/node-file-api';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadSampleData, SAMPLE_PARTNER_CONTACTS } from '../../app/sample-data/load-sample-data';
import { samplePeople } from '../../app/sample-data/sample-people';
import { exportBackup } from '../../backup/backup-export';
import { inspectBackup } from '../../backup/backup-inspect';
import { restoreBackup } from '../../backup/backup-restore';
import { fakeDatabaseFactory } from '../../backup/test-support/backup-fixtures';
import { randomBytes } from '../../security/crypto-envelope';
import { fieldKeysFrom, type FieldKeys } from '../../security/field-cipher';
import { openDeskData, type DeskData } from '../desk-data';
import { PeopleRepository } from '../repositories/people-repository';
import { RosterImportRepository } from '../repositories/roster-import-repository';
import { createTestDatabase } from '../test-database';
import { AtRestLockedError } from './row-sealers';
import { sealExistingRows, sealingState } from './seal-existing-rows';

const pages = {
  seminarArticle: readFileSync(new URL('../../app/sample-data/seeds/seminar-article.txt', import.meta.url), 'utf8'),
  newsListing: readFileSync(new URL('../../app/sample-data/seeds/news-listing.txt', import.meta.url), 'utf8'),
};
const author = { userId: 'local', displayName: 'เครื่องทดสอบ' };
const scope = { provinceCode: '57', districtCode: null };

const newKeys = (): FieldKeys => fieldKeysFrom(new Map([['k1', randomBytes(32)]]), 'k1', randomBytes(32));

/** The personal values of the example data: every person's ID, phone, LINE id, e-mail, and the partner contacts'. */
async function personalValues(data: DeskData): Promise<string[]> {
  const people = await data.db.members.toArray();
  const values = people.flatMap((p) => [p.nationalId, p.phone, p.lineId, p.email]);
  values.push(...SAMPLE_PARTNER_CONTACTS.flatMap((c) => [c.phone, c.email]));
  return values.filter((v): v is string => typeof v === 'string' && v.length > 3);
}

/** Every store as IndexedDB holds it, read with a second Dexie that has no middleware. */
async function rawDump(name: string): Promise<string> {
  const raw = new Dexie(name, { indexedDB, IDBKeyRange });
  await raw.open();
  const stores: Record<string, unknown[]> = {};
  for (const table of raw.tables) stores[table.name] = await table.toArray();
  raw.close();
  return JSON.stringify(stores);
}

async function sealedDesk(keys = newKeys()): Promise<DeskData> {
  const db = createTestDatabase();
  db.atRestKeys = () => keys;
  const data = await openDeskData(db);
  await loadSampleData(data, pages, author, scope);
  return data;
}

const ACTOR = { userId: 'local', displayName: 'เครื่องทดสอบ', role: 'coordinator', districtCode: null } as const;

/** A JPEG's first bytes (FF D8 FF), then some. */
const jpegBytes = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 200 }, (_, i) => i)]);

async function rawRows(name: string, store: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name, { indexedDB, IDBKeyRange });
  await raw.open();
  const rows = (await raw.table(store).toArray()) as Record<string, unknown>[];
  raw.close();
  return rows;
}

function expectSealedBytes(data: unknown): void {
  expect(data).toBeInstanceOf(Uint8Array);
  expect([...(data as Uint8Array).subarray(0, 3)]).not.toEqual([0xff, 0xd8, 0xff]);
  expect(Buffer.from(data as Uint8Array).includes(Buffer.from(jpegBytes().subarray(0, 40)))).toBe(false);
}

describe('encryption at rest of personal data', () => {
  it('stores no ID, phone, e-mail or LINE id of the example data in clear: records, outbox, conflicts, refused changes', async () => {
    const data = await sealedDesk();
    const [person] = await data.db.members.toArray();
    await data.writer.update('members', person!.id, { phone: '0899990001' });
    await data.db.conflicts.put({ id: 'c1', table: 'members', recordId: person!.id, field: 'phone', winnerValue: '0899990002', winnerStamp: 's', winnerAuthor: 'a', loserValue: '0899990003', loserStamp: 's', loserAuthor: 'b', createdAt: '', resolvedAt: null });
    await data.db.syncState.put({ key: 'syncRejected', value: [{ at: '', table: 'members', recordId: person!.id, mutationId: 'm1', reason: 'invalid', message: '', changes: { phone: { value: '0899990004' }, firstName: { value: 'สมชาย' } } }] });

    const values = [...(await personalValues(data)), '0899990001', '0899990002', '0899990003', '0899990004'];
    expect(values.length).toBeGreaterThan(60);
    const dump = await rawDump(data.db.name);
    for (const value of values) expect(dump).not.toContain(value);
    // ...nor an ID's last four digits as a search token, while names stay in clear for the lists and search.
    expect(dump).not.toContain(`"${samplePeople(0, 1)[0]!.nationalId.slice(-4)}"`);
    expect(dump).toContain(samplePeople(0, 1)[0]!.firstName);

    // Through the data layer, everything reads as written.
    expect((await data.db.members.get(person!.id))?.phone).toBe('0899990001');
    expect((await data.db.conflicts.get('c1'))?.loserValue).toBe('0899990003');
    const rejected = (await data.db.syncState.get('syncRejected'))?.value as { changes: Record<string, { value: string }> }[];
    expect(rejected[0]!.changes.phone!.value).toBe('0899990004');
    const queued = await data.db.outbox.where('[table+recordId]').equals(['members', person!.id]).toArray();
    expect(queued.map((e) => e.changes.phone?.value)).toContain('0899990001');
    const partner = (await data.db.partners.toArray()).find((p) => p.contacts.length > 0)!;
    expect(SAMPLE_PARTNER_CONTACTS).toContainEqual(partner.contacts[0]);
  });

  it('finds people by a whole ID, its last four digits, a phone and its last four, through keyed tokens', async () => {
    const data = await sealedDesk();
    const someone = (await data.db.members.toArray()).find((p) => p.nationalId && p.phone)!;
    const people = new PeopleRepository(data.db, data.writer);
    const ids = async (query: string) => (await people.search(query)).map((p) => p.id);
    expect(await ids(someone.nationalId!)).toEqual([someone.id]);
    expect(await ids(someone.nationalId!.slice(-4))).toContain(someone.id);
    expect(await ids(someone.phone!)).toContain(someone.id);
    expect(await ids(someone.phone!.slice(-4))).toContain(someone.id);
    expect(await ids(someone.phone!.slice(0, 7))).toContain(someone.id);
    expect(await ids(someone.firstName)).toContain(someone.id);
    // Duplicate detection looks the same ID up by its token.
    const twin = await data.roster.createMember(
      { tambonCode: '570108', centreId: null, title: 'นาย', firstName: 'ทดสอบ', lastName: 'ซ้ำ', nationalId: someone.nationalId, phone: null, lineId: '', email: '', village: null, role: 'กรรมการ', sector: '', termStart: null, termEnd: null, trainings: [], photoAttachmentId: null, privacyNoticeOn: null },
      scope,
    );
    expect((await people.duplicatesOf(twin.id)).map((p) => p.id)).toContain(someone.id);
  });

  it('an import seals its people and their queued changes ahead of the write, as a single write would, and finds them', async () => {
    const data = await sealedDesk();
    const people = Array.from({ length: 1_200 }, (_, i) => ({ title: 'นาย', firstName: `นำเข้า${i}`, lastName: 'ทดสอบ', nationalId: null, phone: `08${String(10_000_000 + i * 37).slice(-8)}`, lineId: `line.${i}`, email: '', village: null, role: 'กรรมการ', sector: '', tambonCode: '570101', termStart: null, termEnd: null, privacyNoticeOn: null }));
    people[7]!.nationalId = '3570009990017' as never;
    await new RosterImportRepository(data.db, data.writer).importPeople(people, scope, ACTOR, { fileName: 'a.xlsx' });

    const dump = await rawDump(data.db.name);
    for (const value of ['3570009990017', '"0017"', people[0]!.phone, people[1_199]!.phone, 'line.5']) expect(dump).not.toContain(value);
    expect(dump).toContain('นำเข้า1199');
    const stored = (await rawRows(data.db.name, 'members')).find((row) => row.firstName === 'นำเข้า7')!;
    expect((stored.searchTokens as string[]).filter((t) => t.startsWith('#'))).toHaveLength(2 + 1 + 5);

    const repo = new PeopleRepository(data.db, data.writer);
    const found = async (query: string) => (await repo.search(query)).map((p) => p.firstName);
    expect(await found('3570009990017')).toEqual(['นำเข้า7']);
    expect(await found(people[1_199]!.phone)).toEqual(['นำเข้า1199']);
    const queued = await data.db.outbox.where('[table+recordId]').equals(['members', (await data.db.members.filter((m) => m.lastName === 'ทดสอบ').first())!.id]).toArray();
    expect(queued[0]!.changes.phone?.value).toMatch(/^08\d{8}$/);
    expect(queued[0]!.changes.lineId?.value).toMatch(/^line\.\d+$/);
  });

  it('stores photo bytes sealed (no JPEG in clear), reads them back as the same Blob, and keeps the clear bytes’ hash as the name', async () => {
    const data = await sealedDesk();
    const [person] = await data.db.members.toArray();
    const people = new PeopleRepository(data.db, data.writer);
    const bytes = jpegBytes();
    const updated = await people.setPhoto(person!.id, { fileName: 'p.jpg', mimeType: 'image/jpeg', bytes, width: 1, height: 1 }, ACTOR);
    const photo = await people.photoOf(updated);
    expect(photo?.type).toBe('image/jpeg');
    expect(new Uint8Array(await photo!.arrayBuffer())).toEqual(bytes);
    const sha256 = (await data.db.attachments.get(updated.photoAttachmentId!))!.sha256;
    await data.db.blobs.update(sha256, { uploaded: true });
    const [stored] = await rawRows(data.db.name, 'blobs');
    expect(stored!.sha256).toBe(sha256);
    expectSealedBytes(stored!.data);
    expect((await data.db.blobs.get(sha256))?.uploaded).toBe(true);
  });

  it('refuses a tampered value, and neither writes nor opens personal data while locked', async () => {
    let keys: FieldKeys | null = newKeys();
    const db = createTestDatabase();
    db.atRestKeys = () => keys;
    const data = await openDeskData(db);
    await loadSampleData(data, pages, author, scope);
    const [person] = await data.db.members.toArray();
    const raw = new Dexie(db.name, { indexedDB, IDBKeyRange });
    await raw.open();
    const stored = (await raw.table('members').get(person!.id)) as { phone: string };
    const flipped = stored.phone.slice(0, -3) + (stored.phone.at(-3) === 'A' ? 'B' : 'A') + stored.phone.slice(-2);
    await raw.table('members').update(person!.id, { phone: flipped });
    raw.close();
    const tampered = await data.db.members.get(person!.id);
    expect(() => tampered!.phone).toThrow(/does not open/);
    expect(tampered!.firstName).toBe(person!.firstName);

    keys = null;
    const locked = await data.db.members.get(person!.id);
    expect(() => locked!.nationalId).toThrow(AtRestLockedError);
    await expect(data.db.members.put({ ...person!, nationalId: null })).rejects.toThrow(AtRestLockedError);
  });

  it('opens a new device’s database while its keys are still being read (start-up), writing only what holds no personal value', async () => {
    let keys: FieldKeys | null = null;
    const db = createTestDatabase();
    db.atRestKeys = () => keys;
    // The first start writes the device's identity while the keyring is still loading (renderer/main.tsx).
    const data = await openDeskData(db);
    expect(data.identity.deviceId).toBeTruthy();
    await data.db.outbox.add({ table: 'news', recordId: 'n1', provinceCode: '57', districtCode: null, changes: { title: { value: 'ข่าว', stamp: 's', prev: null } }, createdAt: '', sentAt: null });
    expect(await data.db.outbox.count()).toBe(1);
    const person = { id: '0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b', provinceCode: '57', districtCode: '5701', tambonCode: '570101', centreId: null, title: 'นาย', firstName: 'ล็อก', lastName: 'อยู่', nationalId: null, phone: '0812345678', lineId: '', email: '', village: null, role: 'กรรมการ', sector: '', termStart: null, termEnd: null, trainings: [], photoAttachmentId: null, privacyNoticeOn: null, mergedIntoId: null, mergedFromIds: [], erasedAt: null, deleted: false, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    await expect(data.writer.createMany('members', [person as never])).rejects.toThrow(AtRestLockedError);
    expect(await data.db.members.count()).toBe(0);
    keys = newKeys();
    await data.writer.createMany('members', [person as never]);
    expect((await rawRows(db.name, 'members'))[0]!.phone).not.toContain('0812345678');
  });

  it('seals rows written before encryption at rest, resumably: stopped half way and resumed, nothing lost, outbox intact', async () => {
    const db = createTestDatabase();
    const data = await openDeskData(db);
    await loadSampleData(data, pages, author, scope);
    const [withPhoto] = await db.members.toArray();
    await new PeopleRepository(db, data.writer).setPhoto(withPhoto!.id, { fileName: 'p.jpg', mimeType: 'image/jpeg', bytes: jpegBytes(), width: 1, height: 1 }, ACTOR);
    expect((await rawRows(db.name, 'blobs'))[0]!.data).toBeInstanceOf(Blob);
    const values = await personalValues(data);
    const before = { members: await db.members.toArray(), partners: await db.partners.toArray(), outbox: await db.outbox.toArray() };
    expect(await rawDump(db.name)).toContain(values[0]);

    const keys = newKeys();
    db.atRestKeys = () => keys;
    const progress: number[] = [];
    expect(await sealExistingRows(db, { batchSize: 10, maxBatches: 3, onProgress: (p) => progress.push(p.seen) })).toBe(false);
    expect(progress).toEqual([10, 20, 25]);
    expect(await sealingState(db)).toMatchObject({ done: false, store: 'partners' });
    db.close();

    // A reload: another instance resumes where the first stopped.
    const reopened = createTestDatabase(undefined, db.name);
    reopened.atRestKeys = () => keys;
    await reopened.open();
    expect(await sealExistingRows(reopened, { batchSize: 10 })).toBe(true);
    const dump = await rawDump(db.name);
    for (const value of values) expect(dump).not.toContain(value);
    expect(await reopened.members.toArray()).toEqual(before.members.map((m) => ({ ...m, searchTokens: expect.any(Array) as unknown })));
    expect(await reopened.partners.toArray()).toEqual(before.partners);
    expect(await reopened.outbox.toArray()).toEqual(before.outbox);
    expectSealedBytes((await rawRows(db.name, 'blobs'))[0]!.data);
    expect(new Uint8Array(await (await reopened.blobs.toArray())[0]!.data.arrayBuffer())).toEqual(jpegBytes());
    // Search by digits works on the sealed rows.
    const someone = before.members.find((m) => m.nationalId)!;
    const reopenedData = await openDeskData(reopened);
    expect((await new PeopleRepository(reopenedData.db, reopenedData.writer).search(someone.nationalId!.slice(-4))).map((p) => p.id)).toContain(someone.id);
    expect(await sealExistingRows(reopened)).toBe(true);
  });

  it('a backup holds the values in clear inside its encryption and restores sealed, on another device with other keys', async () => {
    const source = await sealedDesk();
    const people = await source.db.members.toArray();
    const bytes = jpegBytes();
    await new PeopleRepository(source.db, source.writer).setPhoto(people[0]!.id, { fileName: 'p.jpg', mimeType: 'image/jpeg', bytes, width: 1, height: 1 }, ACTOR);
    expect(await sealExistingRows(source.db)).toBe(true);
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    const text = new TextDecoder().decode(file);
    expect(text).toContain(people[0]!.nationalId);

    const otherKeys = newKeys();
    const target = createTestDatabase();
    target.atRestKeys = () => otherKeys;
    await target.open();
    await restoreBackup(target, await inspectBackup(file), { createDatabase: fakeDatabaseFactory });
    const restored = await target.members.toArray();
    expect(restored.map((p) => [p.id, p.nationalId, p.phone, p.email])).toEqual(people.map((p) => [p.id, p.nationalId, p.phone, p.email]));
    const dump = await rawDump(target.name);
    for (const value of await personalValues(source)) expect(dump).not.toContain(value);
    const targetData = await openDeskData(target);
    expect((await new PeopleRepository(targetData.db, targetData.writer).search(people[0]!.nationalId!)).map((p) => p.id)).toEqual([people[0]!.id]);
    // The photo's bytes came back as a plain Blob: the source's "sealing done" is not taken over, so the
    // pass after the next unlock seals them.
    expect(await sealingState(target)).toBeNull();
    expect(await sealExistingRows(target)).toBe(true);
    const [storedBlob] = await rawRows(target.name, 'blobs');
    expectSealedBytes(storedBlob!.data);
    const [blob] = await target.blobs.toArray();
    expect(new Uint8Array(await (blob!.data as Blob).arrayBuffer())).toEqual(bytes);
  });
});
