import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createWebLocalBackups } from './web-local-backups';

describe('web local backups', () => {
  it('keeps the newest N in their own database, newest first, and reads only their names', async () => {
    let t = Date.parse('2026-11-22T03:00:00Z');
    const backups = createWebLocalBackups({ dexieOptions: { indexedDB, IDBKeyRange }, keep: 2, now: () => new Date((t += 1000)) });
    for (let i = 1; i <= 3; i += 1) expect((await backups.writeLocalBackup({ data: new Uint8Array([i]), reason: 'manual' })).ok).toBe(true);
    const listed = await backups.listLocalBackups();
    expect(listed.ok && listed.value.map((b) => b.name)).toEqual(['provincedesk-20261122T030003000Z-manual.pdbackup', 'provincedesk-20261122T030002000Z-manual.pdbackup']);
    const read = await backups.readLocalBackup({ name: 'provincedesk-20261122T030003000Z-manual.pdbackup' });
    expect(read.ok && [...read.value.data]).toEqual([3]);
    const foreign = await backups.readLocalBackup({ name: '../x' });
    expect(foreign.ok ? 'read' : foreign.error.code).toBe('invalid-argument');
    const gone = await backups.readLocalBackup({ name: 'provincedesk-20261122T030001000Z-manual.pdbackup' });
    expect(gone.ok ? 'read' : gone.error.code).toBe('not-found');
  });
});
