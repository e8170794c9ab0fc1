import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import type { SqlQueryable } from '../store/sql-client';
import { testBackends } from '../testing/test-stores';
import { ChangeSequencer } from './change-sequencer';
import { lockRecords, saveRecords, type StoredRecord } from './record-row';

const news = (id: string): StoredRecord => ({
  table: 'news',
  id,
  provinceCode: '57',
  districtCode: null,
  values: { title: `ข่าว ${id}`, deleted: false },
  stamps: { title: '2026-12-01T09:00:00.000Z-0000-00000000000000a1', deleted: '2026-12-01T09:00:00.000Z-0000-00000000000000a1' },
  authors: {},
});

/** Saves records as a writer does (locks, no seq) and commits, without asking for a run. */
async function saveUnnumbered(store: Store, ids: readonly string[]): Promise<void> {
  await store.sql.transaction(async (tx) => {
    await lockRecords(tx, ids.map((id) => ['news', id]));
    await saveRecords(tx, ids.map(news));
  });
}

const seqs = async (store: Store) =>
  (await store.sql.query<{ id: string; seq: unknown }>(`SELECT id, seq FROM records WHERE table_name = 'news'`)).rows.map((r) => ({ id: r.id, seq: r.seq === null ? null : Number(r.seq) }));
const lastSeq = async (store: Store) => Number((await store.sql.query<{ last_seq: unknown }>('SELECT last_seq FROM sync_state WHERE id = 1')).rows[0]?.last_seq);

describe.each(testBackends())('the change sequencer ($name)', (backend) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  afterAll(() => backend.cleanUp());

  it('numbers saved records in the order they were saved, moves last_seq with them and pokes their scope', async () => {
    store = await backend.open();
    const pokes: string[] = [];
    const stop = await store.sql.listen(store.notifyChannel, (payload) => pokes.push(payload));
    await saveUnnumbered(store, ['c', 'a', 'b']);
    expect((await seqs(store)).every((r) => r.seq === null)).toBe(true);

    await store.sequencer.sequence();
    const numbered = await seqs(store);
    const byId = Object.fromEntries(numbered.map((r) => [r.id, r.seq]));
    expect([byId.c, byId.a, byId.b]).toEqual([1, 2, 3]);
    expect(await lastSeq(store)).toBe(3);
    await expect.poll(() => pokes).toEqual(['["57"]']);

    // Nothing left: a run numbers nothing, moves nothing and pokes nobody.
    await store.sequencer.sequence();
    expect(await lastSeq(store)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pokes).toHaveLength(1);
    await stop();
  });

  it('serves everyone who asks during a run with one more run, which sees their commits', async () => {
    store = await backend.open();
    let runs = 0;
    let release = () => {};
    const firstRunHeld = new Promise<void>((resolve) => (release = resolve));
    // The real database, with the first run's answer held back: the askers below arrive while it is on.
    const holdingFirstRun: SqlQueryable = {
      query: async <T extends object>(text: string, params?: readonly unknown[]) => {
        const result = await store!.sql.query<T>(text, params);
        if (text.includes('sequence_pending_changes') && ++runs === 1) await firstRunHeld;
        return result;
      },
    };
    const sequencer = new ChangeSequencer(holdingFirstRun, store.notifyChannel);
    await saveUnnumbered(store, ['r1']);
    const first = sequencer.sequence();
    await expect.poll(() => runs).toBe(1);
    // Committed after the first run numbered what it saw: the askers' run comes after it, and numbers these.
    await saveUnnumbered(store, ['r2', 'r3']);
    const askers = Array.from({ length: 20 }, () => sequencer.sequence());
    expect((await seqs(store)).filter((r) => r.seq === null).map((r) => r.id).sort()).toEqual(['r2', 'r3']);
    release();
    await Promise.all([first, ...askers]);
    expect(runs).toBe(2);
    expect((await seqs(store)).map((r) => r.seq).sort()).toEqual([1, 2, 3]);
  });

  it('numbers what a writer left unnumbered (it stopped before asking) at the next sweep', async () => {
    store = await backend.open();
    await saveUnnumbered(store, ['left']);
    const errors: unknown[] = [];
    store.sequencer.startSweeping((error) => errors.push(error), 50);
    await expect.poll(() => seqs(store!), { timeout: 5000 }).toEqual([{ id: 'left', seq: 1 }]);
    await saveUnnumbered(store, ['later']);
    await expect.poll(async () => (await seqs(store!)).find((r) => r.id === 'later')?.seq, { timeout: 5000 }).toBe(2);
    expect(errors).toEqual([]);
  });

  if (backend.name === 'postgres') {
    it('leaves a record another writer is saving to that writer, without waiting for it', async () => {
      store = await backend.open();
      await saveUnnumbered(store, ['busy', 'free']);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked = () => {};
      const hasLock = new Promise<void>((resolve) => (locked = resolve));
      const writer = store.sql.transaction(async (tx) => {
        await lockRecords(tx, [['news', 'busy']]);
        await saveRecords(tx, [{ ...news('busy'), values: { title: 'แก้แล้ว', deleted: false } }]);
        locked();
        await held;
      });
      await hasLock;
      await store.sequencer.sequence();
      expect(Object.fromEntries((await seqs(store)).map((r) => [r.id, r.seq]))).toEqual({ busy: null, free: 1 });
      release();
      await writer;
      await store.sequencer.sequence();
      expect(Object.fromEntries((await seqs(store)).map((r) => [r.id, r.seq]))).toEqual({ busy: 2, free: 1 });
      expect(await lastSeq(store)).toBe(2);
    });
  }
});
