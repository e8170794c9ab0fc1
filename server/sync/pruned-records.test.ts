// A write to a record whose tombstone `prune` dropped is refused (docs/sync-protocol.md, "Retention"):
// without the pruned key, the write would bring back a record made of that one write's fields.
import { describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { useClockedServer } from '../testing/clocked-server';
import { seedProvince } from '../testing/seed-province';
import { mutation, newsValues, stampAt } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { pruneHistory } from './pull-service';

describe.each(testBackends())('writes to pruned records ($name)', (backend) => {
  const t = useClockedServer(backend);
  const { tick, client } = t;

  const storedIds = async () => (await t.server.store.sql.query<{ id: string }>('SELECT id FROM records')).rows.map((r) => r.id);

  it('refuses a late edit of a pruned record with a Thai reason, and never brings the record back', async () => {
    const editor = await client(t.province.editor);
    const late = await client(t.province.coordinator);
    const recordId = '01890000-0000-7000-8000-00000000aa01';
    const created = stampAt(tick(), 'e000000000000001');
    await editor.push([mutation({ id: editor.nextMutationId(), recordId, provinceCode: '10', values: newsValues('ข่าวที่จะถูกลบ'), stamp: created })]);
    const deleted = stampAt(tick(), 'e000000000000001');
    await editor.push([mutation({ id: editor.nextMutationId(), recordId, provinceCode: '10', values: { deleted: true }, stamp: deleted, prev: created })]);
    expect(await pruneHistory(t.server.store)).toMatchObject({ records: 1 });
    expect(await storedIds()).not.toContain(recordId);

    // A device that was offline all along edits the title it last saw.
    const edit = mutation({ id: late.nextMutationId(), recordId, provinceCode: '10', values: { title: 'แก้ไขตอนออฟไลน์' }, stamp: stampAt(tick(), 'e000000000000002'), prev: created });
    const fresh = mutation({ id: late.nextMutationId(), provinceCode: '10', values: newsValues('ข่าวใหม่หลังล้างประวัติ'), stamp: stampAt(tick(), 'e000000000000002') });
    const results = (await late.push([edit, fresh])).json<PushResponse>().results;
    expect(results).toEqual([
      { id: edit.id, status: 'rejected', reason: 'deleted', message: 'ระเบียนนี้ถูกลบไปแล้ว การแก้ไขนี้จึงไม่ได้บันทึก' },
      { id: fresh.id, status: 'applied' },
    ]);
    expect(await storedIds()).not.toContain(recordId);
    const everything = (await late.pull(0, 2000)).json<PullResponse>().records.map((r) => r.id);
    expect(everything).toContain(fresh.recordId);
    expect(everything).not.toContain(recordId);
  });

  it('keeps a pruned key once however often prune runs, and says nothing of it to another province', async () => {
    expect(await pruneHistory(t.server.store)).toMatchObject({ records: 0 });
    const { rows } = await t.server.store.sql.query<{ n: unknown }>('SELECT count(*) AS n FROM pruned_records');
    expect(Number(rows[0]?.n)).toBe(1);

    const chiangRai = await seedProvince(t.server.store, { provinceCode: '57', districtCode: '5701' });
    const outsider = await client(chiangRai.editor);
    const probe = mutation({ id: outsider.nextMutationId(), recordId: '01890000-0000-7000-8000-00000000aa01', provinceCode: '10', values: { title: 'x' }, stamp: stampAt(tick()) });
    expect((await outsider.push([probe])).json<PushResponse>().results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'out-of-scope' })]);
  });
});
