import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { THAI_ERROR_MESSAGES } from '../http/api-error';
import { migrate, MIGRATIONS } from '../store/migrations';
import type { Store } from '../store/open-store';
import { openPgClient } from '../store/pg-sql-client';
import { openPgliteClient } from '../store/pglite-sql-client';
import type { SqlClient } from '../store/sql-client';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { testBackends } from '../testing/test-stores';
import { TestClient, VERSION_HEADERS } from '../testing/test-client';
import { AccountError, authenticateToken, createOffice, createUser, listDevices, loginAndRegisterDevice, revokeDevice } from './accounts-repository';
import { disableUser, enableUser, listUsers, setPassword } from './user-admin';
import { bearerToken, hashDeviceToken, newDeviceToken } from './device-token';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores scrypt parameters and salt with the hash and verifies', async () => {
    const hash = await hashPassword('รหัสผ่านยาวพอ');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('รหัสผ่านยาวพอ', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('device tokens', () => {
  it('are 32 random bytes, stored as sha-256, parsed from a Bearer header', () => {
    const token = newDeviceToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hashDeviceToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
  });
});

describe.each(testBackends())('accounts ($name)', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanUp();
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(store.sql)).toEqual([]);
    const { rows } = await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it('creates offices and users with the rules of their role', async () => {
    const province = await createOffice(store.sql, { provinceCode: '10', name: 'จังหวัด' });
    await expect(createOffice(store.sql, { provinceCode: '10', districtCode: '5001', name: 'x' })).rejects.toThrow(AccountError);
    await expect(createUser(store.sql, { username: 'off1', displayName: 'x', role: 'officer', officeId: province.id, password: 'long enough' })).rejects.toThrow(/district office/);
    await expect(createUser(store.sql, { username: 'ed1', displayName: 'x', role: 'editor', officeId: null, password: 'long enough' })).rejects.toThrow(/needs an office/);
    await expect(createUser(store.sql, { username: 'ed1', displayName: 'x', role: 'editor', officeId: province.id, password: 'short' })).rejects.toThrow(/password/);
    await createUser(store.sql, { username: 'Ed1', displayName: 'บรรณาธิการ', role: 'editor', officeId: province.id, password: 'long enough' });
    await expect(createUser(store.sql, { username: 'ed1', displayName: 'x', role: 'editor', officeId: province.id, password: 'long enough' })).rejects.toThrow(/taken/);

    expect(await loginAndRegisterDevice(store.sql, { username: 'ed1', password: 'wrong password', deviceName: 'pc' })).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(await loginAndRegisterDevice(store.sql, { username: 'nobody', password: 'long enough', deviceName: 'pc' })).toEqual({ ok: false, reason: 'wrong-credentials' });
    const outcome = await loginAndRegisterDevice(store.sql, { username: 'ED1', password: 'long enough', deviceName: 'pc' });
    const session = outcome.ok ? outcome.session : undefined;
    expect(session?.user).toMatchObject({ role: 'editor', provinceCode: '10', districtCode: null });
    const { rows } = await store.sql.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [session!.deviceId]);
    expect(rows[0]?.token_hash).toBe(hashDeviceToken(session!.token));
    expect((await authenticateToken(store.sql, session!.token))?.scope).toEqual({ kind: 'province', provinceCode: '10' });
    expect(await revokeDevice(store.sql, session!.deviceId)).toBe(true);
    expect(await authenticateToken(store.sql, session!.token)).toBeUndefined();
    expect((await listDevices(store.sql, 'ed1'))[0]?.revokedAt).not.toBeNull();
  });
});

