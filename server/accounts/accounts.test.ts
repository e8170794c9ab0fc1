import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { migrate } from '../store/migrations';
import type { Store } from '../store/open-store';
import { testBackends } from '../testing/test-stores';
import { VERSION_HEADERS } from '../testing/test-client';
import { AccountError, authenticateToken, createOffice, createUser, listDevices, loginAndRegisterDevice, revokeDevice } from './accounts-repository';
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

    expect(await loginAndRegisterDevice(store.sql, { username: 'ed1', password: 'wrong password', deviceName: 'pc' })).toBeUndefined();
    expect(await loginAndRegisterDevice(store.sql, { username: 'nobody', password: 'long enough', deviceName: 'pc' })).toBeUndefined();
    const session = await loginAndRegisterDevice(store.sql, { username: 'ED1', password: 'long enough', deviceName: 'pc' });
    expect(session?.user).toMatchObject({ role: 'editor', provinceCode: '10', districtCode: null });
    const { rows } = await store.sql.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [session!.deviceId]);
    expect(rows[0]?.token_hash).toBe(hashDeviceToken(session!.token));
    expect((await authenticateToken(store.sql, session!.token))?.scope).toEqual({ kind: 'province', provinceCode: '10' });
    expect(await revokeDevice(store.sql, session!.deviceId)).toBe(true);
    expect(await authenticateToken(store.sql, session!.token)).toBeUndefined();
    expect((await listDevices(store.sql, 'ed1'))[0]?.revokedAt).not.toBeNull();
  });
});

describe('login rate limit', () => {
  let server: ProvinceDeskServer;
  beforeAll(async () => {
    server = await createServer({ store: { kind: 'pglite' }, loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterAll(() => server?.close());

  it('answers 429 with a Thai message after too many attempts', async () => {
    const attempt = () =>
      server.app.inject({ method: 'POST', url: '/v1/auth/login', headers: VERSION_HEADERS, payload: { username: 'nobody', password: 'whatever', deviceName: 'x' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate-limited' });
  });
});
