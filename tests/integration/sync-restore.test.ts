// Issue 18, item 1: the server restored from an older backup (docs/deploy.md, "Backups"), with real
// devices (DeskData on fake-indexeddb, the real agent over HTTP) and a real backup and restore of the
// store — pg_dump/pg_restore on PostgreSQL, a copy of the data folder on PGlite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { startServer, type RunningServer } from '../../server/app';
import { pruneHistory } from '../../server/sync/pull-service';
import type { StoreOptions } from '../../server/store/open-store';
import { backUpStore, type StoreBackup } from '../../server/testing/store-backup';
import { seedProvince, type SeededProvince } from '../../server/testing/seed-province';
import { testBackends } from '../../server/testing/test-stores';
import { REJECTED_KEY } from '../../renderer/sync/sync-records';
import { createFetchBlobTransfer } from '../../renderer/bridge/web-blob-transfer';
import { NewsPhotoRepository } from '../../renderer/db/repositories/news-photo-repository';
import { createDevice, login, snapshot, type TestDevice } from './support/sync-harness';

const author = { userId: 'u-test', displayName: 'นางสาวทดสอบ ระบบ' };

describe.each(testBackends())('sync after the server is restored from an older backup ($name)', (backend) => {
  let folder: string;
  let options: StoreOptions;
  let server: RunningServer | null = null;
  let port = 0;
  let url = '';
  let province: SeededProvince;
  let backup: StoreBackup | null = null;
  const scope = () => ({ provinceCode: province.provinceCode, districtCode: null });

  const start = async () => {
    server = await startServer({ store: options, port, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
    port = server.port;
    url = server.url;
  };
  const stop = async () => {
    await server?.close();
    server = null;
  };
  /** The administrator's procedure: stop, restore the backup, mark it restored (or not), start. */
  const restore = async (mark: boolean) => {
    await stop();
    await backup!.restore();
    if (mark) {
      const out: string[] = [];
      const env = options.kind === 'postgres' ? { DATABASE_URL: options.url, PROVINCEDESK_DB_SCHEMA: options.schema } : {};
      const dataArgs = options.kind === 'pglite' ? ['--data', options.dataDir!] : [];
      const code = await runCli(['mark-restored', ...dataArgs], { env, out: (line) => out.push(line), err: (line) => out.push(line) });
      expect(code).toBe(0);
      expect(out[0]).toMatch(/^new epoch \S+ \(was \S+\) at seq \d+/);
    }
    await start();
  };
  const takeBackup = async () => {
    await stop();
    backup = await backUpStore(options);
    await start();
  };

  // One server for the file (a PGlite folder takes long to create); each test has a province of its own,
  // so its devices see only its records, and takes and restores its own backup.
  const provinces = ['57', '50', '10', '20', '30'];
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'provincedesk-restore-'));
    options = backend.name === 'pglite' ? { kind: 'pglite', dataDir: path.join(folder, 'server') } : backend.options();
    await start();
  });
  beforeEach(async () => {
    const code = provinces.shift()!;
    province = await seedProvince(server!.store, { provinceCode: code, districtCode: `${code}01` });
  });
  afterEach(async () => {
    await backup?.discard();
    backup = null;
  });
  afterAll(async () => {
    await stop();
    await rm(folder, { recursive: true, force: true });
    await backend.cleanUp();
  });

  const titles = async (device: TestDevice) =>
    Object.values(await snapshot(device.data))
      .filter((r) => r.values.deleted === false)
      .map((r) => r.values.title as string)
      .sort();

  it('loses nothing: devices send back what the backup lacks, keep what they pulled, and see changes made after the restore', async () => {
    const a = await createDevice(url, province.editor);
    const b = await createDevice(url, province.editor);
    const c = await createDevice(url, province.coordinator);
    const n1 = await a.data.news.createDraft({ title: 'ก่อนสำรองข้อมูล' }, author, scope());
    await a.agent.sync();
    await b.agent.sync();
    await c.agent.sync();
    await takeBackup();

    // After the backup: A writes (B pulls it), B writes (A never pulls it). Then the disk fails.
    const n2 = await a.data.news.createDraft({ title: 'หลังสำรอง จากเครื่อง A' }, author, scope());
    await a.data.news.createDraft({ title: 'หลังสำรอง อีกข่าวจากเครื่อง A' }, author, scope());
    await a.data.news.update(n1.id, { lead: 'นำเรื่องที่แก้หลังสำรอง' });
    expect((await a.agent.sync()).ok).toBe(true);
    expect((await b.agent.sync()).ok).toBe(true);
    await b.data.news.update(n2.id, { bodyHtml: '<p>เนื้อหาจากเครื่อง B</p>' });
    expect((await b.agent.sync()).ok).toBe(true);

    await restore(true);
    // C (its cursor from before the backup) writes first: its changes take the seqs the lost ones had,
    // so A's and B's cursors no longer look ahead of the server. The epoch is what tells them.
    for (let i = 1; i <= 6; i++) await c.data.news.createDraft({ title: `หลังกู้คืน ${i}` }, author, scope());
    expect((await c.agent.sync()).ok).toBe(true);

    const resultB = await b.agent.sync();
    expect(resultB).toMatchObject({ ok: true, problem: null });
    const resultA = await a.agent.sync();
    expect(resultA).toMatchObject({ ok: true, problem: null });
    await b.agent.sync();
    await c.agent.sync();

    const expected = ['ก่อนสำรองข้อมูล', 'หลังสำรอง จากเครื่อง A', 'หลังสำรอง อีกข่าวจากเครื่อง A', ...Array.from({ length: 6 }, (_, i) => `หลังกู้คืน ${i + 1}`)].sort();
    for (const device of [a, b, c]) expect(await titles(device)).toEqual(expected);
    expect(await snapshot(a.data)).toEqual(await snapshot(b.data));
    expect(await snapshot(c.data)).toEqual(await snapshot(a.data));
    expect((await b.data.news.get(n1.id))?.lead).toBe('นำเรื่องที่แก้หลังสำรอง');
    expect((await a.data.news.get(n2.id))?.bodyHtml).toBe('<p>เนื้อหาจากเครื่อง B</p>');
    // Nothing was refused: sending back is not the user's edit.
    for (const device of [a, b]) expect((await device.data.db.syncState.get(REJECTED_KEY))?.value ?? []).toEqual([]);
    // And the server has it all again: a new device gets the same.
    const d = await createDevice(url, province.editor);
    await d.agent.sync();
    expect(await snapshot(d.data)).toEqual(await snapshot(a.data));
  });

  it('a restore nobody marked: the first cursor ahead of the server starts a new epoch, and every device reconciles', async () => {
    const a = await createDevice(url, province.editor);
    const b = await createDevice(url, province.editor);
    await a.data.news.createDraft({ title: 'ก่อนสำรองข้อมูล' }, author, scope());
    await a.agent.sync();
    await b.agent.sync();
    await takeBackup();
    await a.data.news.createDraft({ title: 'หลังสำรอง จากเครื่อง A' }, author, scope());
    await a.agent.sync();
    await b.agent.sync();

    await restore(false);
    // B comes first, its cursor ahead of the restored history: before epochs it dropped A's record here.
    expect((await b.agent.sync()).ok).toBe(true);
    expect(await titles(b)).toEqual(['ก่อนสำรองข้อมูล', 'หลังสำรอง จากเครื่อง A']);
    await b.data.news.createDraft({ title: 'หลังกู้คืน จากเครื่อง B' }, author, scope());
    await b.agent.sync();
    expect((await a.agent.sync()).ok).toBe(true);
    expect(await titles(a)).toEqual(['ก่อนสำรองข้อมูล', 'หลังกู้คืน จากเครื่อง B', 'หลังสำรอง จากเครื่อง A']);
    await b.agent.sync();
    expect(await snapshot(a.data)).toEqual(await snapshot(b.data));
  });

  it('a device registered after the backup signs in again and still sends back what only it holds', async () => {
    await takeBackup();
    const late = await createDevice(url, province.editor);
    const item = await late.data.news.createDraft({ title: 'จากเครื่องที่ลงทะเบียนหลังสำรอง' }, author, scope());
    await late.agent.sync();
    await restore(true);
    // The restored server never heard of this device: its token is unknown.
    expect((await late.agent.sync()).problem).toBe('unauthorized');
    late.data.db.close();
    const again = await createDevice(url, province.editor, { dbName: late.dbName, session: await login(url, province.editor) });
    expect((await again.agent.sync()).ok).toBe(true);
    expect(await again.data.news.get(item.id)).toMatchObject({ title: 'จากเครื่องที่ลงทะเบียนหลังสำรอง' });
    const other = await createDevice(url, province.editor);
    await other.agent.sync();
    expect(await other.data.news.get(item.id)).toMatchObject({ title: 'จากเครื่องที่ลงทะเบียนหลังสำรอง' });
  });

  it('a tombstone the server pruned is dropped quietly, not listed as refused', async () => {
    const a = await createDevice(url, province.editor);
    const doomed = await a.data.news.createDraft({ title: 'ข่าวที่ถูกลบ' }, author, scope());
    await a.agent.sync();
    await a.data.news.remove(doomed.id);
    await a.agent.sync();
    await pruneHistory(server!.store);
    await takeBackup();
    await restore(true);
    expect((await a.agent.sync())).toMatchObject({ ok: true, problem: null });
    expect(await a.data.db.news.get(doomed.id)).toBeUndefined();
    expect((await a.data.db.syncState.get(REJECTED_KEY))?.value ?? []).toEqual([]);
    expect(await a.data.db.outbox.count()).toBe(0);
  });

  it('photos too: the bytes the backup lacks are offered again by the devices that hold them', async () => {
    const withBlobs = async () => {
      const session = await login(url, province.editor);
      return createDevice(url, province.editor, { session, blobTransfer: createFetchBlobTransfer({ getServerUrl: () => url, getToken: () => session.token }) });
    };
    const a = await withBlobs();
    await takeBackup();
    // A 1×1 PNG: the server may look at what the bytes are.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const item = await a.data.news.createDraft({ title: 'ข่าวพร้อมภาพ หลังสำรอง' }, author, scope());
    await new NewsPhotoRepository(a.data.db, a.data.writer).addPhotos(item.id, [{ fileName: 'ภาพ.png', mimeType: 'image/png', bytes: png, width: 1, height: 1, caption: 'ภาพกิจกรรม' }]);
    expect((await a.agent.sync()).blobs?.uploaded).toBe(1);
    await restore(true);
    expect((await a.agent.sync())).toMatchObject({ ok: true, problem: null });
    const fresh = await withBlobs();
    const result = await fresh.agent.sync();
    expect(result.blobs).toMatchObject({ downloaded: 1, waiting: 0, failed: 0 });
    const [stored] = await fresh.data.db.blobs.toArray();
    expect(new Uint8Array(await stored!.data.arrayBuffer())).toEqual(png);
  });
});
