import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { PushResponse } from '../../shared/sync/protocol';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { useClockedServer } from '../testing/clocked-server';
import { testBackends } from '../testing/test-stores';

// Issue 18, item 8: two devices stamping with one HLC node (a copied profile, another PC's pending changes)
// issue equal stamps for different values, which every replica takes as the same write: they diverged
// without anyone knowing. Now a node is bound to a device, and an equal stamp with another value is refused.
describe.each(testBackends())('HLC nodes are bound to devices ($name)', (backend) => {
  const clocked = useClockedServer(backend, { seed: { provinceCode: '57', districtCode: '5701' } });
  const { tick } = clocked;

  const write = (c: TestClient, node: string, title: string, recordId = uuidv7(), stamp = stampAt(tick(), node)) =>
    c.push([mutation({ id: c.nextMutationId(), recordId, provinceCode: '57', values: newsValues(title), stamp })]);
  const exists = async (title: string) => (await clocked.server.store.sql.query(`SELECT 1 FROM records WHERE vals ->> 'title' = $1`, [title])).rows.length > 0;

  it('refuses, for the whole push, stamps of a node another user’s signed-in device uses; nothing is written', async () => {
    const node = fakeNode();
    const owner = new TestClient(clocked.server.app);
    await owner.login(clocked.province.editor.username, clocked.province.editor.password, 'โน้ตบุ๊กฝ่ายประชาสัมพันธ์');
    expect((await write(owner, node, 'ของเจ้าของ')).json<PushResponse>().results[0]?.status).toBe('applied');

    const copy = await TestClient.signedIn(clocked.server.app, clocked.province.coordinator);
    const refused = await copy.push([
      mutation({ id: copy.nextMutationId(), provinceCode: '57', values: newsValues('ของเครื่องนี้เอง'), stamp: stampAt(tick(), fakeNode()) }),
      mutation({ id: copy.nextMutationId(), provinceCode: '57', values: newsValues('ประทับด้วยรหัสของเครื่องอื่น'), stamp: stampAt(tick(), node) }),
    ]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'node-in-use' });
    expect(refused.json().message).toContain('โน้ตบุ๊กฝ่ายประชาสัมพันธ์');
    expect(refused.json().message).toContain(owner.deviceId);
    expect(await exists('ของเครื่องนี้เอง')).toBe(false);
    expect(await exists('ประทับด้วยรหัสของเครื่องอื่น')).toBe(false);

    // The same user's other sign-in (the same PC signed in again, their second PC) may use it.
    const again = await TestClient.signedIn(clocked.server.app, clocked.province.editor);
    expect((await write(again, node, 'ลงชื่อเข้าใช้อีกครั้ง')).json<PushResponse>().results[0]?.status).toBe('applied');

    // Once the owner's devices are signed out (revoked), the node passes to whoever uses it next.
    for (const c of [owner, again]) expect((await c.request({ method: 'POST', url: '/v1/auth/logout' })).statusCode).toBe(204);
    expect((await write(copy, node, 'หลังเจ้าของออกจากระบบ')).json<PushResponse>().results[0]?.status).toBe('applied');
    const back = await TestClient.signedIn(clocked.server.app, clocked.province.editor);
    expect((await write(back, node, 'เจ้าของเดิมกลับมา')).statusCode).toBe(409);
  });

  it('refuses an equal stamp with another value (two writers on one node), and answers the same write again applied', async () => {
    const node = fakeNode();
    const first = await TestClient.signedIn(clocked.server.app, clocked.province.officer);
    const clone = await TestClient.signedIn(clocked.server.app, clocked.province.officer);
    const recordId = uuidv7();
    const stamp = stampAt(tick(), node);
    const scope = { provinceCode: '57', districtCode: '5701' };
    await first.push([mutation({ id: first.nextMutationId(), recordId, ...scope, values: newsValues('ฉบับเครื่องแรก'), stamp })]);
    const clash = await clone.push([mutation({ id: clone.nextMutationId(), recordId, ...scope, values: { title: 'ฉบับเครื่องที่คัดลอกมา' }, stamp })]);
    expect(clash.json<PushResponse>().results[0]).toMatchObject({ status: 'rejected', reason: 'stamp-collision' });
    expect(clash.json<PushResponse>().results[0]).toMatchObject({ message: expect.stringContaining('title') as unknown });
    const same = await clone.push([mutation({ id: clone.nextMutationId(), recordId, ...scope, values: { title: 'ฉบับเครื่องแรก' }, stamp })]);
    expect(same.json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });
    expect(await exists('ฉบับเครื่องแรก')).toBe(true);
    expect(await exists('ฉบับเครื่องที่คัดลอกมา')).toBe(false);
  });
});
