import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../shared/sync/protocol';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

// Issue 18, item 2: a value PostgreSQL refuses answered 500 for the whole batch, and the device sent the
// same batch again forever. Now each such mutation is rejected on its own and the rest is applied.
describe.each(testBackends())('push refuses values the database cannot store, per mutation ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let nowMs = Date.parse('2026-11-22T09:00:00.000Z');
  const tick = () => (nowMs += 1000);
  const outcomes = (body: PushResponse) => body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status));

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  /** Pushes a raw JSON text (to send what JSON.stringify would not write, such as 1e400). */
  const pushRaw = (c: TestClient, body: string) => c.request({ method: 'POST', url: '/v1/sync/push', headers: { 'content-type': 'application/json' }, payload: body });

  it('a U+0000 in a text field is invalid-value, and the rest of the batch is applied', async () => {
    const c = await TestClient.signedIn(server.app, bkk.editor);
    const node = fakeNode();
    const before = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('ก่อน'), stamp: stampAt(tick(), node) });
    const bad = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('มี\u0000ศูนย์'), stamp: stampAt(tick(), node) });
    const after = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('หลัง'), stamp: stampAt(tick(), node) });
    const res = await c.push([before, bad, after]);
    expect(res.statusCode).toBe(200);
    const body = res.json<PushResponse>();
    expect(outcomes(body)).toEqual(['applied', 'invalid-value', 'applied']);
    expect(body.results[1]).toMatchObject({ message: 'ค่าของช่องข้อมูล title ไม่ถูกต้อง' });
    const { rows } = await server.store.sql.query<{ id: string }>('SELECT id FROM records WHERE id = ANY($1::text[])', [[before.recordId, bad.recordId, after.recordId]]);
    expect(rows.map((r) => r.id).sort()).toEqual([before.recordId, after.recordId].sort());
    // The same batch again (the device lost the answer): answered the same way, no 500.
    expect(outcomes((await c.push([before, bad, after])).json<PushResponse>())).toEqual(['duplicate', 'invalid-value', 'duplicate']);
  });

  it('refuses unpaired surrogates, U+0000 in keys of nested values, unknown nested keys, 1e400 and deep nesting', async () => {
    const c = await TestClient.signedIn(server.app, bkk.editor);
    const node = fakeNode();
    const id = () => c.nextMutationId();
    const ok = mutation({ id: id(), provinceCode: '10', values: newsValues('ถูกต้อง'), stamp: stampAt(tick(), node) });
    const lone = mutation({ id: id(), provinceCode: '10', values: { ...newsValues(), lead: 'ครึ่ง\ud800ตัว' }, stamp: stampAt(tick(), node) });
    const nestedKey = mutation({ id: id(), provinceCode: '10', values: { photos: [{ attachmentId: 'a', caption: '', ['x\u0000']: 1 }] }, stamp: stampAt(tick(), node) });
    const unknownKey = mutation({ id: id(), provinceCode: '10', values: { photos: [{ attachmentId: 'a', caption: '', extra: 'y'.repeat(1000) }] }, stamp: stampAt(tick(), node) });
    const deepOne = mutation({ id: id(), provinceCode: '10', values: { tags: 'DEEP' }, stamp: stampAt(tick(), node) });
    const huge = mutation({ id: id(), provinceCode: '10', values: { photos: 'HUGE' }, stamp: stampAt(tick(), node) });
    const text = JSON.stringify({ mutations: [ok, lone, nestedKey, unknownKey, deepOne, huge] })
      .replace('"HUGE"', '[{"attachmentId":"a","caption":"","n":1e400}]')
      .replace('"DEEP"', `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`);
    expect(text).toContain('\\ud800');
    const res = await pushRaw(c, text);
    expect(res.statusCode).toBe(200);
    expect(outcomes(res.json<PushResponse>())).toEqual(['applied', 'invalid-value', 'invalid-value', 'invalid-value', 'invalid-value', 'invalid-value']);
  });

  it('refuses a 3 MB author name (every text field of a record has a maximum)', async () => {
    const c = await TestClient.signedIn(server.app, bkk.editor);
    const res = await c.push([mutation({ id: c.nextMutationId(), provinceCode: '10', values: { ...newsValues(), authorName: 'ก'.repeat(3 * 1024 * 1024) }, stamp: stampAt(tick(), fakeNode()) })]);
    expect(res.json<PushResponse>().results[0]).toMatchObject({ status: 'rejected', reason: 'invalid-value', message: 'ค่าของช่องข้อมูล authorName ไม่ถูกต้อง' });
  });

  it('answers a malformed mutation or an impossible stamp per mutation, and refuses only a missing id for the batch', async () => {
    const c = await TestClient.signedIn(server.app, bkk.editor);
    const node = fakeNode();
    const good = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues('ดี'), stamp: stampAt(tick(), node) });
    const badField = { ...mutation({ id: c.nextMutationId(), provinceCode: '10', values: {}, stamp: stampAt(tick(), node) }), changes: { 'not_a_field\u0000': { value: 1, stamp: stampAt(tick(), node), prev: null } } };
    const badTable = { ...mutation({ id: c.nextMutationId(), provinceCode: '10', values: { title: 'x' }, stamp: stampAt(tick(), node) }), table: 'secrets' };
    const february30 = mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues(), stamp: '2026-02-30T09:00:00.000Z-0000-aaaaaaaaaaaaaaaa' });
    const res = await c.request({ method: 'POST', url: '/v1/sync/push', payload: { mutations: [good, badField, badTable, february30] } });
    expect(res.statusCode).toBe(200);
    const body = res.json<PushResponse>();
    expect(outcomes(body)).toEqual(['applied', 'unknown-field', 'invalid-value', 'invalid-value']);
    expect(body.results[1]!.id).toBe(badField.id);
    expect(JSON.stringify(body)).not.toContain('\\u0000');
    const noId = await c.request({ method: 'POST', url: '/v1/sync/push', payload: { mutations: [good, { table: 'news' }] } });
    expect(noId.statusCode).toBe(400);
  });

  it('if the database still refuses one value, that mutation alone is rejected and the others are applied', async () => {
    // A stand-in for a refusal nobody foresaw: a trigger raising a data exception for one title.
    await server.store.sql.query(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.vals ->> 'title' = 'boom' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$`);
    await server.store.sql.query('CREATE TRIGGER refuse_boom BEFORE INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
    try {
      const c = await TestClient.signedIn(server.app, bkk.editor);
      const node = fakeNode();
      const batch = ['หนึ่ง', 'boom', 'สาม'].map((title) => mutation({ id: c.nextMutationId(), provinceCode: '10', values: newsValues(title), stamp: stampAt(tick(), node) }));
      const res = await c.push(batch);
      expect(res.statusCode).toBe(200);
      expect(outcomes(res.json<PushResponse>())).toEqual(['applied', 'invalid-value', 'applied']);
      const { rows } = await server.store.sql.query<{ title: string }>(`SELECT vals ->> 'title' AS title FROM records WHERE id = ANY($1::text[]) ORDER BY seq`, [batch.map((m) => m.recordId)]);
      expect(rows.map((r) => r.title)).toEqual(['หนึ่ง', 'สาม']);
    } finally {
      await server.store.sql.query('DROP TRIGGER refuse_boom ON records');
      await server.store.sql.query('DROP FUNCTION refuse_boom()');
    }
  });

  it('refuses a sign-in or a conflict id with text the database cannot hold as a bad request, not a fault', async () => {
    const c = new TestClient(server.app);
    const login = await c.request({ method: 'POST', url: '/v1/auth/login', payload: { username: 'a\u0000b', password: 'whatever-long', deviceName: 'pc' } });
    expect(login.statusCode).toBe(400);
    const device = await c.request({ method: 'POST', url: '/v1/auth/login', payload: { username: bkk.editor.username, password: bkk.editor.password, deviceName: 'pc\ud800' } });
    expect(device.statusCode).toBe(400);
    const signedIn = await TestClient.signedIn(server.app, bkk.coordinator);
    const conflict = await signedIn.request({ method: 'POST', url: `/v1/conflicts/${encodeURIComponent('x\u0000')}/resolve`, payload: { resolution: 'winner' } });
    expect(conflict.statusCode).toBe(400);
  });
});
