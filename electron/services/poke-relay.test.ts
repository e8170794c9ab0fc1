import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type SyncSession } from '../../shared/ipc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION, type LoginResponse } from '../../shared/sync/protocol';
import { startServer, type RunningServer } from '../../server/app';
import { mutation, newsValues, stampAt } from '../../server/testing/test-client';
import { seedProvince, type SeededProvince } from '../../server/testing/seed-province';
import { PokeRelay } from './poke-relay';

const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION), 'Content-Type': 'application/json' };
let server: RunningServer;
let province: SeededProvince;

async function login(user: { username: string; password: string }): Promise<LoginResponse> {
  const response = await fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ ...user, deviceName: 'test' }) });
  return (await response.json()) as LoginResponse;
}

beforeAll(async () => {
  server = await startServer({ store: { kind: 'pglite' }, port: 0 });
  province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
});
afterAll(async () => {
  await server.close();
});

describe('PokeRelay', () => {
  it('listens only while someone is signed in, and relays pokes', async () => {
    const me = await login(province.editor);
    const other = await login(province.coordinator);
    let session: SyncSession | null = null;
    let token: string | null = null;
    let pokes = 0;
    const relay = new PokeRelay({ getSession: async () => ok(session), getToken: async () => ok(token), onPoke: () => pokes++ });

    await relay.refresh();
    expect(relay.listening).toBe(false);

    session = { serverUrl: server.url, deviceId: me.deviceId, user: me.user, signedInAt: new Date().toISOString() };
    token = me.token;
    await relay.refresh();
    expect(relay.listening).toBe(true);

    let seq = 0;
    await expect
      .poll(
        async () => {
          await fetch(`${server.url}/v1/sync/push`, {
            method: 'POST',
            headers: { ...headers, Authorization: `Bearer ${other.token}` },
            body: JSON.stringify({ mutations: [mutation({ id: `${other.deviceId}:${++seq}`, recordId: `01890000-0000-7000-8000-${String(seq).padStart(12, '0')}`, provinceCode: '57', values: newsValues(`ข่าว ${seq}`), stamp: stampAt(Date.now(), 'e000000000000001') })] }),
          });
          return pokes;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBeGreaterThan(0);

    session = null;
    token = null;
    await relay.refresh();
    expect(relay.listening).toBe(false);
  });
});
