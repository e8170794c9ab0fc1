// Attachment bytes between two devices through the real server (PGlite, HTTP on loopback): the devices
// are the real data layer on fake-indexeddb and the real sync agent with its blob sync.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobUploadRequest } from '../../shared/ipc/desk-api';
import { createFetchBlobTransfer } from '../../renderer/bridge/web-blob-transfer';
import { PROTOCOL_HEADERS } from '../../renderer/bridge/web-sync-request';
import { dropIdleUploads } from '../../server/blobs/upload-retention';
import { NewsPhotoRepository } from '../../renderer/db/repositories/news-photo-repository';
import type { BlobTransfer } from '../../renderer/sync/blob-sync';
import { HISTORY_KEY } from '../../renderer/sync/sync-records';
import type { SyncHistoryEntry } from '../../renderer/sync/sync-records';
import { createDevice, login, startTestServer, type TestDevice, type TestServer } from './support/sync-harness';

const author = { userId: 'u-test', displayName: 'นางสาวทดสอบ ระบบ' };
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const MB = 1024 * 1024;

describe('attachment blobs between devices', () => {
  let t: TestServer;
  let url: string;
  const scope = () => ({ provinceCode: t.province.provinceCode, districtCode: null });

  // A server per test: a new device pulls every photo of the province, so counts stay this test's own.
  beforeEach(async () => {
    t = await startTestServer();
    url = t.server.url;
  });
  afterEach(async () => {
    await t?.close();
  });

  /** A device whose blob transfer is the browser shell's fetch one, optionally wrapped by the test. */
  async function device(wrap?: (inner: BlobTransfer) => BlobTransfer): Promise<TestDevice & { uploads: BlobUploadRequest[] }> {
    const session = await login(url, t.province.editor);
    const uploads: BlobUploadRequest[] = [];
    const http = createFetchBlobTransfer({ getServerUrl: () => url, getToken: () => session.token });
    const recording: BlobTransfer = {
      blobStatus: (r) => http.blobStatus(r),
      blobDownload: (r) => http.blobDownload(r),
      blobUpload: (r) => {
        uploads.push(r);
        return http.blobUpload(r);
      },
    };
    const created = await createDevice(url, t.province.editor, { session, blobTransfer: wrap ? wrap(recording) : recording });
    return Object.assign(created, { uploads });
  }

  async function addPhoto(d: TestDevice, bytes: Uint8Array) {
    const item = await d.data.news.createDraft({ title: 'ข่าวพร้อมภาพกิจกรรม' }, author, scope());
    const photos = new NewsPhotoRepository(d.data.db, d.data.writer);
    await photos.addPhotos(item.id, [{ fileName: 'กิจกรรม.jpg', mimeType: 'image/jpeg', bytes, width: 1600, height: 1200, caption: 'ภาพกิจกรรม' }]);
    return { item: (await d.data.news.get(item.id))!, photos };
  }

  async function bytesOf(d: TestDevice, hash: string): Promise<Uint8Array | null> {
    const row = await d.data.db.blobs.get(hash);
    return row ? new Uint8Array(await row.data.arrayBuffer()) : null;
  }

  it('uploads a photo stored offline in chunks, and the other device gets the same bytes', async () => {
    const a = await device();
    const b = await device();
    const bytes = new Uint8Array(randomBytes(2.5 * MB));
    const hash = sha(bytes);
    // Stored while offline: nothing is sent.
    a.offline = true;
    const { item } = await addPhoto(a, bytes);
    expect((await a.data.db.blobs.get(hash))?.uploaded).toBe(false);
    a.offline = false;

    const pushed = await a.agent.sync('test');
    expect(pushed).toMatchObject({ ok: true, problem: null, blobs: { uploaded: 1, failed: 0 } });
    expect(a.uploads.map((u) => [u.offset, u.data.byteLength])).toEqual([
      [0, MB],
      [MB, MB],
      [2 * MB, 0.5 * MB],
    ]);
    expect((await a.data.db.blobs.get(hash))?.uploaded).toBe(true);

    const pulled = await b.agent.sync('test');
    expect(pulled).toMatchObject({ ok: true, problem: null, blobs: { downloaded: 1, waiting: 0, failed: 0 } });
    const copy = await bytesOf(b, hash);
    expect(copy && Buffer.from(copy).equals(Buffer.from(bytes))).toBe(true);
    expect(await b.data.db.blobs.get(hash)).toMatchObject({ size: bytes.byteLength, uploaded: true });
    // The photo shows on B like any photo of the item.
    const shown = await new NewsPhotoRepository(b.data.db, b.data.writer).photosOf((await b.data.news.get(item.id))!);
    expect(shown.map((p) => p.sha256)).toEqual([hash]);

    // Nothing left to do: the next runs transfer nothing.
    const uploadsBefore = a.uploads.length;
    expect((await a.agent.sync('test')).blobs).toMatchObject({ uploaded: 0, downloaded: 0 });
    expect((await b.agent.sync('test')).blobs).toMatchObject({ uploaded: 0, downloaded: 0 });
    expect(a.uploads.length).toBe(uploadsBefore);
  });

  it('resumes an upload whose chunk answer was lost from where the server says, without holding back the records', async () => {
    let loseAnswerOf = 2;
    const a = await device((inner) => ({
      ...inner,
      async blobUpload(r) {
        const answer = await inner.blobUpload(r);
        // The second chunk reaches the server but its answer is lost (the line dropped).
        if (--loseAnswerOf === 0) return { ok: false, error: { code: 'network', message: 'สายหลุด (ทดสอบ)' } };
        return answer;
      },
    }));
    const b = await device();
    const bytes = new Uint8Array(randomBytes(3 * MB + 1234));
    const hash = sha(bytes);
    const { item } = await addPhoto(a, bytes);

    const first = await a.agent.sync('test');
    // The records went through; the photo waits and the user is told in plain Thai.
    expect(first).toMatchObject({ ok: true, problem: 'offline', blobs: { uploaded: 0, failed: 1 } });
    expect(first.detail).toContain('ไฟล์ยังอยู่ครบในเครื่องนี้');
    expect(await a.data.db.outbox.count()).toBe(0);
    expect((await a.data.db.blobs.get(hash))?.uploaded).toBe(false);
    const history = (await a.data.db.syncState.get(HISTORY_KEY))?.value as SyncHistoryEntry[];
    expect(history[0]).toMatchObject({ outcome: 'warning', problem: 'offline' });

    // B already has the record; the bytes are not on the server yet: it waits, no error.
    const early = await b.agent.sync('test');
    expect(early).toMatchObject({ ok: true, problem: null, blobs: { downloaded: 0, waiting: 1 } });
    expect(await b.data.news.get(item.id)).toBeDefined();

    const sent = a.uploads.length;
    const second = await a.agent.sync('test');
    expect(second).toMatchObject({ ok: true, problem: null, blobs: { uploaded: 1, failed: 0 } });
    // Resumed at 2 MB (the server kept the chunk whose answer was lost), not from 0.
    expect(a.uploads.slice(sent).map((u) => u.offset)).toEqual([2 * MB, 3 * MB]);
    expect((await a.data.db.blobs.get(hash))?.uploaded).toBe(true);

    const late = await b.agent.sync('test');
    expect(late.blobs).toMatchObject({ downloaded: 1, waiting: 0 });
    const copy = await bytesOf(b, hash);
    expect(copy && sha(copy)).toBe(hash);
  });

  /** What `prune` does to an upload nobody touched for a week (the clock moved on by 8 days). */
  async function pruneIdleUploads(d: TestDevice): Promise<number> {
    await t.server.store.sql.query(`UPDATE blob_uploads SET updated_at = now() - interval '8 days' WHERE device_id = $1`, [d.session.deviceId]);
    return (await dropIdleUploads(t.server.store.sql, 7)).uploads;
  }

  it('starts again from byte 0 when the server dropped its unfinished upload while it was away', async () => {
    let cutAt = 2;
    const a = await device((inner) => ({
      ...inner,
      // The line drops before the second chunk: the server holds the first 1 MB.
      blobUpload: (r) => (--cutAt === 0 ? Promise.resolve({ ok: false, error: { code: 'network', message: 'สายหลุด (ทดสอบ)' } }) : inner.blobUpload(r)),
    }));
    const b = await device();
    const bytes = new Uint8Array(randomBytes(2.5 * MB));
    const hash = sha(bytes);
    await addPhoto(a, bytes);
    expect((await a.agent.sync('test')).blobs).toMatchObject({ uploaded: 0, failed: 1 });
    expect(await pruneIdleUploads(a)).toBe(1);

    const sent = a.uploads.length;
    expect(await a.agent.sync('test')).toMatchObject({ ok: true, problem: null, blobs: { uploaded: 1, failed: 0 } });
    expect(a.uploads.slice(sent).map((u) => u.offset)).toEqual([0, MB, 2 * MB]);
    expect((await b.agent.sync('test')).blobs).toMatchObject({ downloaded: 1, failed: 0 });
    expect(sha((await bytesOf(b, hash))!)).toBe(hash);
  });

  it('starts again from byte 0 when the upload is dropped between two of its chunks', async () => {
    let beforeChunk = 0;
    let dropped = 0;
    const a = await device((inner) => ({
      ...inner,
      async blobUpload(r) {
        if (++beforeChunk === 2) dropped = await pruneIdleUploads(a);
        return inner.blobUpload(r);
      },
    }));
    const bytes = new Uint8Array(randomBytes(2.5 * MB));
    const hash = sha(bytes);
    await addPhoto(a, bytes);
    // The chunk at 1 MB is answered 409 upload-offset-mismatch, received 0: the device goes back to 0.
    expect(await a.agent.sync('test')).toMatchObject({ ok: true, problem: null, blobs: { uploaded: 1, failed: 0 } });
    expect(dropped).toBe(1);
    expect(a.uploads.map((u) => u.offset)).toEqual([0, MB, 0, MB, 2 * MB]);
    expect((await a.data.db.blobs.get(hash))?.uploaded).toBe(true);
    const head = await fetch(`${url}/v1/blobs/${hash}`, { method: 'HEAD', headers: { ...PROTOCOL_HEADERS, Authorization: `Bearer ${a.token}` } });
    expect(head.headers.get('x-provincedesk-size')).toBe(String(bytes.byteLength));
  });

  it('refuses a download that does not hash to its name, and fetches it again on the next sync', async () => {
    const a = await device();
    let corrupt = true;
    const b = await device((inner) => ({
      ...inner,
      async blobDownload(r) {
        const answer = await inner.blobDownload(r);
        if (corrupt && answer.ok && answer.value.data && answer.value.data.byteLength > 0) {
          const data = new Uint8Array(answer.value.data);
          data[data.length >> 1] = (data[data.length >> 1] ?? 0) ^ 0xff;
          return { ok: true, value: { ...answer.value, data } };
        }
        return answer;
      },
    }));
    const bytes = new Uint8Array(randomBytes(300_000));
    const hash = sha(bytes);
    await addPhoto(a, bytes);
    expect((await a.agent.sync('test')).blobs).toMatchObject({ uploaded: 1 });

    const bad = await b.agent.sync('test');
    expect(bad).toMatchObject({ ok: true, problem: 'internal', blobs: { downloaded: 0, failed: 1 } });
    expect(bad.detail).toContain('เสียหายระหว่างทาง');
    expect(await b.data.db.blobs.get(hash)).toBeUndefined();

    corrupt = false;
    const good = await b.agent.sync('test');
    expect(good).toMatchObject({ ok: true, problem: null, blobs: { downloaded: 1, failed: 0 } });
    const copy = await bytesOf(b, hash);
    expect(copy && Buffer.from(copy).equals(Buffer.from(bytes))).toBe(true);
  });

  it('downloads a large blob in ranges and keeps a local copy it already has', async () => {
    const a = await device();
    const b = await device();
    const bytes = new Uint8Array(randomBytes(9 * MB + 7));
    const hash = sha(bytes);
    await addPhoto(a, bytes);
    await a.agent.sync('test');
    const ranges: Array<[number | undefined, number | undefined]> = [];
    const c = await device((inner) => ({
      ...inner,
      blobDownload: (r) => {
        ranges.push([r.start, r.end]);
        return inner.blobDownload(r);
      },
    }));
    expect((await c.agent.sync('test')).blobs).toMatchObject({ downloaded: 1, failed: 0 });
    expect(ranges).toEqual([
      [0, 4 * MB - 1],
      [4 * MB, 8 * MB - 1],
      [8 * MB, 9 * MB + 6],
    ]);
    expect(sha((await bytesOf(c, hash))!)).toBe(hash);
    // B stored the same photo itself before it synced: its own row stays, and it is not downloaded.
    await addPhoto(b, bytes);
    expect((await b.agent.sync('test')).blobs).toMatchObject({ downloaded: 0, uploaded: 1 });
  });

  it('types a file by its bytes: when it is attached, and when it is downloaded whatever the record says', async () => {
    const a = await device();
    const b = await device();
    // A 1×1 PNG, attached as if it were a JPEG.
    const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    await addPhoto(a, png);
    const [attachment] = await a.data.db.attachments.toArray();
    expect(attachment?.mimeType).toBe('image/png');
    expect((await a.agent.sync('test')).ok).toBe(true);
    // A record written by an older server that took any type: the bytes still decide.
    await t.server.store.sql.query(`UPDATE records SET vals = jsonb_set(vals, '{mimeType}', '"text/html"') WHERE table_name = 'attachments'`);
    expect((await b.agent.sync('test')).blobs).toMatchObject({ downloaded: 1 });
    expect((await b.data.db.blobs.get(sha(png)))?.data.type).toBe('image/png');
  });
});
