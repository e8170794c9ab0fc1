import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobPutResponse } from '../../shared/sync/protocol';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { dropIdleUploads } from './upload-retention';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(testBackends())('blobs over HTTP ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let cnx: SeededProvince;
  const client = (user: { username: string; password: string }) => TestClient.signedIn(server.app, user);
  const put = (c: TestClient, hash: string, body: Buffer, range?: string) =>
    c.request({ method: 'PUT', url: `/v1/blobs/${hash}`, headers: { 'content-type': 'application/octet-stream', ...(range ? { 'content-range': range } : {}) }, payload: body });

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
    cnx = await seedProvince(server.store, { provinceCode: '50' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  it('resumes a chunked upload, verifies the hash and serves ranges', async () => {
    const uploader = await client(bkk.officer);
    const data = randomBytes(2.5 * 1024 * 1024);
    const hash = sha(data);
    const head0 = await uploader.request({ method: 'HEAD', url: `/v1/blobs/${hash}` });
    expect(head0.statusCode).toBe(404);
    expect(head0.headers['x-provincedesk-received']).toBe('0');

    const first = await put(uploader, hash, data.subarray(0, 1_000_000), `bytes 0-999999/${data.length}`);
    expect(first.statusCode).toBe(202);
    expect(first.json<BlobPutResponse>()).toMatchObject({ complete: false, received: 1_000_000 });
    // The connection dropped: ask where to resume.
    const head1 = await uploader.request({ method: 'HEAD', url: `/v1/blobs/${hash}` });
    expect(head1.headers['x-provincedesk-received']).toBe('1000000');
    const wrongOffset = await put(uploader, hash, data.subarray(500_000, 600_000), `bytes 500000-599999/${data.length}`);
    expect(wrongOffset.statusCode).toBe(409);
    expect(wrongOffset.json()).toMatchObject({ error: 'upload-offset-mismatch', received: 1_000_000 });
    const rest = await put(uploader, hash, data.subarray(1_000_000), `bytes 1000000-${data.length - 1}/${data.length}`);
    expect(rest.statusCode).toBe(200);
    expect(rest.json<BlobPutResponse>()).toMatchObject({ complete: true, size: data.length });

    const head2 = await uploader.request({ method: 'HEAD', url: `/v1/blobs/${hash}` });
    expect(head2.statusCode).toBe(200);
    expect(head2.headers['x-provincedesk-size']).toBe(String(data.length));
    const whole = await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}` });
    expect(whole.statusCode).toBe(200);
    expect(sha(whole.rawPayload)).toBe(hash);
    const part = await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}`, headers: { range: 'bytes=1048000-1049999' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1048000-1049999/${data.length}`);
    expect(part.rawPayload.equals(data.subarray(1_048_000, 1_050_000))).toBe(true);
    const tail = await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}`, headers: { range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(data.subarray(data.length - 10))).toBe(true);
    const bad = await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}`, headers: { range: `bytes=${data.length}-` } });
    expect(bad.statusCode).toBe(416);
  });

  it('drops unfinished uploads left alone for the retention; a device coming back starts again from byte 0', async () => {
    const abandoned = await client(bkk.officer);
    const active = await client(bkk.editor);
    const data = randomBytes(3 * 1024 * 1024);
    const hash = sha(data);
    const total = data.length;
    expect((await put(abandoned, hash, data.subarray(0, 1_000_000), `bytes 0-999999/${total}`)).statusCode).toBe(202);
    expect((await put(abandoned, hash, data.subarray(1_000_000, 2_000_000), `bytes 1000000-1999999/${total}`)).statusCode).toBe(202);
    // The same blob from another device, touched today: kept.
    expect((await put(active, hash, data.subarray(0, 500_000), `bytes 0-499999/${total}`)).statusCode).toBe(202);
    await server.store.sql.query(`UPDATE blob_uploads SET updated_at = now() - interval '8 days' WHERE device_id = $1`, [abandoned.deviceId]);

    expect(await dropIdleUploads(server.store.sql, 7)).toEqual({ uploads: 1, bytes: 2_000_000 });
    const pieces = await server.store.sql.query('SELECT 1 FROM upload_chunks WHERE device_id = $1', [abandoned.deviceId]);
    expect(pieces.rows).toEqual([]);
    expect((await active.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).headers['x-provincedesk-received']).toBe('500000');

    // Asking first: nothing held, no total.
    const head = await abandoned.request({ method: 'HEAD', url: `/v1/blobs/${hash}` });
    expect(head.statusCode).toBe(404);
    expect(head.headers['x-provincedesk-received']).toBe('0');
    expect(head.headers['x-provincedesk-total']).toBeUndefined();
    // Or going on where it stopped: told to start at 0.
    const resumed = await put(abandoned, hash, data.subarray(2_000_000), `bytes 2000000-${total - 1}/${total}`);
    expect(resumed.statusCode).toBe(409);
    expect(resumed.json()).toMatchObject({ error: 'upload-offset-mismatch', received: 0 });
    expect((await put(abandoned, hash, data.subarray(0, 2_000_000), `bytes 0-1999999/${total}`)).statusCode).toBe(202);
    const done = await put(abandoned, hash, data.subarray(2_000_000), `bytes 2000000-${total - 1}/${total}`);
    expect(done.statusCode).toBe(200);
    expect(sha((await abandoned.request({ method: 'GET', url: `/v1/blobs/${hash}` })).rawPayload)).toBe(hash);
    // Complete blobs are never retention's business.
    expect(await dropIdleUploads(server.store.sql, 7)).toEqual({ uploads: 0, bytes: 0 });
    expect((await abandoned.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
  });

  it('discards an upload whose bytes do not hash to its name (422)', async () => {
    const c = await client(bkk.editor);
    const data = randomBytes(1000);
    const claimed = sha(Buffer.from('something else'));
    const res = await put(c, claimed, data);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('hash-mismatch');
    const head = await c.request({ method: 'HEAD', url: `/v1/blobs/${claimed}` });
    expect(head.statusCode).toBe(404);
    expect(head.headers['x-provincedesk-received']).toBe('0');
  });

  it('lets read a blob only its uploader and devices whose scope holds an attachment to it', async () => {
    const uploader = await client(bkk.editor);
    const sameProvince = await client(bkk.coordinator);
    const otherProvince = await client(cnx.editor);
    const otherAdmin = await client(cnx.admin);
    const data = randomBytes(5000);
    const hash = sha(data);
    expect((await put(uploader, hash, data)).statusCode).toBe(200);
    expect((await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
    expect((await sameProvince.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);

    const attachment = {
      deleted: false,
      sha256: hash,
      ownerTable: 'news',
      ownerId: '01890000-0000-7000-8000-00000000c001',
      fileName: 'photo.jpg',
      mimeType: 'image/jpeg',
      size: data.length,
      width: null,
      height: null,
      caption: 'ภาพกิจกรรม',
      createdAt: '2022-08-24T09:30:00.000+07:00',
    };
    const pushed = await uploader.push([mutation({ id: uploader.nextMutationId(), table: 'attachments', provinceCode: '10', values: attachment, stamp: stampAt(Date.now()) })]);
    expect(pushed.json().results[0].status).toBe('applied');
    expect((await sameProvince.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
    expect((await otherAdmin.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
    expect((await otherProvince.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);
    expect((await otherProvince.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);
    expect((await otherProvince.request({ method: 'GET', url: `/v1/blobs/${hash}` })).json().error).toBe('not-found');
  });

  it('serves a blob as a download no browser runs, and refuses an attachment typed as anything but an image or PDF', async () => {
    const uploader = await client(bkk.editor);
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    const hash = sha(html);
    expect((await put(uploader, hash, html)).statusCode).toBe(200);
    const got = await uploader.request({ method: 'GET', url: `/v1/blobs/${hash}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'content-disposition': 'attachment',
    });
    const attachment = { deleted: false, sha256: hash, ownerTable: 'news', ownerId: '01890000-0000-7000-8000-00000000c002', fileName: 'page.html', mimeType: 'text/html', size: html.length, width: null, height: null, caption: '', createdAt: '2022-08-24T09:30:00.000+07:00' };
    const pushed = await uploader.push([
      mutation({ id: uploader.nextMutationId(), table: 'attachments', provinceCode: '10', values: attachment, stamp: stampAt(Date.now()) }),
      mutation({ id: uploader.nextMutationId(), table: 'attachments', provinceCode: '10', values: { ...attachment, mimeType: 'application/pdf', fileName: 'mou.pdf' }, stamp: stampAt(Date.now()) }),
    ]);
    expect(pushed.json().results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual(['invalid-value', 'applied']);
  });

  it('does not open a file to whoever names its hash in a record of their own scope', async () => {
    // Issue 18, item 8: a hash learned elsewhere (a published photo's address, a record seen before a move)
    // was enough to read the file: push an attachment naming it, then GET it.
    const owner = await client(bkk.editor);
    const data = randomBytes(4000);
    const hash = sha(data);
    expect((await put(owner, hash, data)).statusCode).toBe(200);
    const attachment = (ownerId: string) => ({ deleted: false, sha256: hash, ownerTable: 'members', ownerId, fileName: 'บัตร.jpg', mimeType: 'image/jpeg', size: data.length, width: null, height: null, caption: '', createdAt: '2022-08-24T09:30:00.000+07:00' });
    const stamp = () => stampAt(Date.now(), fakeNode());
    await owner.push([mutation({ id: owner.nextMutationId(), table: 'attachments', provinceCode: '10', districtCode: '1002', values: attachment('01890000-0000-7000-8000-00000000d001'), stamp: stamp() })]);

    const thief = await client(cnx.editor);
    const named = await thief.push([mutation({ id: thief.nextMutationId(), table: 'attachments', provinceCode: '50', values: attachment('01890000-0000-7000-8000-00000000d002'), stamp: stamp() })]);
    expect(named.json().results[0].status).toBe('applied');
    for (const c of [thief, await client(cnx.coordinator)]) {
      expect((await c.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);
      expect((await c.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);
    }

    // A colleague who can read it (the owner's attachment is in their scope) and attaches it again elsewhere:
    // their HEAD, answered 200, makes them a holder, so their attachment opens it to its own scope.
    const coordinator = await client(bkk.coordinator);
    const officer = await client(bkk.officer);
    expect((await officer.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
    await coordinator.push([mutation({ id: coordinator.nextMutationId(), table: 'attachments', provinceCode: '10', districtCode: '1001', values: attachment('01890000-0000-7000-8000-00000000d003'), stamp: stamp() })]);
    expect((await officer.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode).toBe(200);
  });

  it('needs a token', async () => {
    const anonymous = new TestClient(server.app);
    expect((await anonymous.request({ method: 'GET', url: `/v1/blobs/${'0'.repeat(64)}` })).statusCode).toBe(401);
  });
});
