// prune's file step (docs/sync-protocol.md, "Retention"): blobs no live attachment names go once they were
// last sent more than --keep-files-days ago; a device then gets 404 for them.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../shared/sync/protocol';
import { createServer, type ProvinceDeskServer } from '../app';
import { migrate, MIGRATIONS } from '../store/migrations';
import { openPgClient } from '../store/pg-sql-client';
import { openPgliteClient } from '../store/pglite-sql-client';
import type { SqlClient } from '../store/sql-client';
import { cliOn } from '../testing/cli-harness';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { mutation, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { lockRecords, saveRecord } from '../sync/record-row';
import { dropUnreferencedBlobs } from './file-retention';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const FILES_LINE = /^dropped (\d+) files no live attachment names, last sent more than (\d+) days ago \((\d+\.\d) MB\)$/;

describe.each(testBackends())('prune drops files no live attachment names ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let cli: ReturnType<typeof cliOn>;
  let uploader: TestClient;
  let colleague: TestClient;
  let nowMs = Date.now();
  const tick = () => (nowMs += 1000);
  let recordNo = 0;
  const newRecordId = () => `01890000-0000-7000-8000-${(++recordNo).toString(16).padStart(12, '0')}`;

  const client = (user: { username: string; password: string }) => TestClient.signedIn(server.app, user);
  const upload = async (size = 3000): Promise<{ hash: string; data: Buffer }> => {
    const data = randomBytes(size);
    const hash = sha(data);
    const res = await uploader.request({ method: 'PUT', url: `/v1/blobs/${hash}`, headers: { 'content-type': 'application/octet-stream' }, payload: data });
    expect(res.statusCode).toBe(200);
    return { hash, data };
  };
  /** Pushes an attachment record (a person's photo) naming `hash`; returns its id. */
  const attach = async (hash: string, size: number, recordId = newRecordId()) => {
    const values = {
      deleted: false,
      sha256: hash,
      ownerTable: 'members',
      ownerId: newRecordId(),
      fileName: 'photo.jpg',
      mimeType: 'image/jpeg',
      size,
      width: 600,
      height: 800,
      caption: '',
      createdAt: '2026-11-22T09:00:00.000+07:00',
    };
    const res = await uploader.push([mutation({ id: uploader.nextMutationId(), table: 'attachments', recordId, provinceCode: '10', values, stamp: stampAt(tick()) })]);
    expect(res.json<PushResponse>().results[0]?.status).toBe('applied');
    return recordId;
  };
  const tombstone = async (recordId: string) => {
    const res = await uploader.push([mutation({ id: uploader.nextMutationId(), table: 'attachments', recordId, provinceCode: '10', values: { deleted: true }, stamp: stampAt(tick()) })]);
    expect(res.json<PushResponse>().results[0]?.status).toBe('applied');
  };
  const age = (hash: string, days: number) =>
    server.store.sql.query('UPDATE blobs SET last_sent_at = now() - make_interval(days => $2::int) WHERE sha256 = $1', [hash, days]);
  /** Runs prune and returns the files line's count and MB. */
  const pruneFiles = async (...args: string[]): Promise<{ count: number; days: number; mb: string }> => {
    const run = await cli('prune', ...args);
    expect(run).toMatchObject({ code: 0, err: [] });
    const line = run.out.find((l) => l.includes('files no live attachment names')) ?? '';
    const match = FILES_LINE.exec(line);
    expect(match, run.out.join('\n')).not.toBeNull();
    return { count: Number(match?.[1]), days: Number(match?.[2]), mb: match?.[3] ?? '' };
  };
  const status = async (c: TestClient, hash: string) => ({
    head: (await c.request({ method: 'HEAD', url: `/v1/blobs/${hash}` })).statusCode,
    get: (await c.request({ method: 'GET', url: `/v1/blobs/${hash}` })).statusCode,
  });
  const rowsOf = async (hash: string) => ({
    blobs: (await server.store.sql.query('SELECT 1 FROM blobs WHERE sha256 = $1', [hash])).rows.length,
    chunks: (await server.store.sql.query('SELECT 1 FROM blob_chunks WHERE sha256 = $1', [hash])).rows.length,
    uploaders: (await server.store.sql.query('SELECT 1 FROM blob_uploaders WHERE sha256 = $1', [hash])).rows.length,
  });

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
    cli = cliOn(server.store);
    uploader = await client(bkk.editor);
    colleague = await client(bkk.coordinator);
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  it("drops an erased person's photo once it is older than the retention; HEAD and GET answer 404 afterwards", async () => {
    const { hash, data } = await upload(1.5 * 1024 * 1024);
    const attachmentId = await attach(hash, data.length);
    await tombstone(attachmentId);
    // Freshly sent: kept for the record that might still name it.
    expect((await pruneFiles('--up-to', '0')).count).toBe(0);
    expect(await rowsOf(hash)).toMatchObject({ blobs: 1 });

    await age(hash, 31);
    // The tombstone is still there (--up-to 0): a deleted attachment does not keep its blob.
    expect(await pruneFiles('--up-to', '0')).toEqual({ count: 1, days: 30, mb: '1.5' });
    expect(await rowsOf(hash)).toEqual({ blobs: 0, chunks: 0, uploaders: 0 });
    expect(await status(uploader, hash)).toEqual({ head: 404, get: 404 });
    expect(await status(colleague, hash)).toEqual({ head: 404, get: 404 });
    const head = await uploader.request({ method: 'HEAD', url: `/v1/blobs/${hash}` });
    expect(head.headers['x-provincedesk-received']).toBe('0');
    expect((await pruneFiles()).count).toBe(0);
  });

  it('drops the photo once history pruning has removed the attachment tombstone too', async () => {
    const { hash, data } = await upload();
    await tombstone(await attach(hash, data.length));
    await age(hash, 40);
    expect((await pruneFiles()).count).toBe(1);
    expect(await status(colleague, hash)).toEqual({ head: 404, get: 404 });
  });

  it('keeps an old blob a live attachment names, and one named by both a live and a deleted attachment', async () => {
    const live = await upload();
    await attach(live.hash, live.data.length);
    const shared = await upload();
    await attach(shared.hash, shared.data.length);
    await tombstone(await attach(shared.hash, shared.data.length));
    await age(live.hash, 400);
    await age(shared.hash, 400);
    expect((await pruneFiles('--up-to', '0', '--keep-files-days', '0')).count).toBe(0);
    for (const { hash, data } of [live, shared]) {
      expect(await rowsOf(hash)).toEqual({ blobs: 1, chunks: 1, uploaders: 1 });
      const got = await colleague.request({ method: 'GET', url: `/v1/blobs/${hash}` });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(data)).toBe(true);
    }
  });

  it('keeps a fresh blob whose record is not pushed yet; --keep-files-days 0 drops it at once', async () => {
    const { hash } = await upload();
    expect((await pruneFiles()).count).toBe(0);
    expect((await pruneFiles('--keep-files-days', '1')).count).toBe(0);
    expect(await status(uploader, hash)).toEqual({ head: 200, get: 200 });
    expect(await pruneFiles('--keep-files-days', '0')).toMatchObject({ count: 1, days: 0 });
    expect(await status(uploader, hash)).toEqual({ head: 404, get: 404 });
  });

  it('counts a blob sent again, or answered 200 to HEAD, as just sent', async () => {
    const resent = await upload();
    await age(resent.hash, 60);
    const again = await uploader.request({ method: 'PUT', url: `/v1/blobs/${resent.hash}`, headers: { 'content-type': 'application/octet-stream' }, payload: resent.data });
    expect(again.statusCode).toBe(200);
    const asked = await upload();
    await age(asked.hash, 60);
    // The uploading device asks first and, told the server has it, does not send it again.
    expect((await uploader.request({ method: 'HEAD', url: `/v1/blobs/${asked.hash}` })).statusCode).toBe(200);
    expect((await pruneFiles()).count).toBe(0);
    expect(await status(uploader, resent.hash)).toEqual({ head: 200, get: 200 });
    expect((await uploader.request({ method: 'GET', url: `/v1/blobs/${asked.hash}` })).statusCode).toBe(200);
    // A blob dropped and then sent again is stored anew.
    expect((await pruneFiles('--keep-files-days', '0')).count).toBe(2);
    const stored = await uploader.request({ method: 'PUT', url: `/v1/blobs/${resent.hash}`, headers: { 'content-type': 'application/octet-stream' }, payload: resent.data });
    expect(stored.statusCode).toBe(200);
    expect((await uploader.request({ method: 'GET', url: `/v1/blobs/${resent.hash}` })).rawPayload.equals(resent.data)).toBe(true);
  });

  it('waits for a record write in flight and keeps the blob it names', async () => {
    const { hash } = await upload();
    await age(hash, 60);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    // What a push does: the record's lock first, then the record, committed a moment later.
    const push = server.store.sql.transaction(async (tx) => {
      const id = newRecordId();
      await lockRecords(tx, [['attachments', id]]);
      await saveRecord(tx, {
        table: 'attachments',
        id,
        provinceCode: '10',
        districtCode: null,
        values: { deleted: false, sha256: hash },
        stamps: {},
        authors: { sha256: [bkk.editor.id, uploader.deviceId] },
      });
      locked();
      await held;
    });
    await hasLock;
    const prune = dropUnreferencedBlobs(server.store.sql, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await push;
    await prune;
    expect(await rowsOf(hash)).toEqual({ blobs: 1, chunks: 1, uploaders: 1 });
    expect(await status(colleague, hash)).toEqual({ head: 200, get: 200 });
  });

  it('refuses a file retention that is not a whole number of days', async () => {
    for (const value of ['-1', '1.5', 'month', '']) {
      const run = await cli('prune', `--keep-files-days=${value}`);
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err[0]).toMatch(/--keep-files-days must be a whole number of days, at least 0/);
    }
  });
});

