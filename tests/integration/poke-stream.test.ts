import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADERS } from '../../renderer/bridge/web-sync-request';
import { PokeStream } from '../../shared/sync/poke-stream';
import { mutation, newsValues, stampAt } from '../../server/testing/test-client';
import { login, startTestServer, type TestServer } from './support/sync-harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('PokeStream', () => {
  it('reports a poke when another device pushes into its scope, and stops on 401', async () => {
    const listener = await login(t.server.url, t.province.editor, 'ฟัง');
    const writer = await login(t.server.url, t.province.coordinator, 'เขียน');
    let pokes = 0;
    let resolvePoke: () => void = () => {};
    const poked = new Promise<void>((resolve) => (resolvePoke = resolve));
    const stream = new PokeStream({
      serverUrl: () => t.server.url,
      token: () => listener.token,
      onPoke: () => {
        pokes++;
        resolvePoke();
      },
    });
    stream.start();
    expect(stream.running).toBe(true);

    // Push until the stream is connected and the poke arrives (the server pokes only live listeners).
    let seq = 0;
    const push = () =>
      fetch(`${t.server.url}/v1/sync/push`, {
        method: 'POST',
        headers: { ...PROTOCOL_HEADERS, 'Content-Type': 'application/json', Authorization: `Bearer ${writer.token}` },
        body: JSON.stringify({
          mutations: [mutation({ id: `${writer.deviceId}:${++seq}`, recordId: `01890000-0000-7000-8000-${String(seq).padStart(12, '0')}`, provinceCode: '57', values: newsValues(`ข่าว ${seq}`), stamp: stampAt(Date.now(), 'd000000000000001') })],
        }),
      });
    const timer = setInterval(() => void push(), 200);
    await poked;
    clearInterval(timer);
    expect(pokes).toBeGreaterThan(0);
    stream.stop();
    expect(stream.running).toBe(false);

    // A revoked token: the stream gives up instead of retrying forever.
    await fetch(`${t.server.url}/v1/auth/logout`, { method: 'POST', headers: { ...PROTOCOL_HEADERS, Authorization: `Bearer ${listener.token}` } });
    const revoked = new PokeStream({ serverUrl: () => t.server.url, token: () => listener.token, onPoke: () => {} });
    revoked.start();
    await expect.poll(() => revoked.running, { timeout: 5000 }).toBe(false);
  });
});
