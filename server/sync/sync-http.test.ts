import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecordStamps, MIN_CLIENT_SCHEMA_VERSION, SCHEMA_VERSION, type ConflictWire, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { createOffice, setUserOffice } from '../accounts/accounts-repository';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { pruneHistory } from './pull-service';
import { markRestored } from './server-epoch';

describe.each(testBackends())('sync over HTTP ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let cnx: SeededProvince;
  let nowMs = Date.parse('2026-11-22T09:00:00.000Z');
  const tick = () => (nowMs += 1000);

  const client = (user: { username: string; password: string }) => TestClient.signedIn(server.app, user);

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
    cnx = await seedProvince(server.store, { provinceCode: '50', districtCode: '5001' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  it('answers health and info without version headers', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/v1/health' });
    expect(health.statusCode).toBe(200);
    const info = await server.app.inject({ method: 'GET', url: '/v1/sync/info' });
    expect(info.json()).toMatchObject({ protocolVersion: 1, schemaVersion: SCHEMA_VERSION, minClientSchemaVersion: MIN_CLIENT_SCHEMA_VERSION });
  });

  it('tells an old client to update (426) and a too new one it is unsupported', async () => {
    const none = await server.app.inject({ method: 'GET', url: '/v1/sync/pull' });
    expect(none.statusCode).toBe(426);
    expect(none.json()).toMatchObject({ error: 'update-required' });
    expect(none.json().message).toContain('กรุณาอัปเดตโปรแกรม ProvinceDesk');
    const old = await server.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'x-provincedesk-protocol': '0', 'x-provincedesk-schema': String(SCHEMA_VERSION) }, payload: {} });
    expect(old.statusCode).toBe(426);
    const oldSchema = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { 'x-provincedesk-protocol': '1', 'x-provincedesk-schema': String(MIN_CLIENT_SCHEMA_VERSION - 1) } });
    expect(oldSchema.statusCode).toBe(426);
    const newer = await server.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { 'x-provincedesk-protocol': '2', 'x-provincedesk-schema': String(SCHEMA_VERSION) } });
    expect(newer.statusCode).toBe(400);
    expect(newer.json().error).toBe('unsupported-version');
  });

  it('logs in, refuses a wrong password, and revokes on logout (401 afterwards)', async () => {
    const c = new TestClient(server.app);
    const wrong = await c.request({ method: 'POST', url: '/v1/auth/login', payload: { username: bkk.officer.username, password: 'nope-nope', deviceName: 'x' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('unauthorized');
    const session = await c.login(bkk.officer.username, bkk.officer.password);
    expect(session.user).toMatchObject({ role: 'officer', provinceCode: '10', districtCode: '1001' });
    expect((await c.pull()).statusCode).toBe(200);
    expect((await c.request({ method: 'POST', url: '/v1/auth/logout' })).statusCode).toBe(204);
    const after = await c.pull();
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toBe('unauthorized');
    c.token = 'x'.repeat(43);
    expect((await c.pull()).statusCode).toBe(401);
  });

  it('answers malformed bodies with 400 and oversized ones with 413, and keeps serving', async () => {
    const c = await client(bkk.editor);
    const notJson = await c.request({ method: 'POST', url: '/v1/sync/push', headers: { 'content-type': 'application/json' }, payload: '{"mutations": [' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('bad-request');
    const wrongShape = await c.request({ method: 'POST', url: '/v1/sync/push', payload: { mutations: [{ id: 'x' }] } });
    expect(wrongShape.statusCode).toBe(400);
    const tooMany = await c.push(Array.from({ length: 501 }, (_, i) => mutation({ id: `${c.deviceId}:${i + 1}`, provinceCode: '10', values: { title: 't' }, stamp: stampAt(nowMs) })));
    expect(tooMany.statusCode).toBe(400);
    const huge = await c.request({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ mutations: [], pad: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('payload-too-large');
    expect((await server.app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
  });

  it('is idempotent: the same batch twice gives duplicates and no second change', async () => {
    const c = await client(bkk.editor);
    const before = (await c.pull()).json<PullResponse>().cursor;
    const batch = [
      mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('ครั้งเดียว'), stamp: stampAt(tick(), fakeNode()) }),
      mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('สอง'), stamp: stampAt(tick(), fakeNode()) }),
    ];
    const first = (await c.push(batch)).json<PushResponse>();
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const afterFirst = (await c.pull(before)).json<PullResponse>();
    const second = (await c.push(batch)).json<PushResponse>();
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const afterSecond = (await c.pull(afterFirst.cursor)).json<PullResponse>();
    expect(afterSecond.records).toEqual([]);
    expect(afterSecond.cursor).toBe(afterFirst.cursor);
  });

  it('merges field by field, later stamp wins, and keeps conflicts only for concurrent overwrites', async () => {
    const alice = await client(bkk.editor);
    const bob = await client(bkk.officer);
    const coordinator = await client(bkk.coordinator);
    const cursor0 = (await coordinator.pull()).json<PullResponse>().cursor;
    const recordId = '01890000-0000-7000-8000-00000000a001';
    const nodeA = 'a000000000000001';
    const nodeB = 'b000000000000002';
    const created = stampAt(tick(), nodeA);
    await alice.push([mutation({ id: alice.nextMutationId(), recordId, provinceCode: '10', values: newsValues('ต้นฉบับ'), stamp: created })]);

    // Sequential edit: Bob saw Alice's title (prev = created): no conflict.
    const bobEdit = stampAt(tick(), nodeB);
    const seqRes = await bob.push([mutation({ id: bob.nextMutationId(), recordId, provinceCode: '10', values: { lead: 'บ๊อบแก้' }, stamp: bobEdit, prev: created })]);
    expect(seqRes.json<PushResponse>().results[0]).toMatchObject({ status: 'rejected', reason: 'out-of-scope' });
    // (the officer may not write a province-wide record) – Alice edits instead:
    const aliceEdit = stampAt(tick(), nodeA);
    await alice.push([mutation({ id: alice.nextMutationId(), recordId, provinceCode: '10', values: { lead: 'แก้ตามลำดับ' }, stamp: aliceEdit, prev: created })]);

    // Concurrent edits of the title: the later stamp wins, the other is kept as a conflict.
    const coordinatorDevice = coordinator;
    const early = stampAt(tick(), nodeB);
    const late = stampAt(tick(), nodeA);
    await alice.push([mutation({ id: alice.nextMutationId(), recordId, provinceCode: '10', values: { title: 'หัวข้อของอลิซ' }, stamp: late, prev: created })]);
    await coordinatorDevice.push([mutation({ id: coordinatorDevice.nextMutationId(), recordId, provinceCode: '10', values: { title: 'หัวข้อของผู้ประสานงาน' }, stamp: early, prev: created })]);

    const page = (await coordinator.pull(cursor0)).json<PullResponse>();
    const record = page.records.find((r) => r.id === recordId);
    expect(record?.values).toMatchObject({ title: 'หัวข้อของอลิซ', lead: 'แก้ตามลำดับ' });
    const stamps = decodeRecordStamps(record!, Object.keys(record!.values));
    expect(stamps.title).toBe(late);
    expect(stamps.lead).toBe(aliceEdit);
    const conflicts = page.conflicts.filter((c) => c.recordId === recordId);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      field: 'title',
      winner: { value: 'หัวข้อของอลิซ', stamp: late, author: { userId: bkk.editor.id, deviceId: alice.deviceId } },
      loser: { value: 'หัวข้อของผู้ประสานงาน', stamp: early, author: { userId: bkk.coordinator.id, deviceId: coordinator.deviceId } },
      resolution: null,
    });

    // Editors do not get conflicts; coordinators resolve them, and the resolution syncs as a new write.
    expect((await alice.pull(0, 2000)).json<PullResponse>().conflicts).toEqual([]);
    const forbidden = await alice.request({ method: 'POST', url: `/v1/conflicts/${conflicts[0]!.id}/resolve`, payload: { resolution: 'loser' } });
    expect(forbidden.statusCode).toBe(403);
    const beforeResolve = (await alice.pull(0, 2000)).json<PullResponse>().cursor;
    const resolved = await coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflicts[0]!.id}/resolve`, payload: { resolution: 'loser' } });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json<{ conflict: ConflictWire }>().conflict).toMatchObject({ resolution: 'loser', resolvedBy: bkk.coordinator.id });
    const afterResolve = (await alice.pull(beforeResolve)).json<PullResponse>();
    const updated = afterResolve.records.find((r) => r.id === recordId);
    expect(updated?.values.title).toBe('หัวข้อของผู้ประสานงาน');
    expect((decodeRecordStamps(updated!, ['title']).title ?? '') > late).toBe(true);
    const again = await coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflicts[0]!.id}/resolve`, payload: { resolution: 'winner' } });
    expect(again.statusCode).toBe(409);
    // A province-50 coordinator cannot see or resolve it.
    const other = await client(cnx.coordinator);
    const hidden = await other.request({ method: 'POST', url: `/v1/conflicts/${conflicts[0]!.id}/resolve`, payload: { resolution: 'winner' } });
    expect(hidden.statusCode).toBe(404);
    expect((await other.pull()).json<PullResponse>().conflicts.filter((c) => c.recordId === recordId)).toEqual([]);
  });

  it('does not store a conflict when concurrent writes carry the same value', async () => {
    const a = await client(bkk.editor);
    const recordId = '01890000-0000-7000-8000-00000000a002';
    const created = stampAt(tick(), 'c000000000000001');
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: newsValues('เดิม'), stamp: created })]);
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: { title: 'เหมือนกัน' }, stamp: stampAt(tick(), 'c000000000000002'), prev: created })]);
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: { title: 'เหมือนกัน' }, stamp: stampAt(tick(), 'c000000000000003'), prev: created })]);
    const { rows } = await server.store.sql.query('SELECT 1 FROM conflicts WHERE record_id = $1', [recordId]);
    expect(rows).toHaveLength(0);
  });

  it('keeps no conflict for bookkeeping fields such as updatedAt', async () => {
    const a = await client(bkk.editor);
    const recordId = '01890000-0000-7000-8000-00000000a003';
    const created = stampAt(tick(), 'c000000000000004');
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: newsValues('เวลา'), stamp: created })]);
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: { updatedAt: '2026-11-22T09:10:00.000Z' }, stamp: stampAt(tick(), 'c000000000000005'), prev: created })]);
    await a.push([mutation({ id: a.nextMutationId(), recordId, provinceCode: '10', values: { updatedAt: '2026-11-22T09:09:00.000Z' }, stamp: stampAt(tick(), 'c000000000000006'), prev: created })]);
    const { rows } = await server.store.sql.query('SELECT 1 FROM conflicts WHERE record_id = $1', [recordId]);
    expect(rows).toHaveLength(0);
  });

  it('holds the news workflow: an editor submits, only a coordinator approves and publishes', async () => {
    const editor = await client(bkk.editor);
    const coordinator = await client(bkk.coordinator);
    const recordId = '01890000-0000-7000-8000-00000000a006';
    const node = 'c000000000000009';
    const status = async (c: TestClient, value: string) =>
      (await c.push([mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values: { status: value }, stamp: stampAt(tick(), node) })])).json<PushResponse>().results[0];

    const published = await editor.push([mutation({ id: editor.nextMutationId(), recordId: '01890000-0000-7000-8000-00000000a007', provinceCode: '10', values: { ...newsValues('ข้ามขั้นตอน'), status: 'published' }, stamp: stampAt(tick(), node) })]);
    expect(published.json<PushResponse>().results[0]).toMatchObject({ status: 'rejected', reason: 'not-allowed' });

    await editor.push([mutation({ id: editor.nextMutationId(), recordId, provinceCode: '10', values: newsValues('ตามขั้นตอน'), stamp: stampAt(tick(), node) })]);
    expect(await status(editor, 'published')).toMatchObject({ status: 'rejected', reason: 'not-allowed' });
    expect(await status(editor, 'in_review')).toMatchObject({ status: 'applied' });
    expect(await status(editor, 'approved')).toMatchObject({ status: 'rejected', reason: 'not-allowed' });
    expect(await status(coordinator, 'approved')).toMatchObject({ status: 'applied' });
    expect(await status(coordinator, 'published')).toMatchObject({ status: 'applied' });
    const { rows } = await server.store.sql.query<{ status: string }>(`SELECT vals ->> 'status' AS status FROM records WHERE id = $1`, [recordId]);
    expect(rows[0]?.status).toBe('published');
  });

  it('treats mutation ids as unique per device, not across devices', async () => {
    const a = await client(bkk.editor);
    const b = await client(bkk.editor);
    const sameId = 'shared-local-id:1';
    const first = await a.push([mutation({ id: sameId, recordId: '01890000-0000-7000-8000-00000000a004', provinceCode: '10', values: newsValues('หนึ่ง'), stamp: stampAt(tick(), 'c000000000000007') })]);
    const second = await b.push([mutation({ id: sameId, recordId: '01890000-0000-7000-8000-00000000a005', provinceCode: '10', values: newsValues('สอง'), stamp: stampAt(tick(), 'c000000000000008') })]);
    expect(first.json<PushResponse>().results[0]?.status).toBe('applied');
    expect(second.statusCode).toBe(200);
    expect(second.json<PushResponse>().results[0]?.status).toBe('applied');
  });

  it('refuses a batch with a stamp too far ahead, with the server time', async () => {
    const c = await client(bkk.editor);
    const ahead = await c.push([mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues(), stamp: stampAt(nowMs + 6 * 60_000) })]);
    expect(ahead.statusCode).toBe(422);
    expect(ahead.json()).toMatchObject({ error: 'clock-ahead', serverTime: new Date(nowMs).toISOString() });
    const fine = await c.push([mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues(), stamp: stampAt(nowMs + 4 * 60_000) })]);
    expect(fine.json<PushResponse>().results[0]?.status).toBe('applied');
  });

  it('rejects unknown fields, invalid values and scope moves per mutation', async () => {
    const c = await client(bkk.editor);
    const recordId = '01890000-0000-7000-8000-00000000a003';
    const res = await c.push([
      mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values: newsValues(), stamp: stampAt(tick()) }),
      mutation({ id: c.nextMutationId(), provinceCode: '10', values: { nonsense: 1 }, stamp: stampAt(tick()) }),
      mutation({ id: c.nextMutationId(), provinceCode: '10', values: { status: 'flying' }, stamp: stampAt(tick()) }),
      mutation({ id: c.nextMutationId(), provinceCode: '10', values: { provinceCode: '50' }, stamp: stampAt(tick()) }),
      mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', districtCode: '1001', values: { lead: 'ย้าย' }, stamp: stampAt(tick()) }),
    ]);
    expect(res.json<PushResponse>().results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'unknown-field',
      'invalid-value',
      'unknown-field',
      'scope-change',
    ]);
  });

  it('scopes push and pull: officer to a district, editor and coordinator to a province, admin to all', async () => {
    const officer = await client(bkk.officer);
    const editor = await client(bkk.editor);
    const admin = await client(bkk.admin);
    const foreignEditor = await client(cnx.editor);
    const foreignOfficer = await client(cnx.officer);
    const stamp = () => stampAt(tick(), fakeNode());
    const ids = {
      district: '01890000-0000-7000-8000-00000000b001',
      otherDistrict: '01890000-0000-7000-8000-00000000b002',
      province: '01890000-0000-7000-8000-00000000b003',
      foreign: '01890000-0000-7000-8000-00000000b004',
    };
    const push = (c: TestClient, recordId: string, provinceCode: string, districtCode: string | null) =>
      c.push([mutation({ id: c.nextMutationId(), recordId, provinceCode, districtCode, values: newsValues(), stamp: stamp() })]).then((r) => r.json<PushResponse>().results[0]);

    expect(await push(officer, ids.district, '10', '1001')).toMatchObject({ status: 'applied' });
    expect(await push(officer, ids.otherDistrict, '10', '1002')).toMatchObject({ status: 'rejected', reason: 'out-of-scope' });
    expect(await push(officer, ids.province, '10', null)).toMatchObject({ status: 'rejected', reason: 'out-of-scope' });
    expect(await push(officer, ids.foreign, '50', '5001')).toMatchObject({ status: 'rejected', reason: 'out-of-scope' });
    expect(await push(editor, ids.otherDistrict, '10', '1002')).toMatchObject({ status: 'applied' });
    expect(await push(editor, ids.province, '10', null)).toMatchObject({ status: 'applied' });
    expect(await push(editor, ids.foreign, '50', null)).toMatchObject({ status: 'rejected', reason: 'out-of-scope' });
    expect(await push(admin, ids.foreign, '50', null)).toMatchObject({ status: 'applied' });

    const seen = async (c: TestClient) => new Set((await c.pull(0, 2000)).json<PullResponse>().records.map((r) => r.id));
    const officerSees = await seen(officer);
    expect(officerSees.has(ids.district) && officerSees.has(ids.province)).toBe(true);
    expect(officerSees.has(ids.otherDistrict) || officerSees.has(ids.foreign)).toBe(false);
    const editorSees = await seen(editor);
    expect([ids.district, ids.otherDistrict, ids.province].every((id) => editorSees.has(id))).toBe(true);
    expect(editorSees.has(ids.foreign)).toBe(false);
    const foreignSees = await seen(foreignEditor);
    expect(foreignSees.has(ids.foreign)).toBe(true);
    expect([ids.district, ids.otherDistrict, ids.province].some((id) => foreignSees.has(id))).toBe(false);
    expect((await seen(foreignOfficer)).has(ids.foreign)).toBe(true);
    const adminSees = await seen(admin);
    expect(Object.values(ids).every((id) => adminSees.has(id))).toBe(true);
  });

  it('pages a pull by seq with a cursor', async () => {
    const c = await client(cnx.editor);
    const start = (await c.pull(0, 2000)).json<PullResponse>().cursor;
    await c.push(Array.from({ length: 25 }, (_, i) => mutation({ id: c.nextMutationId(), provinceCode: '50', values: newsValues(`ข่าว ${i}`), stamp: stampAt(tick(), fakeNode()) })));
    const titles: string[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = (await c.pull(cursor, 10)).json<PullResponse>();
      pages++;
      titles.push(...page.records.map((r) => String(r.values.title)));
      expect(page.records.every((r, i, all) => i === 0 || r.seq > all[i - 1]!.seq)).toBe(true);
      // lastSeq lets a long pull show how far it has come: never behind the cursor, reached on the last page.
      expect(page.lastSeq).toBeGreaterThanOrEqual(page.cursor);
      cursor = page.cursor;
      if (!page.hasMore) {
        expect(page.cursor).toBe(page.lastSeq);
        break;
      }
    }
    expect(pages).toBe(3);
    expect(titles).toEqual(Array.from({ length: 25 }, (_, i) => `ข่าว ${i}`));
  });

  it('answers refetch after a prune and after a scope change', async () => {
    const c = await client(cnx.officer);
    const first = (await c.pull()).json<PullResponse>();
    expect((await c.pull(first.cursor)).statusCode).toBe(200);
    const editor = await client(cnx.editor);
    await editor.push([mutation({ id: editor.nextMutationId(), provinceCode: '50', values: newsValues(), stamp: stampAt(tick(), fakeNode()) })]);
    await pruneHistory(server.store);
    const stale = await c.pull(first.cursor);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'refetch', reason: 'pruned' });
    const fresh = (await c.pull(0)).json<PullResponse>();
    expect((await c.pull(fresh.cursor)).statusCode).toBe(200);

    // Moved to the provincial office: the officer's district scope no longer describes this device.
    const officeOfficer = await client(bkk.officer);
    const cursor = (await officeOfficer.pull()).json<PullResponse>().cursor;
    const otherDistrict = await createOffice(server.store.sql, { provinceCode: '10', districtCode: '1002', name: 'อำเภอ 1002' });
    await setUserOffice(server.store.sql, bkk.officer.id, otherDistrict.id);
    const moved = await officeOfficer.pull(cursor);
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ error: 'refetch', reason: 'scope' });
    expect((await officeOfficer.pull(0)).statusCode).toBe(200);
    await setUserOffice(server.store.sql, bkk.officer.id, bkk.districtOfficeId);
  });

  it('carries the server epoch with the cursor: a cursor of another epoch (restored backup) or none answers refetch', async () => {
    const c = await client(bkk.editor);
    const first = (await c.pull(0, 2000)).json<PullResponse>();
    expect(first.serverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect((await c.pull(first.cursor)).json<PullResponse>()).toMatchObject({ serverId: first.serverId, epoch: first.epoch });
    // A cursor without its epoch (a client from before epochs) cannot be trusted either.
    const bare = await c.request({ method: 'GET', url: `/v1/sync/pull?cursor=${first.cursor}` });
    expect(bare.statusCode).toBe(409);
    expect(bare.json()).toMatchObject({ error: 'refetch', reason: 'restored' });

    const { epoch } = await markRestored(server.store.sql);
    const stale = await c.pull(first.cursor, undefined, first.epoch);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'refetch', reason: 'restored' });
    const fresh = (await c.pull(0, 2000)).json<PullResponse>();
    // The same server (its id survives restores), another history.
    expect(fresh).toMatchObject({ serverId: first.serverId, epoch });
    expect((await c.pull(fresh.cursor)).statusCode).toBe(200);
  });

  it('a cursor ahead of the server in its own epoch (restored without mark-restored) starts a new epoch for every device', async () => {
    const ahead = await client(bkk.editor);
    const other = await client(bkk.coordinator);
    const page = (await ahead.pull(0, 2000)).json<PullResponse>();
    await other.pull(0, 2000);
    const response = await ahead.pull(page.lastSeq + 50, undefined, page.epoch);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'refetch', reason: 'restored' });
    // The other device's cursor is no better: it was handed out by the same lost history.
    const otherAgain = await other.pull(page.cursor, undefined, page.epoch);
    expect(otherAgain.json()).toMatchObject({ error: 'refetch', reason: 'restored' });
    expect((await other.pull(0, 2000)).json<PullResponse>().epoch).not.toBe(page.epoch);
  });

  it('keeps the wire small: compressed pull ≤ 1.3× the records’ own compressed JSON', async () => {
    const c = await client(bkk.admin);
    const before = (await c.pull(0, 2000)).json<PullResponse>().cursor;
    const stamp = () => stampAt(tick(), 'd000000000000001');
    const plain: Record<string, unknown>[] = [];
    const mutations = Array.from({ length: 200 }, (_, i) => {
      const m = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues(`ข่าวประชาสัมพันธ์ฉบับที่ ${i} การเลือกตั้ง`), stamp: stamp() });
      plain.push({ id: m.recordId, provinceCode: m.provinceCode, districtCode: m.districtCode, ...newsValues(`ข่าวประชาสัมพันธ์ฉบับที่ ${i} การเลือกตั้ง`) });
      return m;
    });
    await c.push(mutations);
    const response = await c.request({ method: 'GET', url: `/v1/sync/pull?cursor=${before}&epoch=${c.epoch}&limit=2000`, headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    const wireBytes = response.rawPayload.length;
    const baseline = gzipSync(JSON.stringify(plain)).length;
    expect(wireBytes / baseline).toBeLessThanOrEqual(1.3);
  });
});
