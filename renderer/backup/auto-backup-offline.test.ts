// The browser shell gone offline before its service worker kept the export's code: the dynamic import fails.
// That cannot happen in Node, so the module's loading is made to fail here (the only stand-in in this suite).
import './test-support/node-file-api';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { lastAutoBackupAt, runScheduledBackup } from './auto-backup';
import { seededDeskData } from './test-support/backup-fixtures';
import { createWebLocalBackups } from './web-local-backups';

vi.mock('./backup-export', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/backup-export.js');
});

describe('runScheduledBackup without the export code', () => {
  it('reports nothing and stays due, for a later start to take', async () => {
    const data = await seededDeskData();
    const backups = createWebLocalBackups({ dexieOptions: { indexedDB, IDBKeyRange }, keep: 5 });
    expect(await runScheduledBackup({ db: data.db, store: backups, schedule: 'daily', appVersion: '0.1.0', now: () => new Date('2026-11-22T02:00:00Z') })).toBeNull();
    expect(await lastAutoBackupAt(data.db)).toBeNull();
    const listed = await backups.listLocalBackups();
    expect(listed.ok && listed.value).toEqual([]);
  });
});