describe.each(testBackends())('disabling users and resetting passwords ($name)', (backend) => {
  let store: Store;
  let officeId: string;
  const login = (username: string, password: string) => loginAndRegisterDevice(store.sql, { username, password, deviceName: 'pc' });
  const tokenOf = async (username: string, password: string) => {
    const outcome = await login(username, password);
    if (!outcome.ok) throw new Error(`login failed: ${outcome.reason}`);
    return outcome.session.token;
  };
  beforeAll(async () => {
    store = await backend.open();
    officeId = (await createOffice(store.sql, { provinceCode: '57', name: 'สำนักงาน กกต. จังหวัดเชียงราย' })).id;
    await createUser(store.sql, { username: 'somsri', displayName: 'สมศรี ใจดี', role: 'editor', officeId, password: 'first password' });
    await createUser(store.sql, { username: 'admin', displayName: 'ผู้ดูแลระบบ', role: 'admin', officeId: null, password: 'admin password' });
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanUp();
  });

  it('disables: logins refused (only once the password matched), every device revoked, until enabled', async () => {
    const laptop = await tokenOf('somsri', 'first password');
    const desktop = await tokenOf('somsri', 'first password');
    const admin = await tokenOf('admin', 'admin password');

    const disabled = await disableUser(store.sql, ' SomSri ');
    expect(disabled).toMatchObject({ alreadyDisabled: false, revokedDevices: 2 });
    expect(await authenticateToken(store.sql, laptop)).toBeUndefined();
    expect(await authenticateToken(store.sql, desktop)).toBeUndefined();
    expect(await authenticateToken(store.sql, admin)).toBeDefined();
    expect(await login('somsri', 'first password')).toMatchObject({ ok: false, reason: 'disabled' });
    expect(await login('somsri', 'a wrong guess')).toEqual({ ok: false, reason: 'wrong-credentials' });
    // Again: nothing left to revoke, the first date is kept.
    expect(await disableUser(store.sql, 'somsri')).toEqual({ alreadyDisabled: true, disabledAt: disabled.disabledAt, revokedDevices: 0 });

    expect(await enableUser(store.sql, 'somsri')).toEqual({ wasDisabled: true });
    expect(await enableUser(store.sql, 'somsri')).toEqual({ wasDisabled: false });
    // The old devices stay revoked; a new sign-in works.
    expect(await authenticateToken(store.sql, laptop)).toBeUndefined();
    expect(await authenticateToken(store.sql, await tokenOf('somsri', 'first password'))).toBeDefined();
  });

  it('refuses the token of a disabled user even when its device was registered after the revocation', async () => {
    const token = await tokenOf('somsri', 'first password');
    await store.sql.query(`UPDATE users SET disabled_at = now() WHERE username = 'somsri'`);
    expect(await authenticateToken(store.sql, token)).toBeUndefined();
    await enableUser(store.sql, 'somsri');
    expect(await authenticateToken(store.sql, token)).toBeDefined();
  });

  it('sets a new password: the old one stops working, signed-in devices stay signed in', async () => {
    const token = await tokenOf('somsri', 'first password');
    expect(await setPassword(store.sql, 'somsri', 'second password')).toEqual({ disabled: false });
    expect(await login('somsri', 'first password')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect((await login('somsri', 'second password')).ok).toBe(true);
    expect(await authenticateToken(store.sql, token)).toBeDefined();
    await expect(setPassword(store.sql, 'somsri', 'short')).rejects.toThrow(/at least/);
    await expect(setPassword(store.sql, 'nobody', 'long enough')).rejects.toThrow(new AccountError('no user nobody'));
    await expect(disableUser(store.sql, 'nobody')).rejects.toThrow(AccountError);
    await expect(enableUser(store.sql, 'nobody')).rejects.toThrow(AccountError);
  });

  it('lists users with role, office, state and active devices', async () => {
    await disableUser(store.sql, 'admin');
    const users = await listUsers(store.sql);
    expect(users.map((u) => u.username)).toEqual(['admin', 'somsri']);
    expect(users[0]).toMatchObject({ role: 'admin', office: null, activeDevices: 0 });
    expect(users[0]?.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(users[1]).toMatchObject({
      displayName: 'สมศรี ใจดี',
      role: 'editor',
      office: { id: officeId, provinceCode: '57', districtCode: null, name: 'สำนักงาน กกต. จังหวัดเชียงราย' },
      disabledAt: null,
    });
    expect(users[1]?.activeDevices).toBeGreaterThan(0);
    await enableUser(store.sql, 'admin');
  });
});

describe.each(testBackends())('migrating an existing database ($name)', (backend) => {
  let sql: SqlClient | undefined;
  afterAll(async () => {
    await sql?.close();
    await backend.cleanUp();
  });

  it('adds users.disabled_at to a database of version 4, keeping its users enabled', async () => {
    const options = backend.options();
    sql = options.kind === 'pglite' ? await openPgliteClient(undefined) : await openPgClient({ connectionString: options.url, schema: options.schema });
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([1, 2, 3, 4]);
    await createUser(sql, { username: 'before', displayName: 'ก่อนอัปเกรด', role: 'admin', officeId: null, password: 'long enough' });
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 5))).toEqual([5]);
    expect((await listUsers(sql))[0]).toMatchObject({ username: 'before', disabledAt: null });
    expect((await loginAndRegisterDevice(sql, { username: 'before', password: 'long enough', deviceName: 'pc' })).ok).toBe(true);
  });
});

