import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fail, ok, SettingsPatchSchema, type DeskResult, type Settings, type SettingsPatch } from '../../shared/ipc';
import { startServer, type RunningServer } from '../../server/app';
import { disableUser, enableUser } from '../../server/accounts/user-admin';
import { seedProvince, type SeededProvince } from '../../server/testing/seed-province';
import { CredentialsStore } from './credentials-store';
import { AesGcmTestCipher } from './testing/aes-gcm-test-cipher';
import { SignInService } from './sign-in-service';
import { SyncTransport } from './sync-transport';

class MemorySettings {
  value: Settings = { ...DEFAULT_SETTINGS };
  async get(): Promise<Settings> {
    return this.value;
  }
  async update(patch: SettingsPatch): Promise<DeskResult<Settings>> {
    // Validates as the real SettingsStore does.
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) return fail('invalid-argument', 'การตั้งค่าไม่ถูกต้อง');
    this.value = { ...this.value, ...parsed.data };
    return ok(this.value);
  }
}

describe('SignInService against the real server', () => {
  let server: RunningServer;
  let province: SeededProvince;
  let dir: string;
  let settings: MemorySettings;
  let credentials: CredentialsStore;
  let seenTokens: Array<string | null>;
  let events: Array<unknown>;
  let service: SignInService;

  beforeAll(async () => {
    server = await startServer({ store: { kind: 'pglite' }, port: 0, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
  });
  afterAll(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pd-sign-in-'));
    settings = new MemorySettings();
    credentials = new CredentialsStore({ directory: dir, cipher: new AesGcmTestCipher(), logger: { warn: () => {} } });
    seenTokens = [];
    events = [];
    const transport = new SyncTransport({
      getServerUrl: async () => (await settings.get()).serverUrl,
      getToken: async () => {
        const token = await credentials.getServerToken();
        if (token.ok) seenTokens.push(token.value);
        return token;
      },
      retry: { maxAttempts: 1 },
    });
    service = new SignInService({ directory: dir, transport, credentials, settings, onSessionChange: (s) => events.push(s) });
    return () => rm(dir, { recursive: true, force: true });
  });

  it('signs in, keeps the token encrypted in main and returns only who signed in', async () => {
    const result = await service.signIn({ serverUrl: server.url, username: province.coordinator.username, password: province.coordinator.password, deviceName: 'โน้ตบุ๊กสำนักงาน' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.user).toMatchObject({ role: 'coordinator', provinceCode: '57' });
    expect(JSON.stringify(result.value)).not.toMatch(/token/i);
    expect(settings.value).toMatchObject({ serverUrl: server.url, deviceName: 'โน้ตบุ๊กสำนักงาน' });
    const token = await credentials.getServerToken();
    expect(token.ok && token.value).toBeTruthy();
    const onDisk = await readFile(credentials.filePath);
    expect(onDisk.includes(Buffer.from(token.ok ? (token.value as string) : 'x'))).toBe(false);
    expect(await service.getSession()).toEqual(ok(result.value));
    expect(events).toEqual([result.value]);

    // The token works for sync calls through the same transport.
    const pulled = await new SyncTransport({ getServerUrl: () => server.url, getToken: () => credentials.getServerToken() }).request({ method: 'GET', path: '/v1/sync/pull?cursor=0' });
    expect(pulled.ok && pulled.value.status).toBe(200);
  });

  it('says a wrong password in Thai and keeps nobody signed in', async () => {
    const result = await service.signIn({ serverUrl: server.url, username: province.editor.username, password: 'wrong-password', deviceName: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' } });
    expect(await service.getSession()).toEqual(ok(null));
  });

  it('says in Thai that a disabled account cannot sign in', async () => {
    await disableUser(server.store.sql, province.officer.username);
    const result = await service.signIn({ serverUrl: server.url, username: province.officer.username, password: province.officer.password, deviceName: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'บัญชีผู้ใช้นี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ' } });
    expect(await service.getSession()).toEqual(ok(null));
    await enableUser(server.store.sql, province.officer.username);
  });

  it('says so when the server cannot be reached', async () => {
    const result = await service.signIn({ serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b', deviceName: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('network');
  });

  it('signs out: revokes the device on the server and forgets the token', async () => {
    const signedIn = await service.signIn({ serverUrl: server.url, username: province.editor.username, password: province.editor.password, deviceName: 'x' });
    expect(signedIn.ok).toBe(true);
    const token = await credentials.getServerToken();
    expect(await service.signOut()).toEqual(ok(undefined));
    expect(await service.getSession()).toEqual(ok(null));
    expect(events.at(-1)).toBeNull();
    const after = await fetch(`${server.url}/v1/sync/pull`, { headers: { 'x-provincedesk-protocol': '1', 'x-provincedesk-schema': String(SCHEMA_VERSION), authorization: `Bearer ${token.ok ? token.value : ''}` } });
    expect(after.status).toBe(401);
  });

  it('never sends the old token to a new server address', async () => {
    await service.signIn({ serverUrl: server.url, username: province.editor.username, password: province.editor.password, deviceName: 'x' });
    seenTokens.length = 0;
    await service.signIn({ serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b', deviceName: 'x' });
    expect(seenTokens.every((t) => t === null)).toBe(true);
  });

  it('a new server address in Settings signs out first: the token never reaches the new address (issue 18)', async () => {
    // The "new server": records what arrives, whatever it is.
    const arrived: Array<string | undefined> = [];
    const other = createServer((request, response) => {
      arrived.push(request.headers.authorization);
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized', message: 'x' }));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const signedIn = await service.signIn({ serverUrl: server.url, username: province.editor.username, password: province.editor.password, deviceName: 'x' });
      expect(signedIn.ok).toBe(true);
      const token = await credentials.getServerToken();

      // Another setting leaves the session alone.
      expect(await service.updateSettings({ deviceName: 'โน้ตบุ๊กเครื่องใหม่' })).toMatchObject({ ok: true });
      expect((await service.getSession()).ok && (await service.getSession())).toMatchObject({ value: { serverUrl: server.url } });
      // So does the same address written differently.
      expect(await service.updateSettings({ serverUrl: `${server.url}/` })).toMatchObject({ ok: true });
      expect(await service.getSession()).toMatchObject({ ok: true, value: { serverUrl: server.url } });

      // A bad patch changes nothing.
      expect(await service.updateSettings({ serverUrl: 'not a url' })).toMatchObject({ ok: false });
      expect(await service.getSession()).toMatchObject({ ok: true, value: { serverUrl: server.url } });

      const changed = await service.updateSettings({ serverUrl: otherUrl });
      expect(changed).toMatchObject({ ok: true, value: { serverUrl: otherUrl } });
      expect(await service.getSession()).toEqual(ok(null));
      expect(await credentials.getServerToken()).toEqual(ok(null));
      expect(events.at(-1)).toBeNull();
      // Whatever the app sends next goes without a token.
      const transport = new SyncTransport({ getServerUrl: async () => (await settings.get()).serverUrl, getToken: () => credentials.getServerToken(), retry: { maxAttempts: 1 } });
      await transport.request({ method: 'GET', path: '/v1/sync/pull?cursor=0' });
      expect(arrived).toEqual([undefined]);
      // The old server was told: the token is revoked there too.
      const after = await fetch(`${server.url}/v1/sync/pull`, { headers: { 'x-provincedesk-protocol': '1', 'x-provincedesk-schema': String(SCHEMA_VERSION), authorization: `Bearer ${token.ok ? token.value : ''}` } });
      expect(after.status).toBe(401);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
