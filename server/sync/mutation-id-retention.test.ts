// What a device sees when it resends a mutation whose id `prune` has forgotten (docs/sync-protocol.md,
// "Retention"): applied again, no value or seq changes, and a conflict row only for a field overwritten since.
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/sync/mutation';
import { decodeRecordStamps, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { useClockedServer } from '../testing/clocked-server';
import { mutation, newsValues, stampAt, type TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { dropAppliedMutationIds } from './mutation-id-retention';

describe.each(testBackends())('applied mutation ids past their retention ($name)', (backend) => {
  const t = useClockedServer(backend);
  const { tick, client } = t;
  let recordNo = 0;
  const newRecordId = () => `01890000-0000-7000-8000-${(++recordNo).toString(16).padStart(12, '0')}`;

  const statusesOf = async (c: TestClient, mutations: Mutation[]) => (await c.push(mutations)).json<PushResponse>().results.map((r) => r.status);
  /** Ages every id this device has applied by `days`, then runs the retention of 90 days. */
  const age = async (c: TestClient, days: number) => {
    await t.server.store.sql.query(`UPDATE applied_mutations SET applied_at = applied_at - make_interval(days => $2::int) WHERE device_id = $1`, [c.deviceId, days]);
    return dropAppliedMutationIds(t.server.store.sql, 90);
  };
  const stored = async (recordId: string) =>
    (await t.server.store.sql.query<{ seq: unknown; vals: Record<string, unknown>; stamps: Record<string, string> }>('SELECT seq, vals, stamps FROM records WHERE id = $1', [recordId])).rows[0];
  const conflictsOf = async (recordId: string) =>
    (await t.server.store.sql.query<{ field: string; winner_value: unknown; loser_value: unknown }>('SELECT field, winner_value, loser_value FROM conflicts WHERE record_id = $1', [recordId])).rows;

  it('forgets only the ids older than the retention', async () => {
    const c = await client(t.province.editor);
    const old = mutation({ id: c.nextMutationId(), recordId: newRecordId(), provinceCode: '10', values: newsValues('เก่า'), stamp: stampAt(tick()) });
    expect(await statusesOf(c, [old])).toEqual(['applied']);
    expect(await age(c, 91)).toBe(1);
    const recent = mutation({ id: c.nextMutationId(), recordId: newRecordId(), provinceCode: '10', values: newsValues('ใหม่'), stamp: stampAt(tick()) });
    expect(await statusesOf(c, [recent])).toEqual(['applied']);
    expect(await age(c, 89)).toBe(0);
    expect(await statusesOf(c, [old, recent])).toEqual(['applied', 'duplicate']);
  });

  it('applies a forgotten resend again without changing a value or a seq, and stores no conflict', async () => {
    const c = await client(t.province.editor);
    const coordinator = await client(t.province.coordinator);
    const recordId = newRecordId();
    const created = mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values: newsValues('ข่าวที่ส่งซ้ำ'), stamp: stampAt(tick(), 'd000000000000001') });
    await c.push([created]);
    const before = await stored(recordId);
    const cursor = (await coordinator.pull(0, 2000)).json<PullResponse>().cursor;

    await age(c, 91);
    expect(await statusesOf(c, [created])).toEqual(['applied']);
    expect(await stored(recordId)).toEqual(before);
    expect(await conflictsOf(recordId)).toEqual([]);
    // Other devices see nothing new.
    const page = (await coordinator.pull(cursor)).json<PullResponse>();
    expect(page).toMatchObject({ records: [], conflicts: [], cursor });
  });

  it('stores a spurious conflict row per field overwritten since with another value; the values stay', async () => {
    const c = await client(t.province.editor);
    const coordinator = await client(t.province.coordinator);
    const recordId = newRecordId();
    const node = 'd000000000000002';
    const first = stampAt(tick(), node);
    const created = mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values: newsValues('หัวข้อแรก'), stamp: first });
    const second = stampAt(tick(), node);
    // A sequential edit (it saw the first title): no conflict when it happens.
    const edited = mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values: { title: 'หัวข้อที่แก้แล้ว', lead: 'ความนำที่แก้แล้ว' }, stamp: second, prev: first });
    await c.push([created, edited]);
    expect(await conflictsOf(recordId)).toEqual([]);
    const before = await stored(recordId);
    const cursor = (await coordinator.pull(0, 2000)).json<PullResponse>().cursor;

    await age(c, 91);
    expect(await statusesOf(c, [created])).toEqual(['applied']);
    // LWW keeps the later values and stamps; the record gets no new seq.
    expect(await stored(recordId)).toEqual(before);
    // One row per overwritten field whose value differs (title, lead); the untouched fields give none.
    const rows = await conflictsOf(recordId);
    expect(rows.map((r) => r.field).sort()).toEqual(['lead', 'title']);
    expect(rows.find((r) => r.field === 'title')).toMatchObject({ winner_value: 'หัวข้อที่แก้แล้ว', loser_value: 'หัวข้อแรก' });
    // A coordinator's device pulls them as conflicts to decide; the record itself does not come again.
    const page = (await coordinator.pull(cursor)).json<PullResponse>();
    expect(page.records).toEqual([]);
    expect(page.conflicts.map((x) => [x.field, x.winner.value, x.loser.value]).sort()).toEqual([
      ['lead', 'ความนำที่แก้แล้ว', newsValues().lead],
      ['title', 'หัวข้อที่แก้แล้ว', 'หัวข้อแรก'],
    ]);
    const record = (await coordinator.pull(0, 2000)).json<PullResponse>().records.find((r) => r.id === recordId);
    expect(decodeRecordStamps(record!, ['title']).title).toBe(second);
  });

  it('judges a forgotten resend against the record as it is now: a submit after publishing is refused', async () => {
    const editor = await client(t.province.editor);
    const coordinator = await client(t.province.coordinator);
    const recordId = newRecordId();
    const node = 'd000000000000003';
    const draft = stampAt(tick(), node);
    await editor.push([mutation({ id: editor.nextMutationId(), recordId, provinceCode: '10', values: newsValues('ส่งตรวจแล้ว'), stamp: draft })]);
    const submit = mutation({ id: editor.nextMutationId(), recordId, provinceCode: '10', values: { status: 'in_review' }, stamp: stampAt(tick(), node), prev: draft });
    expect(await statusesOf(editor, [submit])).toEqual(['applied']);
    for (const status of ['approved', 'published']) {
      const write = mutation({ id: coordinator.nextMutationId(), recordId, provinceCode: '10', values: { status }, stamp: stampAt(tick(), 'd000000000000004') });
      expect(await statusesOf(coordinator, [write])).toEqual(['applied']);
    }

    await age(editor, 91);
    const [result] = (await editor.push([submit])).json<PushResponse>().results;
    expect(result).toMatchObject({ status: 'rejected', reason: 'not-allowed' });
    expect((await stored(recordId))?.vals.status).toBe('published');
  });
});
