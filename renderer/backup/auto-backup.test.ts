import './test-support/node-file-api';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { DeskDatabase } from '../db/database';
import { CURRENT_SCHEMA_VERSION } from '../db/schema-versions';
import { backupBeforeMigration, isBackupDue, lastAutoBackupAt, runScheduledBackup } from './auto-backup';
import { inspectBackup, schemaVersionsUpTo } from './backup-inspect';
import { fakeDatabaseFactory, seededDeskData } from './test-support/backup-fixtures';
import { createWebLocalBackups } from './web-local-backups';

const at = (iso: string) => new Date(iso);
const store = () => createWebLocalBackups({ dexieOptions: { indexedDB, IDBKeyRange }, keep: 5 });

describe('isBackupDue', () => {
  it('daily: once per Bangkok calendar day; weekly: after 7 days; off: never', () => {
    const now = at('2026-11-22T02:00:00Z'); // 09:00 in Bangkok
    expect(isBackupDue('daily', null, now)).toBe(true);
    expect(isBackupDue('daily', at('2026-11-21T17:30:00Z'), now)).toBe(false); // 00:30 the same Bangkok day
    expect(isBackupDue('daily', at('2026-11-21T16:30:00Z'), now)).toBe(true); // 23:30 the day before
    expect(isBackupDue('daily', at('2026-11-23T02:00:00Z'), now)).toBe(true); // in the future: a wrong clock
    expect(isBackupDue('weekly', at('2026-11-16T02:00:00Z'), now)).toBe(false);
    expect(isBackupDue('weekly', at('2026-11-15T02:00:00Z'), now)).toBe(true);
    expect(isBackupDue('off', null, now)).toBe(false);
  });
});

describe('runScheduledBackup', () => {
  it('writes a daily backup once a day and remembers when', async () => {
    const data = await seededDeskData();
    const backups = store();
    const morning = at('2026-11-22T02:00:00Z');
    const first = await runScheduledBackup({ db: data.db, store: backups, schedule: 'daily', appVersion: '0.1.0', now: () => morning });
    expect(first?.ok && first.value.reason).toBe('daily');
    expect(await lastAutoBackupAt(data.db)).toEqual(morning);
    expect(await runScheduledBackup({ db: data.db, store: backups, schedule: 'daily', appVersion: '0.1.0', now: () => at('2026-11-22T09:00:00Z') })).toBeNull();

    const listed = await backups.listLocalBackups();
    const name = listed.ok ? listed.value[0]!.name : '';
    const read = await backups.readLocalBackup({ name });
    expect(read.ok && (await inspectBackup(read.value.data)).header.counts.news).toBe(1);
  });
});

describe('backupBeforeMigration', () => {
  it('exports a database with an older schema as it is, before the app upgrades it', async () => {
    const name = `old-${uuidv7()}`;
    const old = new DeskDatabase(name, { indexedDB, IDBKeyRange }, schemaVersionsUpTo(5));
    await old.open();
    await old.table('members').put({ id: 'm1', firstName: 'สมชาย', lastName: 'ใจดี', centreId: 'c1', _stamps: {} });
    old.close();
    const backups = store();

    const outcome = await backupBeforeMigration({ name, store: backups, appVersion: '0.1.0', indexedDB, createDatabase: fakeDatabaseFactory });
    expect(outcome).toMatchObject({ state: 'backed-up', storedVersion: 5, backup: { reason: 'before-migration' } });
    const read = outcome.state === 'backed-up' ? await backups.readLocalBackup({ name: outcome.backup.name }) : null;
    const inspected = read?.ok ? await inspectBackup(read.value.data) : null;
    expect(inspected?.header).toMatchObject({ schemaVersion: 5, counts: { members: 1 } });
    // Still at v5: the backup ran no upgrade (the app's own open does, next).
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe(50);

    const current = new DeskDatabase(name, { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    current.close();
    expect(await backupBeforeMigration({ name, store: backups, appVersion: '0.1.0', indexedDB, createDatabase: fakeDatabaseFactory })).toEqual({ state: 'not-needed', storedVersion: CURRENT_SCHEMA_VERSION });
  });

  it('does nothing, and creates nothing, on a first start', async () => {
    const name = `absent-${uuidv7()}`;
    expect(await backupBeforeMigration({ name, store: store(), appVersion: '0.1.0', indexedDB, createDatabase: fakeDatabaseFactory })).toEqual({ state: 'not-needed', storedVersion: null });
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });
});
