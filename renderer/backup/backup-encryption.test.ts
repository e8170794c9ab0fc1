import './test-support/node-file-api';
import { describe, expect, it } from 'vitest';
import { importAesKey, randomBytes } from '../security/crypto-envelope';
import { BackupError } from './backup-error';
import { encryptedBackupHeader, openBackupFile } from './backup-encryption';
import { exportBackup } from './backup-export';
import { inspectBackup } from './backup-inspect';
import { restoreBackup } from './backup-restore';
import { fakeDatabaseFactory, seededDeskData, snapshotOf } from './test-support/backup-fixtures';

const PASSPHRASE = 'รหัสไฟล์สำรองของสำนักงาน';
const at = () => new Date('2026-12-04T03:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
  return 'opened';
}

describe('encrypted backups', () => {
  it('round trip with a passphrase: nothing of the data readable in the file, the same data back', async () => {
    const source = await seededDeskData('ข่าวลับก่อนเผยแพร่ 0812345678');
    const original = await snapshotOf(source.db);
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0', now: at, encryption: { source: 'passphrase', passphrase: PASSPHRASE } });
    const text = new TextDecoder('latin1').decode(file);
    expect(text).not.toContain('0812345678');
    expect(new TextDecoder().decode(file)).not.toContain('ข่าวลับ');
    const header = encryptedBackupHeader(file);
    // The clear header: the format, when, and how to derive the key. No counts, no device, no data.
    expect(Object.keys(header!)).toEqual(['format', 'formatVersion', 'createdAt', 'encryption']);
    expect(header!.encryption).toMatchObject({ cipher: 'AES-256-GCM', source: 'passphrase', kdf: { name: 'PBKDF2-SHA-256', iterations: 600_000 } });

    const target = await seededDeskData('ข่าวในเครื่องปลายทาง');
    const inner = await openBackupFile(file, { passphrase: PASSPHRASE });
    await restoreBackup(target.db, await inspectBackup(inner), { createDatabase: fakeDatabaseFactory });
    const restored = await snapshotOf(target.db);
    expect(restored.news).toEqual(original.news);
    expect(restored.blobs).toEqual(original.blobs);
  });

  it('asks for the passphrase, refuses a wrong one and a damaged file, and writes nothing', async () => {
    const source = await seededDeskData();
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0', encryption: { source: 'passphrase', passphrase: PASSPHRASE } });
    expect(await codeOf(openBackupFile(file, {}))).toBe('needs-passphrase');
    expect(await codeOf(openBackupFile(file, { passphrase: 'ไม่ใช่รหัสนี้แน่นอน' }))).toBe('wrong-passphrase');
    const damaged = file.slice();
    damaged[damaged.length - 100]! ^= 0xff;
    expect(await codeOf(openBackupFile(damaged, { passphrase: PASSPHRASE }))).toBe('damaged');
    expect(await codeOf(openBackupFile(file.slice(0, file.length - 10), { passphrase: PASSPHRASE }))).toBe('damaged');
    // The refusals come before anything touches a database: the target is as it was.
    const target = await seededDeskData('ข้อมูลเดิม');
    const before = await snapshotOf(target.db);
    for (const bad of [file, damaged]) await codeOf(openBackupFile(bad, { passphrase: 'ไม่ใช่รหัสนี้แน่นอน' }).then((inner) => restoreBackup(target.db, inspectBackup(inner) as never)));
    expect(await snapshotOf(target.db)).toEqual(before);
    await expect(exportBackup(source.db, { appVersion: '0.1.0', encryption: { source: 'passphrase', passphrase: 'สั้น' } })).rejects.toMatchObject({ code: 'weak-passphrase' });
  });

  it('a local backup under the device key opens on this computer only', async () => {
    const source = await seededDeskData();
    const key = await importAesKey(randomBytes(32));
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0', encryption: { source: 'device', keyId: 'k1', key } });
    expect(encryptedBackupHeader(file)?.encryption).toMatchObject({ source: 'device', keyId: 'k1' });
    expect((await inspectBackup(await openBackupFile(file, { deviceKeys: new Map([['k1', key]]) }))).header.counts.news).toBe(1);
    expect(await codeOf(openBackupFile(file, { deviceKeys: new Map() }))).toBe('other-device');
    expect(await codeOf(openBackupFile(file, { deviceKeys: new Map([['k1', await importAesKey(randomBytes(32))]]) }))).toBe('other-device');
  });

  it('an older, unencrypted backup still restores', async () => {
    const source = await seededDeskData('ข่าวจากไฟล์สำรองรุ่นเก่า');
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    expect(encryptedBackupHeader(file)).toBeNull();
    const inner = await openBackupFile(file, {});
    expect(inner).toBe(file);
    const target = await seededDeskData();
    await restoreBackup(target.db, await inspectBackup(inner), { createDatabase: fakeDatabaseFactory });
    expect((await target.db.news.toArray()).map((n) => n.title)).toEqual(['ข่าวจากไฟล์สำรองรุ่นเก่า']);
  });
});
