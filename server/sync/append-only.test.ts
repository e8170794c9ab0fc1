import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { decodeRecordStamps, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { pruneHistory } from './pull-service';

// Issue 18, item 6: audit entries, news workflow steps and revisions could be edited, deleted and forged
// (the actor fields came from the device). Now they are created once and whole, never changed, never
// pruned, and name whoever the token says pushed them.
describe.each(testBackends())('history records are create-only, in the token holder’s name ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let nowMs = Date.parse('2026-11-22T09:00:00.000Z');
  const tick = () => (nowMs += 1000);
  const newsId = uuidv7();

  // What a forger's device writes: the entry in the name of the province's coordinator, as an admin.
  const forged = (coordinatorId: string) => ({
    auditEntries: { deleted: false, memberId: null, action: 'export', fields: [], count: 120, detail: 'xlsx', actorId: coordinatorId, actorName: 'ผู้อำนวยการ', actorRole: 'admin', at: '2026-11-22T09:00:00.000Z' },
    newsTransitions: { deleted: false, newsId, action: 'publish', from: 'approved', to: 'published', comment: '', actorId: coordinatorId, actorName: 'ผู้อำนวยการ', actorRole: 'coordinator', at: '2026-11-22T09:00:00.000Z' },
    newsRevisions: { deleted: false, newsId, reason: 'manual', title: 'ฉบับหนึ่ง', lead: '', bodyHtml: '<p>ก</p>', category: 'ข่าว/กิจกรรม', tags: [], dateline: null, authorId: coordinatorId, authorName: 'ผู้อำนวยการ', note: '', createdAt: '2026-11-22T09:00:00.000Z' },
  });
  const actorOf = { auditEntries: ['actorId', 'actorName', 'actorRole'], newsTransitions: ['actorId', 'actorName', 'actorRole'], newsRevisions: ['authorId', 'authorName'] } as const;
  const TABLES = ['auditEntries', 'newsTransitions', 'newsRevisions'] as const;
  const textField = { auditEntries: 'detail', newsTransitions: 'comment', newsRevisions: 'note' } as const;

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  const stored = async (id: string) =>
    (await server.store.sql.query<{ vals: Record<string, unknown>; seq: unknown }>('SELECT vals, seq FROM records WHERE id = $1', [id])).rows[0];

  it.each(TABLES)('%s: the actor comes from the token, and every device converges on it', async (table) => {
    const editor = await TestClient.signedIn(server.app, bkk.editor);
    const node = fakeNode();
    const recordId = uuidv7();
    const deviceStamp = stampAt(tick(), node);
    const res = await editor.push([mutation({ id: editor.nextMutationId(), table, recordId, provinceCode: '10', values: forged(bkk.coordinator.id)[table], stamp: deviceStamp })]);
    expect(res.json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });

    const coordinator = await TestClient.signedIn(server.app, bkk.coordinator);
    const pulled = (await coordinator.pull(0, 2000)).json<PullResponse>().records.find((r) => r.id === recordId)!;
    const [idField, nameField, roleField] = actorOf[table];
    expect(pulled.values[idField]).toBe(bkk.editor.id);
    expect(pulled.values[nameField]).toBe('editor 10');
    if (roleField) expect(pulled.values[roleField]).toBe('editor');
    // Stamped after the device's own write: the pushing device takes the server's values at its next pull.
    const stamps = decodeRecordStamps(pulled, Object.keys(pulled.values));
    expect(stamps[idField]! > deviceStamp).toBe(true);
    expect(stamps.deleted).toBe(deviceStamp);
  });

  it.each(TABLES)('%s: a later write, a delete, or a partial or deleted creation is refused; the creation sent again is answered applied', async (table) => {
    const editor = await TestClient.signedIn(server.app, bkk.editor);
    const node = fakeNode();
    const recordId = uuidv7();
    const values = forged(bkk.editor.id)[table];
    const creation = mutation({ id: editor.nextMutationId(), table, recordId, provinceCode: '10', values, stamp: stampAt(tick(), node) });
    await editor.push([creation]);
    const before = await stored(recordId);

    const outcomes = (await editor.push([
      mutation({ id: editor.nextMutationId(), table, recordId, provinceCode: '10', values: { [textField[table]]: 'แก้ไขภายหลัง' }, stamp: stampAt(tick(), node), prev: creation.changes.deleted!.stamp }),
      mutation({ id: editor.nextMutationId(), table, recordId, provinceCode: '10', values: { deleted: true }, stamp: stampAt(tick(), node), prev: creation.changes.deleted!.stamp }),
      mutation({ id: editor.nextMutationId(), table, provinceCode: '10', values: { deleted: false }, stamp: stampAt(tick(), node) }),
      mutation({ id: editor.nextMutationId(), table, provinceCode: '10', values: { ...values, deleted: true }, stamp: stampAt(tick(), node) }),
      { ...creation, id: editor.nextMutationId() },
    ])).json<PushResponse>().results.map((r) => (r.status === 'rejected' ? r.reason : r.status));
    expect(outcomes).toEqual(['not-allowed', 'not-allowed', 'invalid-value', 'not-allowed', 'applied']);
    expect(await stored(recordId)).toEqual(before);
  });

  it('prune never drops history, even a record marked deleted before this rule', async () => {
    const editor = await TestClient.signedIn(server.app, bkk.editor);
    const recordId = uuidv7();
    await editor.push([mutation({ id: editor.nextMutationId(), table: 'auditEntries', recordId, provinceCode: '10', values: forged(bkk.editor.id).auditEntries, stamp: stampAt(tick(), fakeNode()) })]);
    await server.store.sql.query(`UPDATE records SET vals = jsonb_set(vals, '{deleted}', 'true') WHERE id = $1`, [recordId]);
    const news = uuidv7();
    await editor.push([mutation({ id: editor.nextMutationId(), recordId: news, provinceCode: '10', values: { ...newsValues(), deleted: true }, stamp: stampAt(tick(), fakeNode()) })]);
    await pruneHistory(server.store);
    expect(await stored(recordId)).toBeDefined();
    expect(await stored(news)).toBeUndefined();
  });

  it('a conflict on a history record (from before this rule) closes keeping the value; another choice is refused', async () => {
    const editor = await TestClient.signedIn(server.app, bkk.editor);
    const coordinator = await TestClient.signedIn(server.app, bkk.coordinator);
    const recordId = uuidv7();
    const stamp = stampAt(tick(), fakeNode());
    await editor.push([mutation({ id: editor.nextMutationId(), table: 'auditEntries', recordId, provinceCode: '10', values: forged(bkk.editor.id).auditEntries, stamp })]);
    const conflictId = uuidv7();
    // A conflict row as an older server stored it, with a seq of its own.
    await server.store.sql.query(
      `WITH next AS (UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq)
       INSERT INTO conflicts (id, table_name, record_id, province_code, district_code, field, seq, winner_value, winner_stamp, loser_value, loser_stamp)
       VALUES ($1, 'auditEntries', $2, '10', NULL, 'detail', (SELECT last_seq FROM next), '"xlsx"', $3, '"แก้แล้ว"', $3)`,
      [conflictId, recordId, stamp],
    );
    const before = await stored(recordId);
    const loser = await coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflictId}/resolve`, payload: { resolution: 'loser' } });
    expect(loser.statusCode).toBe(403);
    const merged = await coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflictId}/resolve`, payload: { resolution: 'merged', value: 'อื่น' } });
    expect(merged.statusCode).toBe(403);
    const winner = await coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflictId}/resolve`, payload: { resolution: 'winner' } });
    expect(winner.statusCode).toBe(200);
    expect(winner.json()).toMatchObject({ conflict: { resolution: 'winner', resolvedBy: bkk.coordinator.id } });
    expect(await stored(recordId)).toEqual(before);
  });
});
