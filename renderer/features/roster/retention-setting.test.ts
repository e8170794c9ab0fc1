import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS } from '../../../shared/roster/erasure-rules';
import { DeskDatabase } from '../../db/database';
import { openDeskData } from '../../db/desk-data';
import { createTestDatabase } from '../../db/test-database';
import { clampRetentionYears, loadRetentionYears, RETENTION_YEARS_KEY, saveRetentionYears } from './retention-setting';

describe('retention period setting', () => {
  it('is the default until one is saved', async () => {
    const { db } = await openDeskData(createTestDatabase());
    expect(await loadRetentionYears(db)).toBe(DEFAULT_RETENTION_YEARS);
  });

  it('is kept on the device across a restart and is not queued for sync', async () => {
    const first = createTestDatabase();
    await openDeskData(first);
    const outboxBefore = await first.outbox.count();
    expect(await saveRetentionYears(first, 5)).toBe(5);
    expect(await first.outbox.count()).toBe(outboxBefore);
    first.close();

    // The same IndexedDB database opened afresh, as after quitting and starting the app again.
    const again = new DeskDatabase(first.name, { indexedDB, IDBKeyRange });
    await openDeskData(again);
    expect(await loadRetentionYears(again)).toBe(5);
    expect((await again.syncState.get(RETENTION_YEARS_KEY))?.value).toBe(5);
  });

  it('a later choice replaces the earlier one, 0 included', async () => {
    const { db } = await openDeskData(createTestDatabase());
    await saveRetentionYears(db, 7);
    await saveRetentionYears(db, 0);
    expect(await loadRetentionYears(db)).toBe(0);
  });

  it('keeps the period within 0–50 whole years', async () => {
    expect(clampRetentionYears(-3)).toBe(0);
    expect(clampRetentionYears(120)).toBe(50);
    expect(clampRetentionYears(3.7)).toBe(3);
    expect(clampRetentionYears('4')).toBe(4);
    expect(clampRetentionYears(Number.NaN)).toBe(DEFAULT_RETENTION_YEARS);
    const { db } = await openDeskData(createTestDatabase());
    expect(await saveRetentionYears(db, 99)).toBe(50);
    expect(await loadRetentionYears(db)).toBe(50);
  });

  it('falls back to the default when the stored value is unusable', async () => {
    const { db } = await openDeskData(createTestDatabase());
    await db.syncState.put({ key: RETENTION_YEARS_KEY, value: 'ห้าปี' });
    expect(await loadRetentionYears(db)).toBe(DEFAULT_RETENTION_YEARS);
  });
});
