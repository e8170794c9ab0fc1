import './test-support/node-file-api';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fail } from '../../shared/ipc/desk-result';
import { exportBackup } from './backup-export';
import { inspectBackup } from './backup-inspect';
import type { LocalBackupStore } from './local-backup-store';
import { restoreWithSafetyCopy } from './restore-with-safety-copy';
import { fakeDatabaseFactory, seededDeskData, snapshotOf } from './test-support/backup-fixtures';
import { createWebLocalBackups } from './web-local-backups';

describe('restoreWithSafetyCopy', () => {
  it('keeps the current data in a local backup first, which restores it again', async () => {
    const { file } = await exportBackup((await seededDeskData('ข่าวจากไฟล์')).db, { appVersion: '0.1.0' });
    const live = await seededDeskData('ข่าวเดิมในเครื่อง');
    const before = await snapshotOf(live.db);
    const store = createWebLocalBackups({ dexieOptions: { indexedDB, IDBKeyRange } });

    const result = await restoreWithSafetyCopy(live.db, await inspectBackup(file), { store, appVersion: '0.1.0', createDatabase: fakeDatabaseFactory });
    expect(result.ok && result.safetyCopy.reason).toBe('before-restore');
    expect((await live.db.news.toArray()).map((n) => n.title)).toEqual(['ข่าวจากไฟล์']);

    const safety = result.ok ? await store.readLocalBackup({ name: result.safetyCopy.name }) : null;
    await restoreWithSafetyCopy(live.db, await inspectBackup(safety?.ok ? safety.value.data : new Uint8Array()), { store, appVersion: '0.1.0', createDatabase: fakeDatabaseFactory });
    const after = await snapshotOf(live.db);
    // Everything is back; the clock is the later one, never the older copy's.
    expect({ ...after, syncState: null }).toEqual({ ...before, syncState: null });
  });

  it('does not restore when the safety copy cannot be written', async () => {
    const { file } = await exportBackup((await seededDeskData('ข่าวจากไฟล์')).db, { appVersion: '0.1.0' });
    const live = await seededDeskData('ข่าวเดิมในเครื่อง');
    const before = await snapshotOf(live.db);
    const fullDisk: LocalBackupStore = {
      writeLocalBackup: async () => fail('io', 'พื้นที่ดิสก์เต็ม'),
      listLocalBackups: async () => fail('io', 'unused'),
      readLocalBackup: async () => fail('io', 'unused'),
    };
    const result = await restoreWithSafetyCopy(live.db, await inspectBackup(file), { store: fullDisk, appVersion: '0.1.0', createDatabase: fakeDatabaseFactory });
    expect(result).toEqual({ ok: false, message: 'พื้นที่ดิสก์เต็ม' });
    expect(await snapshotOf(live.db)).toEqual(before);
  });
});
