import './test-support/node-file-api';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { exportBackup } from './backup-export';
import { BACKUP_FORMAT, backupFileName } from './backup-format';
import { inspectBackup } from './backup-inspect';
import { restoreBackup } from './backup-restore';
import { fakeDatabaseFactory, seededDeskData, snapshotOf } from './test-support/backup-fixtures';

describe('backup round trip', () => {
  it('restores a database with photo blobs into an empty one, equal to the original', async () => {
    const source = await seededDeskData();
    const original = await snapshotOf(source.db);
    expect(original.blobs).toHaveLength(2);

    const progress: number[] = [];
    const { header, file } = await exportBackup(source.db, { appVersion: '0.1.0', now: () => new Date('2026-11-22T03:00:00Z'), onProgress: (p) => progress.push(p.done) });
    expect(header).toMatchObject({ format: BACKUP_FORMAT, schemaVersion: source.db.verno, deviceId: source.identity.deviceId, createdAt: '2026-11-22T03:00:00.000Z' });
    expect(header.counts).toMatchObject({ news: 1, blobs: 2, attachments: 2 });
    expect(progress.length).toBeGreaterThan(0);

    const target = createTestDatabase();
    await target.open();
    const inspected = await inspectBackup(file);
    expect(inspected.totalRows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));
    await restoreBackup(target, inspected, { createDatabase: fakeDatabaseFactory, chunkSizeBytes: 1024 });

    expect(await snapshotOf(target)).toEqual(original);
    const photo = (await target.blobs.toArray())[0]!;
    expect(photo.data).toBeInstanceOf(Blob);
  });

  it('replaces everything in a database that already holds other data, and deletes its temporary copy', async () => {
    const source = await seededDeskData('ข่าวจากไฟล์สำรอง');
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    const target = await seededDeskData('ข่าวที่จะถูกแทนที่');
    await restoreBackup(target.db, await inspectBackup(file), { createDatabase: fakeDatabaseFactory });

    const titles = (await target.db.news.toArray()).map((n) => n.title);
    expect(titles).toEqual(['ข่าวจากไฟล์สำรอง']);
    // The overview counts the restored records, not the replaced ones (one draft, not two).
    const newsTotals = await target.db.overviewTotals.where('key').startsWith('news').toArray();
    expect(newsTotals.map((r) => r.counts)).toEqual([{ 's\u001fdraft': 1 }]);
    expect(await target.db.arrivals.count()).toBe(0);
    const { indexedDB } = await import('fake-indexeddb');
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names.filter((n) => n?.startsWith(`${target.db.name}-restore-`))).toEqual([]);
  });

  it('keeps the later of the two device clocks; another computer\'s backup gives this one a new device id and a new pull', async () => {
    const source = await seededDeskData();
    await source.db.syncState.put({ key: 'pull', value: { cursor: 42, deviceId: 'server-device-of-source', refetch: false } });
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    const target = await seededDeskData();
    await target.db.syncState.put({ key: 'clock', value: { millis: 9_999_999_999_999, counter: 3 } });
    const outcome = await restoreBackup(target.db, await inspectBackup(file), { createDatabase: fakeDatabaseFactory });
    expect((await target.db.syncState.get('clock'))?.value).toEqual({ millis: 9_999_999_999_999, counter: 3 });
    // Its records and queued changes arrive; neither its device id nor this PC's old one is kept: the queue is
    // sent again under a new registration, so no mutation id of either computer is reused.
    expect(outcome.foreign).toBe(true);
    const id = (await target.db.syncState.get('device'))?.value;
    expect(id).toBe(outcome.deviceId);
    expect([source.identity.deviceId, target.identity.deviceId]).not.toContain(id);
    expect(await target.db.outbox.count()).toBe(await source.db.outbox.count());
    expect(await target.db.syncState.get('pull')).toBeUndefined();
  });

  it('restoring this computer\'s own backup keeps its device id and its place in the pull', async () => {
    const data = await seededDeskData();
    await data.db.syncState.put({ key: 'pull', value: { cursor: 42, deviceId: 'server-device', refetch: false } });
    const { file } = await exportBackup(data.db, { appVersion: '0.1.0' });
    const outcome = await restoreBackup(data.db, await inspectBackup(file), { createDatabase: fakeDatabaseFactory });
    expect(outcome).toEqual({ foreign: false, deviceId: data.identity.deviceId });
    expect((await data.db.syncState.get('pull'))?.value).toMatchObject({ cursor: 42 });
  });

  it('names the file by the Buddhist Era date in Bangkok', () => {
    expect(backupFileName(new Date('2026-11-21T18:00:00Z'))).toBe('provincedesk-2569-11-22.pdbackup');
  });
});
