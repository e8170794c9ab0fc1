import { SCHEMA_VERSION } from '../../shared/sync/protocol';
// The desk's sync agent against the real server (PGlite, real HTTP on loopback) with real devices
// (DeskData on fake-indexeddb). Issue 3, desktop half.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStamps, parseStamp } from '../../shared/sync/hybrid-logical-clock';
import { pruneHistory } from '../../server/sync/pull-service';
import { createTestDatabase } from '../../renderer/db/test-database';
import { openDeskData } from '../../renderer/db/desk-data';
import { DEVICE_KEY } from '../../renderer/db/device-clock';
import type { SyncedConflictRow } from '../../renderer/sync/sync-records';
import { HISTORY_KEY, PULL_STATE_KEY, REJECTED_KEY, type RejectedChange } from '../../renderer/sync/sync-records';
import { createDevice, login, snapshot, startTestServer, storedRecordCount, type TestServer } from './support/sync-harness';

const author = { userId: 'u-test', displayName: 'นางสาวทดสอบ ระบบ' };

describe('sync agent against the real server', () => {
  let t: TestServer;
  let url: string;
  const scope = () => ({ provinceCode: t.province.provinceCode, districtCode: null });

  beforeAll(async () => {
    t = await startTestServer();
    url = t.server.url;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pushes a new record (scope in the envelope, not as fields) and another device pulls it', async () => {
    const a = await createDevice(url, t.province.editor);
    const b = await createDevice(url, t.province.editor);
    const item = await a.data.news.createDraft({ title: 'ข่าวสัมมนาเครือข่าย', lead: 'นำเรื่อง' }, author, scope());
    expect(Object.keys(item._stamps)).not.toContain('provinceCode');

    const pushed = await a.agent.sync('test');
    expect(pushed).toMatchObject({ ok: true, pushed: 1, problem: null });
    expect(await a.data.db.outbox.count()).toBe(0);

    const pulled = await b.agent.sync('test');
    expect(pulled.ok).toBe(true);
    const copy = await b.data.news.get(item.id);
    expect(copy).toMatchObject({ title: 'ข่าวสัมมนาเครือข่าย', lead: 'นำเรื่อง', provinceCode: '57', districtCode: null });
    // Derived fields are recomputed on the receiving device: the record is searchable there.
    expect(copy!.searchTokens?.length).toBeGreaterThan(0);
    expect(await snapshot(b.data)).toEqual(await snapshot(a.data));
  });

  it('merges field by field: concurrent edits of different fields both survive on both devices', async () => {
    const a = await createDevice(url, t.province.editor);
    const b = await createDevice(url, t.province.editor);
    const item = await a.data.news.createDraft({ title: 'ร่างข่าว' }, author, scope());
    await a.agent.sync();
    await b.agent.sync();

    await a.data.news.update(item.id, { title: 'หัวข้อจากเครื่อง A' });
    await b.data.news.update(item.id, { lead: 'นำเรื่องจากเครื่อง B' });
    await a.agent.sync();
    // B pulls A's title while its own lead is still pending: the pending edit stays.
    await b.agent.sync();
    await a.agent.sync();

    for (const device of [a, b]) {
      expect(await device.data.news.get(item.id)).toMatchObject({ title: 'หัวข้อจากเครื่อง A', lead: 'นำเรื่องจากเครื่อง B' });
    }
    expect(await snapshot(a.data)).toEqual(await snapshot(b.data));
  });

  it('keeps the Thai-order person list in step with pulled renames and deletes (derived fields, no hooks)', async () => {
    const a = await createDevice(url, t.province.coordinator);
    const b = await createDevice(url, t.province.coordinator);
    const member = (firstName: string) => ({
      tambonCode: '570101', centreId: null, title: 'นาย', firstName, lastName: 'ทดสอบ', nationalId: null, phone: '0812345678', lineId: '', email: '',
      village: 1, role: 'กรรมการ', sector: 'ภาคประชาชน', termStart: '2024-01-01', termEnd: '2027-12-31', trainings: [], photoAttachmentId: null, privacyNoticeOn: null,
    });
    const kasem = await a.data.roster.createMember(member('เกษม'), scope());
    const sombat = await a.data.roster.createMember(member('สมบัติ'), scope());
    await a.agent.sync();
    await b.agent.sync();
    const order = async () => (await b.data.db.members.orderBy('sortKey').toArray()).filter((m) => [kasem.id, sombat.id].includes(m.id)).map((m) => m.firstName);
    expect(await order()).toEqual(['เกษม', 'สมบัติ']);

    await a.data.roster.updateMember(kasem.id, { firstName: 'อำนาจ' });
    await a.data.writer.remove('members', sombat.id);
    await a.agent.sync();
    await b.agent.sync();
    // Renamed: sorted under its new name; deleted: out of the list (no sort key), still stored as a tombstone.
    expect(await order()).toEqual(['อำนาจ']);
    expect(await b.data.db.members.get(sombat.id)).toMatchObject({ deleted: true });
    expect(await b.data.db.members.get(sombat.id)).not.toHaveProperty('sortKey');
  });

  it('pages through a large pull and moves the cursor page by page', async () => {
    const a = await createDevice(url, t.province.editor);
    for (let i = 0; i < 25; i++) await a.data.news.createDraft({ title: `ข่าวที่ ${i + 1}` }, author, scope());
    await a.agent.sync();
    const b = await createDevice(url, t.province.editor, { pullLimit: 7, initialPullLimit: 7 });
    const result = await b.agent.sync();
    expect(result.ok).toBe(true);
    const pulls = b.requests.filter((r) => r.path.startsWith('/v1/sync/pull'));
    expect(pulls.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(await snapshot(b.data)).length).toBe(Object.keys(await snapshot(a.data)).length);
    const state = (await b.data.db.syncState.get(PULL_STATE_KEY))?.value as { cursor: number };
    expect(state.cursor).toBeGreaterThan(0);
  });

  it('keeps a conflict for a concurrent overwrite; the coordinator sees both versions and resolves it', async () => {
    const a = await createDevice(url, t.province.editor);
    const b = await createDevice(url, t.province.editor);
    const boss = await createDevice(url, t.province.coordinator);
    const item = await a.data.news.createDraft({ title: 'ร่างข่าวกลาง' }, author, scope());
    await a.agent.sync();
    await b.agent.sync();

    await a.data.news.update(item.id, { bodyHtml: '<p>ข้อความของ A</p>' });
    await b.data.news.update(item.id, { bodyHtml: '<p>ข้อความของ B</p>' });
    await a.agent.sync();
    await b.agent.sync(); // B's push overwrites A's value it never saw: a conflict
    await a.agent.sync();
    const winner = (await a.data.news.get(item.id))!.bodyHtml;
    expect((await b.data.news.get(item.id))!.bodyHtml).toBe(winner);

    // Officers and editors get no conflicts; the coordinator does.
    expect(await a.data.db.conflicts.count()).toBe(0);
    await boss.agent.sync();
    const conflicts = (await boss.data.db.conflicts.where('recordId').equals(item.id).toArray()) as SyncedConflictRow[];
    const body = conflicts.find((c) => c.field === 'bodyHtml');
    expect(body).toBeDefined();
    expect([body!.winnerValue, body!.loserValue].sort()).toEqual(['<p>ข้อความของ A</p>', '<p>ข้อความของ B</p>']);
    expect(body!.winnerAuthor).toContain('editor');
    expect(body!.winnerDeviceId).not.toBe(body!.loserDeviceId);
    expect(body!.resolution).toBeNull();

    // Keep the losing text: it becomes the value everywhere.
    const resolved = await boss.agent.resolveConflict(body!.id, 'loser');
    expect(resolved.ok).toBe(true);
    await boss.agent.sync();
    const row = (await boss.data.db.conflicts.get(body!.id)) as SyncedConflictRow;
    expect(row.resolution).toBe('loser');
    expect(row.resolvedAt).not.toBeNull();
    await a.agent.sync();
    await b.agent.sync();
    for (const device of [a, b, boss]) expect((await device.data.news.get(item.id))!.bodyHtml).toBe(body!.loserValue);

    // An edited merge.
    await a.data.news.update(item.id, { title: 'หัวข้อ A' });
    await b.data.news.update(item.id, { title: 'หัวข้อ B' });
    await a.agent.sync();
    await b.agent.sync();
    await boss.agent.sync();
    const titleConflict = ((await boss.data.db.conflicts.where('recordId').equals(item.id).toArray()) as SyncedConflictRow[]).find(
      (c) => c.field === 'title' && c.resolution === null,
    );
    expect(titleConflict).toBeDefined();
    expect((await boss.agent.resolveConflict(titleConflict!.id, 'merged', 'หัวข้อ A และ B')).ok).toBe(true);
    await boss.agent.sync();
    await a.agent.sync();
    expect((await a.data.news.get(item.id))!.title).toBe('หัวข้อ A และ B');
  });

  it('pushes a long outbox in order, batch by batch with one in flight, and splits a batch the server finds too large', async () => {
    let inFlight = 0;
    let most = 0;
    let refuseBig = true;
    const pushSizes: number[] = [];
    const a = await createDevice(url, t.province.editor, {
      pushBatchSize: 4,
      wrap: (inner) => async (request) => {
        if (request.path !== '/v1/sync/push') return inner(request);
        const size = (request.body as { mutations: unknown[] }).mutations.length;
        pushSizes.push(size);
        if (refuseBig && size === 4 && pushSizes.length === 3) {
          refuseBig = false;
          return { ok: true, value: { status: 413, body: { error: 'payload-too-large', message: 'ใหญ่เกินไป (test)' } } };
        }
        most = Math.max(most, ++inFlight);
        try {
          return await inner(request);
        } finally {
          inFlight--;
        }
      },
    });
    const item = await a.data.news.createDraft({ title: 'ร่าง 0' }, author, scope());
    // Eleven more writes of the same field: applied out of order, each would look like a concurrent overwrite.
    for (let i = 1; i <= 11; i++) await a.data.news.update(item.id, { title: `ร่าง ${i}` });
    for (let i = 0; i < 6; i++) await a.data.news.createDraft({ title: `ข่าวอื่น ${i}` }, author, scope());
    const queued = await a.data.db.outbox.count();

    const result = await a.agent.sync();
    expect(result).toMatchObject({ ok: true, pushed: queued, problem: null });
    expect(most).toBe(1);
    expect(pushSizes.slice(0, 3)).toEqual([4, 4, 4]);
    expect(pushSizes[3]).toBe(2); // the refused batch again, halved
    expect(await a.data.db.outbox.count()).toBe(0);

    const b = await createDevice(url, t.province.coordinator);
    await b.agent.sync();
    expect(await b.data.news.get(item.id)).toMatchObject({ title: 'ร่าง 11' });
    expect(await b.data.db.conflicts.where('recordId').equals(item.id).count()).toBe(0);
  });

  it('never loses a change whose answer was lost: resends the same mutation id, which the server answers duplicate', async () => {
    let drop = true;
    const a = await createDevice(url, t.province.editor, {
      wrap: (inner) => async (request) => {
        const result = await inner(request);
        if (drop && request.path === '/v1/sync/push') {
          drop = false;
          return { ok: false, error: { code: 'network', message: 'answer lost (test)' } };
        }
        return result;
      },
    });
    const item = await a.data.news.createDraft({ title: 'ข่าวที่คำตอบหาย' }, author, scope());
    const first = await a.agent.sync();
    expect(first).toMatchObject({ ok: false, problem: 'offline' });
    const [entry] = await a.data.db.outbox.toArray();
    expect(entry?.sentAt).not.toBeNull();

    // An edit made meanwhile is not folded into the sent entry.
    await a.data.news.update(item.id, { lead: 'แก้ระหว่างรอ' }, { coalesce: true });
    expect(await a.data.db.outbox.count()).toBe(2);

    const second = await a.agent.sync();
    expect(second).toMatchObject({ ok: true, pushed: 2 });
    expect(await a.data.db.outbox.count()).toBe(0);
    const b = await createDevice(url, t.province.editor);
    await b.agent.sync();
    expect(await b.data.news.get(item.id)).toMatchObject({ title: 'ข่าวที่คำตอบหาย', lead: 'แก้ระหว่างรอ' });
  });

  it('keeps queued changes and the cursor across a crash (database closed mid-sync) and a restart', async () => {
    const first = await createDevice(url, t.province.editor);
    const item = await first.data.news.createDraft({ title: 'ก่อนเครื่องดับ' }, author, scope());
    await first.data.news.update(item.id, { lead: 'แก้แล้ว' });
    // The push is sent, then the app dies before the answer is stored.
    let crash = true;
    const crashing = await createDevice(url, t.province.editor, {
      dbName: first.dbName,
      session: await login(url, t.province.editor),
      wrap: (inner) => async (request) => {
        const result = await inner(request);
        if (crash && request.path === '/v1/sync/push') {
          crash = false;
          crashing.data.db.close();
          throw new Error('renderer crashed');
        }
        return result;
      },
    });
    first.data.db.close();
    await crashing.agent.sync().catch(() => undefined);

    // Restart: a new DeskData on the same database.
    const reopened = await openDeskData(createTestDatabase(undefined, first.dbName));
    expect(await reopened.db.outbox.count()).toBe(2);
    reopened.db.close();
    const restarted = await createDevice(url, t.province.editor, { dbName: first.dbName, session: await login(url, t.province.editor) });
    const result = await restarted.agent.sync();
    expect(result.ok).toBe(true);
    expect(await restarted.data.db.outbox.count()).toBe(0);
    const other = await createDevice(url, t.province.editor);
    await other.agent.sync();
    expect(await other.data.news.get(item.id)).toMatchObject({ title: 'ก่อนเครื่องดับ', lead: 'แก้แล้ว' });
  });

  it('stores a page and its cursor together: a failure after page 1 resumes from page 2', async () => {
    const a = await createDevice(url, t.province.editor);
    for (let i = 0; i < 12; i++) await a.data.news.createDraft({ title: `หน้าละห้า ${i}` }, author, scope());
    await a.agent.sync();
    let pulls = 0;
    const b = await createDevice(url, t.province.editor, {
      pullLimit: 5,
      initialPullLimit: 5,
      wrap: (inner) => async (request) => {
        if (request.path.startsWith('/v1/sync/pull') && ++pulls === 2) return { ok: false, error: { code: 'network', message: 'cut (test)' } };
        return inner(request);
      },
    });
    expect((await b.agent.sync()).ok).toBe(false);
    const afterFirst = (await b.data.db.syncState.get(PULL_STATE_KEY))?.value as { cursor: number };
    expect(afterFirst.cursor).toBeGreaterThan(0);
    // Page 1 is stored, whatever tables earlier tests left on the shared server it holds.
    expect(await storedRecordCount(b.data)).toBeGreaterThanOrEqual(5);
    expect((await b.agent.sync()).ok).toBe(true);
    // (the cut request never reached the server, so it is not in `requests`)
    const firstPullAgain = b.requests.filter((r) => r.path.startsWith('/v1/sync/pull'))[1];
    expect(firstPullAgain?.path).toContain(`cursor=${afterFirst.cursor}`);
    expect(await snapshot(b.data)).toEqual(await snapshot(a.data));
  });

  it('refetches from scratch when the server says so, and drops records the server no longer has', async () => {
    const a = await createDevice(url, t.province.editor);
    const gone = await a.data.news.createDraft({ title: 'จะถูกลบ' }, author, scope());
    await a.agent.sync();
    const b = await createDevice(url, t.province.editor);
    await b.agent.sync();
    expect(await b.data.news.get(gone.id)).toBeDefined();
    await a.data.news.remove(gone.id);
    await a.agent.sync();
    // The server prunes tombstones: a device behind it must start over.
    await pruneHistory(t.server.store);
    const keep = await b.data.news.createDraft({ title: 'ยังไม่ได้ส่ง' }, author, scope());
    b.offline = true;
    await b.agent.sync();
    b.offline = false;
    // New changes after the prune, then B comes back with an old cursor.
    await a.data.news.createDraft({ title: 'หลังตัดประวัติ' }, author, scope());
    await a.agent.sync();
    const result = await b.agent.sync();
    expect(result.ok).toBe(true);
    expect(await b.data.news.get(gone.id)).toBeUndefined();
    expect(await b.data.news.get(keep.id)).toBeDefined();
    expect(b.requests.some((r) => r.path.includes('cursor=0'))).toBe(true);
  });

  it('an offline edit of a record deleted and pruned meanwhile is refused and kept in the refused list, never revived', async () => {
    const a = await createDevice(url, t.province.editor);
    const doomed = await a.data.news.createDraft({ title: 'ข่าวที่ถูกลบระหว่างออฟไลน์' }, author, scope());
    await a.agent.sync();
    const b = await createDevice(url, t.province.editor);
    await b.agent.sync();
    // B edits offline; meanwhile A deletes the item and the server prunes the tombstone.
    await b.data.news.update(doomed.id, { lead: 'ย่อหน้านำที่พิมพ์ตอนออฟไลน์' });
    await a.data.news.remove(doomed.id);
    await a.agent.sync();
    await pruneHistory(t.server.store);

    const result = await b.agent.sync();
    expect(result).toMatchObject({ ok: true, problem: 'rejected', detail: 'ระเบียนนี้ถูกลบไปแล้ว การแก้ไขนี้จึงไม่ได้บันทึก' });
    // What B typed is not lost: the refused change is listed with its value.
    const refused = (await b.data.db.syncState.get(REJECTED_KEY))?.value as RejectedChange[];
    expect(refused[0]).toMatchObject({ recordId: doomed.id, reason: 'deleted', changes: { lead: 'ย่อหน้านำที่พิมพ์ตอนออฟไลน์' } });
    expect(await b.data.news.get(doomed.id)).toBeUndefined();
    const c = await createDevice(url, t.province.editor);
    await c.agent.sync();
    expect(await c.data.news.get(doomed.id)).toBeUndefined();
  });

  it('after clock-ahead: resets the clock to the server time and re-stamps what waits; a PC still wrong gets a persistent warning', async () => {
    let offsetMs = 60 * 60 * 1000; // this PC runs an hour fast
    const pc = () => Date.now() + offsetMs;
    const a = await createDevice(url, t.province.editor, { clock: pc });
    const item = await a.data.news.createDraft({ title: 'นาฬิกาเร็ว' }, author, scope());
    const stuck = await a.agent.sync();
    expect(stuck).toMatchObject({ ok: false, problem: 'clock-ahead' });
    expect(a.agent.status.get().clockWarning).toBe('clock-ahead');
    expect(await a.data.db.outbox.count()).toBe(1);

    offsetMs = 0; // the user fixed the clock
    const fixed = await a.agent.sync();
    expect(fixed).toMatchObject({ ok: true, pushed: 1 });
    const local = (await a.data.news.get(item.id))!;
    expect(parseStamp(local._stamps.title!).millis).toBeLessThanOrEqual(Date.now() + 1000);
    const b = await createDevice(url, t.province.editor);
    await b.agent.sync();
    expect((await b.data.news.get(item.id))!._stamps.title).toBe(local._stamps.title);
    // A later normal edit elsewhere now wins over the re-stamped one.
    await b.data.news.update(item.id, { title: 'แก้หลังตั้งนาฬิกา' });
    await b.agent.sync();
    await a.agent.sync();
    expect((await a.data.news.get(item.id))!.title).toBe('แก้หลังตั้งนาฬิกา');
  });

  it('stores a page even when this PC is behind (clock-behind warning), then stamps later than what it received', async () => {
    const a = await createDevice(url, t.province.editor);
    const item = await a.data.news.createDraft({ title: 'จากเครื่องปกติ' }, author, scope());
    await a.agent.sync();
    const slow = await createDevice(url, t.province.editor, { clock: () => Date.now() - 60 * 60 * 1000 });
    const result = await slow.agent.sync();
    expect(result).toMatchObject({ ok: true, problem: 'clock-behind' });
    expect(slow.agent.status.get().clockWarning).toBe('clock-behind');
    expect(await slow.data.news.get(item.id)).toBeDefined();
  });

  it('receives pulled stamps into the clock before the next local write', async () => {
    const a = await createDevice(url, t.province.editor, { clock: () => Date.now() + 60_000 }); // a minute fast: within drift
    const item = await a.data.news.createDraft({ title: 'เร็วหนึ่งนาที' }, author, scope());
    await a.data.news.update(item.id, { lead: 'A' });
    await a.agent.sync();
    const b = await createDevice(url, t.province.editor);
    await b.agent.sync();
    const updated = await b.data.news.update(item.id, { lead: 'B' });
    expect(compareStamps(updated._stamps.lead!, (await a.data.news.get(item.id))!._stamps.lead!)).toBe(1);
  });

  it('writes a readable history and says signed-out without a session', async () => {
    const a = await createDevice(url, t.province.editor);
    await a.agent.sync('start');
    a.offline = true;
    await a.data.news.createDraft({ title: 'ออฟไลน์' }, author, scope());
    expect(await a.agent.sync('local-change')).toMatchObject({ ok: false, problem: 'offline' });
    expect(a.agent.status.get().state).toBe('offline');
    const history = (await a.data.db.syncState.get(HISTORY_KEY))?.value as Array<{ outcome: string; reason: string }>;
    expect(history.map((h) => [h.reason, h.outcome])).toEqual([
      ['local-change', 'error'],
      ['start', 'ok'],
    ]);
    a.session = null as never;
    expect(await a.agent.sync()).toMatchObject({ ok: false, problem: 'signed-out' });
  });

  it('reports a revoked device as unauthorized', async () => {
    const a = await createDevice(url, t.province.editor);
    expect((await a.agent.sync()).ok).toBe(true);
    const logout = await fetch(`${url}/v1/auth/logout`, {
      method: 'POST',
      headers: { 'x-provincedesk-protocol': '1', 'x-provincedesk-schema': String(SCHEMA_VERSION), authorization: `Bearer ${a.token}` },
    });
    expect(logout.status).toBe(204);
    expect(await a.agent.sync()).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(a.agent.status.get().state).toBe('signed-out');
  });

  it('a copy of another user’s PC (same device code) is told node-in-use and keeps its outbox until that PC is revoked', async () => {
    const a = await createDevice(url, t.province.editor);
    await a.data.news.createDraft({ title: 'จากเครื่องต้นฉบับ' }, author, scope());
    expect((await a.agent.sync()).ok).toBe(true);
    // A profile copied to another PC and signed in as someone else: the same local device id, so the same node.
    const dbName = `copy-${crypto.randomUUID()}`;
    const copied = createTestDatabase(undefined, dbName);
    await copied.open();
    await copied.syncState.put({ key: DEVICE_KEY, value: a.data.identity.deviceId });
    copied.close();
    const b = await createDevice(url, t.province.coordinator, { dbName });
    expect(b.data.identity.nodeId).toBe(a.data.identity.nodeId);
    await b.data.news.createDraft({ title: 'จากเครื่องที่คัดลอกมา' }, author, scope());
    const refused = await b.agent.sync();
    expect(refused).toMatchObject({ ok: false, problem: 'node-in-use' });
    expect(refused.detail).toContain('revoke-device');
    expect(await b.data.db.outbox.count()).toBe(1);

    const logout = await fetch(`${url}/v1/auth/logout`, {
      method: 'POST',
      headers: { 'x-provincedesk-protocol': '1', 'x-provincedesk-schema': String(SCHEMA_VERSION), authorization: `Bearer ${a.token}` },
    });
    expect(logout.status).toBe(204);
    expect(await b.agent.sync()).toMatchObject({ ok: true, problem: null });
    expect(await b.data.db.outbox.count()).toBe(0);
  });
});