describe.each(testBackends())('migrating blobs to last_sent_at ($name)', (backend) => {
  let sql: SqlClient | undefined;
  afterAll(async () => {
    await sql?.close();
    await backend.cleanUp();
  });

  it('takes the time a blob was stored as the time it was last sent', async () => {
    const options = backend.options();
    sql = options.kind === 'pglite' ? await openPgliteClient(undefined) : await openPgClient({ connectionString: options.url, schema: options.schema });
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 6))).toEqual([1, 2, 3, 4, 5, 6]);
    await sql.query(`INSERT INTO blobs (sha256, size, created_at) VALUES ($1, 10, now() - interval '45 days')`, ['c'.repeat(64)]);
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 7))).toEqual([7]);
    const { rows } = await sql.query<{ same: boolean }>('SELECT last_sent_at = created_at AS same FROM blobs');
    expect(rows).toEqual([{ same: true }]);
    expect(await dropUnreferencedBlobs(sql, 30)).toEqual({ blobs: 1, bytes: 10 });
  });
});

describe.each(testBackends())('migrating to file holders ($name)', (backend) => {
  let sql: SqlClient | undefined;
  afterAll(async () => {
    await sql?.close();
    await backend.cleanUp();
  });

  it('takes the attachments already stored as written by holders of their files', async () => {
    const options = backend.options();
    sql = options.kind === 'pglite' ? await openPgliteClient(undefined) : await openPgClient({ connectionString: options.url, schema: options.schema });
    await migrate(sql, MIGRATIONS.filter((m) => m.version <= 10));
    const [stored, missing] = ['d'.repeat(64), 'e'.repeat(64)];
    await sql.query(`INSERT INTO blobs (sha256, size) VALUES ($1, 10)`, [stored]);
    await sql.query(
      `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, authors) VALUES
        ('attachments', 'a1', '10', NULL, 1, $1::jsonb, '{}', '{"sha256": ["user-1", "device-1"]}'),
        ('attachments', 'a2', '10', NULL, 2, $2::jsonb, '{}', '{"sha256": ["user-2", "device-2"]}')`,
      [JSON.stringify({ sha256: stored }), JSON.stringify({ sha256: missing })],
    );
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 11))).toEqual([11]);
    const { rows } = await sql.query('SELECT sha256, device_id FROM blob_uploaders');
    expect(rows).toEqual([{ sha256: stored, device_id: 'device-1' }]);
  });
});
