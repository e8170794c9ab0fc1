import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAndRegisterDevice } from '../accounts/accounts-repository';
import type { Store } from '../store/open-store';
import { testBackends } from '../testing/test-stores';
import { cliOn } from '../testing/cli-harness';
import { readSyncState } from '../sync/server-epoch';
import { runCli } from './run-cli';

describe.each(testBackends())('server CLI ($name)', (backend) => {
  let store: Store;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(async () => {
    store = await backend.open();
    cli = cliOn(store, { PROVINCEDESK_PASSWORD: 'from the environment' });
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanUp();
  });

  it('creates offices and users and lists them', async () => {
    const office = await cli('create-office', '--province', '57', '--name', 'สำนักงาน กกต. จังหวัดเชียงราย');
    expect(office.code).toBe(0);
    const officeId = /^office (\S+) created \(57 สำนักงาน/.exec(office.out[0] ?? '')?.[1];
    expect(officeId).toBeDefined();
    expect((await cli('list-offices')).out).toEqual([`${officeId}\t57\t-\tสำนักงาน กกต. จังหวัดเชียงราย`]);

    const user = await cli('create-user', '--username', 'somsri', '--display-name', 'สมศรี ใจดี', '--role', 'editor', '--office', officeId!);
    expect(user.code).toBe(0);
    expect(user.out[0]).toMatch(/^editor somsri created \(\S+\)$/);
  });

  it('lists, disables and enables users, and sets a password', async () => {
    const officeId = /^office (\S+) created/.exec((await cli('create-office', '--province', '57', '--district', '5701', '--name', 'อำเภอเมืองเชียงราย')).out[0] ?? '')?.[1];
    expect((await cli('create-user', '--username', 'Somchai', '--display-name', 'สมชาย ใจดี', '--role', 'officer', '--office', officeId!)).code).toBe(0);
    const session = await loginAndRegisterDevice(store.sql, { username: 'somchai', password: 'from the environment', deviceName: 'pc' });
    expect(session.ok).toBe(true);
    const row = async () => (await cli('list-users')).out.find((line) => line.startsWith('somchai\t'));
    expect(await row()).toBe('somchai\tofficer\t57/5701 อำเภอเมืองเชียงราย\tสมชาย ใจดี\tactive\t1 active devices');

    expect((await cli('disable-user', '--username', 'SomChai')).out).toEqual(['user somchai disabled; 1 devices revoked']);
    expect(await row()).toMatch(/^somchai\tofficer\t57\/5701 อำเภอเมืองเชียงราย\tสมชาย ใจดี\tdisabled \d{4}-\d\d-\d\dT[\d:.]+Z\t0 active devices$/);
    expect((await cli('disable-user', '--username', 'somchai')).out[0]).toMatch(/^user somchai was already disabled \(since \S+\); 0 devices revoked$/);
    expect(await loginAndRegisterDevice(store.sql, { username: 'somchai', password: 'from the environment', deviceName: 'pc' })).toMatchObject({ ok: false, reason: 'disabled' });

    // The password from the environment unless --password is given.
    expect((await cli('set-password', '--username', 'somchai', '--password', 'a new one please')).out).toEqual([
      'password of somchai set (the user is disabled: enable-user lets them sign in)',
    ]);
    expect((await cli('enable-user', '--username', 'somchai')).out).toEqual(['user somchai enabled; they sign in again on each computer']);
    expect((await cli('enable-user', '--username', 'somchai')).out).toEqual(['user somchai was not disabled']);
    expect((await loginAndRegisterDevice(store.sql, { username: 'somchai', password: 'a new one please', deviceName: 'pc' })).ok).toBe(true);
    expect((await cli('set-password', '--username', 'somchai')).out).toEqual(['password of somchai set']);
    expect((await loginAndRegisterDevice(store.sql, { username: 'somchai', password: 'from the environment', deviceName: 'pc' })).ok).toBe(true);
  });

  it('refuses user commands without a user it knows, or with a short password', async () => {
    for (const command of ['disable-user', 'enable-user', 'set-password']) {
      const missing = await cli(command);
      expect(missing.code).toBe(1);
      expect(missing.err[0]).toMatch(/^missing --username/);
      const unknown = await cli(command, '--username', 'nobody');
      expect(unknown).toMatchObject({ code: 1, err: ['error: no user nobody'] });
    }
    const short = await cli('set-password', '--username', 'somsri', '--password', 'short');
    expect(short).toMatchObject({ code: 1, err: ['error: password: at least 8 characters'] });
    const noPassword = await cliOn(store)('set-password', '--username', 'somsri');
    expect(noPassword.err[0]).toMatch(/^missing --password \(or PROVINCEDESK_PASSWORD\)/);
  });

  it('serve --demo refuses a store with users of its own, PostgreSQL, and any address but loopback', async () => {
    // Users exist (the tests above): demo accounts with a published password would become real logins here.
    const withUsers = await cli('serve', '--demo', '--port', '0');
    expect(withUsers.code).toBe(1);
    expect(withUsers.err[0]).toMatch(/^--demo refused: this store already has \d+ users of its own/);
    const onPostgres = await cliOn(store, { DATABASE_URL: 'postgres://db.example/provincedesk' })('serve', '--demo', '--port', '0');
    expect(onPostgres.code).toBe(1);
    expect(onPostgres.err[0]).toMatch(/^--demo is for the embedded store/);
    const exposed = await cli('serve', '--demo', '--host', '0.0.0.0', '--force-demo', '--port', '0');
    expect(exposed.err[0]).toMatch(/^--demo only with a loopback --host/);
    const { rows } = await store.sql.query(`SELECT 1 FROM users WHERE username LIKE 'demo-%'`);
    expect(rows).toEqual([]);
  });

  it('serve refuses a --public-url that is not an http(s) address', async () => {
    const badUrl = await cli('serve', '--public-url', 'sync.example/feed', '--port', '0');
    expect(badUrl.code).toBe(1);
    expect(badUrl.err[0]).toMatch(/^bad --public-url sync.example\/feed/);
  });

  it('prunes history, old applied mutation ids, idle unfinished uploads and unreferenced files, and says what it removed', async () => {
    const sha = 'a'.repeat(64);
    await store.sql.query(`INSERT INTO applied_mutations (device_id, mutation_id, applied_at) VALUES
      ('dev-1', 'dev-1:1', now() - interval '120 days'), ('dev-1', 'dev-1:2', now() - interval '95 days'), ('dev-1', 'dev-1:3', now())`);
    await store.sql.query(`INSERT INTO blob_uploads (sha256, device_id, total, received, updated_at) VALUES
      ($1, 'dev-1', 5000000, 2097152, now() - interval '10 days'), ($1, 'dev-2', 5000000, 1048576, now() - interval '2 days')`, [sha]);
    await store.sql.query(`INSERT INTO upload_chunks (sha256, device_id, start_byte, data) VALUES ($1, 'dev-1', 0, '\\x00010203'::bytea)`, [sha]);
    // A complete blob no attachment names, last sent 40 days ago.
    await store.sql.query(`INSERT INTO blobs (sha256, size, last_sent_at) VALUES ($1, 3145728, now() - interval '40 days')`, ['b'.repeat(64)]);
    await store.sql.query(`INSERT INTO rate_limits (key, hits, window_ends) VALUES ('old', 3, now() - interval '1 minute'), ('live', 1, now() + interval '1 minute')`);

    const kept = await cli('prune', '--keep-mutations-days', '150', '--keep-uploads-days', '30', '--keep-files-days', '60');
    expect(kept.out.slice(1)).toEqual([
      'dropped 0 applied mutation ids older than 150 days',
      'dropped 0 unfinished uploads untouched for 30 days (0.0 MB)',
      'dropped 0 files no live attachment names, last sent more than 60 days ago (0.0 MB)',
      'dropped 1 expired login counters',
    ]);
    const pruned = await cli('prune');
    expect(pruned).toMatchObject({ code: 0, err: [] });
    expect(pruned.out).toEqual([
      expect.stringMatching(/^pruned \d+ tombstones and \d+ resolved conflicts; min valid seq \d+$/),
      'dropped 2 applied mutation ids older than 90 days',
      'dropped 1 unfinished uploads untouched for 7 days (2.0 MB)',
      'dropped 1 files no live attachment names, last sent more than 30 days ago (3.0 MB)',
      'dropped 0 expired login counters',
    ]);
    expect((await store.sql.query<{ key: string }>('SELECT key FROM rate_limits')).rows).toEqual([{ key: 'live' }]);
    const left = await store.sql.query<{ mutation_id: string }>(`SELECT mutation_id FROM applied_mutations WHERE device_id = 'dev-1'`);
    expect(left.rows.map((r) => r.mutation_id)).toEqual(['dev-1:3']);
    expect((await store.sql.query(`SELECT 1 FROM upload_chunks WHERE device_id = 'dev-1'`)).rows).toEqual([]);
    expect((await store.sql.query<{ device_id: string }>('SELECT device_id FROM blob_uploads')).rows).toEqual([{ device_id: 'dev-2' }]);
  });

  it('refuses a retention that is not a whole number of days of at least 1', async () => {
    for (const args of [['--keep-mutations-days', '0'], ['--keep-uploads-days', '1.5'], ['--keep-uploads-days', 'week']]) {
      const run = await cli('prune', ...args);
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err[0]).toMatch(/must be a whole number of days, at least 1/);
    }
  });

  it('marks a restored database: a new epoch, the server id kept (devices reconcile instead of trusting their cursors)', async () => {
    const before = await readSyncState(store.sql);
    const run = await cli('mark-restored');
    expect(run).toMatchObject({ code: 0, err: [] });
    const after = await readSyncState(store.sql);
    expect(after).toMatchObject({ serverId: before.serverId, lastSeq: before.lastSeq });
    expect(after.epoch).not.toBe(before.epoch);
    expect(run.out).toEqual([`new epoch ${after.epoch} (was ${before.epoch}) at seq ${before.lastSeq}: devices will reconcile at their next sync`]);
  });

  it('says what is wrong and exits 1', async () => {
    const unknown = await cli('bogus');
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/^unknown command bogus\n\nusage:/);
    const missing = await cli('create-office', '--province', '57');
    expect(missing).toMatchObject({ code: 1, out: [] });
    expect(missing.err[0]).toMatch(/^missing --name/);
    const badProxy = await cli('serve', '--port', '0', '--trust-proxy', 'nginx');
    expect(badProxy).toMatchObject({ code: 1, out: [] });
    expect(badProxy.err[0]).toMatch(/^bad --trust-proxy nginx: an IP address/);
    const badOption = await cli('list-offices', '--nonsense');
    expect(badOption.code).toBe(1);
    const noOffice = await cli('create-user', '--username', 'x1', '--display-name', 'x', '--role', 'editor', '--office', 'nope');
    expect(noOffice.err).toEqual(['error: no office nope']);
  });
});

describe('serve --workers', () => {
  it('needs PostgreSQL for several processes and a whole number from 1 to 64', async () => {
    const run = async (...argv: string[]) => {
      const err: string[] = [];
      const code = await runCli(argv, { env: {}, out: () => undefined, err: (line) => err.push(line) });
      return { code, err: err.join('\n') };
    };
    expect(await run('serve', '--port', '0', '--workers', '2')).toMatchObject({ code: 1, err: expect.stringMatching(/^--workers needs DATABASE_URL/) });
    for (const bad of ['0', '1.5', 'many', '65']) expect((await run('serve', '--port', '0', '--workers', bad)).err).toMatch(new RegExp(`^bad --workers ${bad}`));
  });
});

describe('server CLI on a PGlite folder', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provincedesk-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens the --data folder when DATABASE_URL is not set, one command after another', async () => {
    const out: string[] = [];
    const environment = { env: {}, out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['create-office', '--province', '10', '--name', 'กรุงเทพมหานคร', '--data', dataDir], environment)).toBe(0);
    expect(await runCli(['list-offices', '--data', dataDir], environment)).toBe(0);
    expect(out[1]).toMatch(/^\S+\t10\t-\tกรุงเทพมหานคร$/);
  });
});