describe.each(testBackends())('a disabled user over HTTP ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let province: SeededProvince;
  beforeAll(async () => {
    server = await createServer({ store: backend.options(), loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  it('answers 403 account-disabled in Thai to the right password, 401 to a wrong one, and 401 to its devices', async () => {
    const { username, password } = province.officer;
    const device = new TestClient(server.app);
    await device.login(username, password);
    expect((await device.pull()).statusCode).toBe(200);
    await disableUser(server.store.sql, username);

    const pulled = await device.pull();
    expect(pulled.statusCode).toBe(401);
    expect(pulled.json().error).toBe('unauthorized');
    const attempt = (pw: string) => new TestClient(server.app).request({ method: 'POST', url: '/v1/auth/login', payload: { username, password: pw, deviceName: 'x' } });
    const refused = await attempt(password);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'account-disabled', message: THAI_ERROR_MESSAGES['account-disabled'] });
    expect(refused.json().message).toBe('บัญชีผู้ใช้นี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ');
    const guessed = await attempt('not the password');
    expect(guessed.statusCode).toBe(401);
    expect(guessed.json().error).toBe('unauthorized');

    await enableUser(server.store.sql, username);
    expect((await device.pull()).statusCode).toBe(401);
    const again = new TestClient(server.app);
    await again.login(username, password);
    expect((await again.pull()).statusCode).toBe(200);
  });

  it('signs in with the password an administrator set', async () => {
    const { username, password } = province.editor;
    await setPassword(server.store.sql, username, 'ตั้งใหม่โดยผู้ดูแล');
    const old = await new TestClient(server.app).request({ method: 'POST', url: '/v1/auth/login', payload: { username, password, deviceName: 'x' } });
    expect(old.statusCode).toBe(401);
    await new TestClient(server.app).login(username, 'ตั้งใหม่โดยผู้ดูแล');
  });
});

describe.each(testBackends())('login rate limit ($name)', (backend) => {
  const servers: ProvinceDeskServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    await backend.cleanUp();
  });
  const attempt = (server: ProvinceDeskServer, from = '192.0.2.10') =>
    server.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: from, headers: VERSION_HEADERS, payload: { username: 'nobody', password: 'whatever', deviceName: 'x' } });

  it('answers 429 with a Thai message after too many attempts from one address, counted across server processes', async () => {
    const options = backend.options();
    const first = await createServer({ store: options, loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    servers.push(first);
    // A second process on the same database (PostgreSQL); PGlite's folder serves one process, so it counts alone.
    const second = backend.name === 'postgres' ? await createServer({ store: options, loginRateLimit: { max: 3, timeWindowMs: 60_000 } }) : first;
    if (second !== first) servers.push(second);

    expect((await attempt(first)).statusCode).toBe(401);
    expect((await attempt(second)).statusCode).toBe(401);
    expect((await attempt(first)).statusCode).toBe(401);
    const limited = await attempt(second);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate-limited', message: THAI_ERROR_MESSAGES['rate-limited'] });
    // Another address is not held back by this one's guesses.
    expect((await attempt(first, '192.0.2.99')).statusCode).toBe(401);
  });

  it('behind a trusted reverse proxy, counts each client by its forwarded address, not the proxy\'s', async () => {
    const behindProxy = (server: ProvinceDeskServer, client: string) =>
      server.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: '127.0.0.1', headers: { ...VERSION_HEADERS, 'x-forwarded-for': client }, payload: { username: 'nobody', password: 'whatever', deviceName: 'x' } });
    const trusting = await createServer({ store: backend.options(), loginRateLimit: { max: 1, timeWindowMs: 60_000 }, trustProxy: ['127.0.0.1'] });
    servers.push(trusting);
    expect((await behindProxy(trusting, '203.0.113.1')).statusCode).toBe(401);
    expect((await behindProxy(trusting, '203.0.113.1')).statusCode).toBe(429);
    expect((await behindProxy(trusting, '203.0.113.2')).statusCode).toBe(401);
    // Not trusted: the header is anyone's to write, so the proxy's own address is what counts.
    const untrusting = await createServer({ store: backend.options(), loginRateLimit: { max: 1, timeWindowMs: 60_000 } });
    servers.push(untrusting);
    expect((await behindProxy(untrusting, '203.0.113.3')).statusCode).toBe(401);
    expect((await behindProxy(untrusting, '203.0.113.4')).statusCode).toBe(429);
  });

  it('opens a new window when the old one is over', async () => {
    const server = await createServer({ store: backend.options(), loginRateLimit: { max: 1, timeWindowMs: 300 } });
    servers.push(server);
    expect((await attempt(server)).statusCode).toBe(401);
    const limited = await attempt(server);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await attempt(server)).statusCode).toBe(401);
  });
});
