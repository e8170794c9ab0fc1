import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { openStore } from '../store/open-store';
import { seedProvince } from '../testing/seed-province';
import { nodeIdFromDeviceId } from '../../shared/sync/hybrid-logical-clock';
import { mutation, newsValues, stampAt, VERSION_HEADERS } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

async function login(server: RunningServer, username: string, password: string): Promise<{ token: string; deviceId: string }> {
  const response = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { ...VERSION_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceName: 'sse test' }),
  });
  return (await response.json()) as { token: string; deviceId: string };
}

/** Opens the event stream and returns a function that waits for the next `event: name`. */
async function openEvents(server: RunningServer, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/events`, { headers: { ...VERSION_HEADERS, authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // A read left pending by a timeout is kept for the next call, or its chunk would be lost.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const next = async (name: string, timeoutMs = 5000): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = buffer.indexOf(`event: ${name}\n`);
      if (index >= 0) {
        buffer = buffer.slice(index + name.length + 8);
        return true;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), remaining))]);
      if (chunk === null) return false;
      pending = undefined;
      if (chunk.done) return false;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { next, close: () => controller.abort() };
}

async function push(server: RunningServer, session: { token: string; deviceId: string }, provinceCode: string, districtCode: string | null, seq: number) {
  const response = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { ...VERSION_HEADERS, 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ mutations: [mutation({ id: `${session.deviceId}:${seq}`, provinceCode, districtCode, values: newsValues(), stamp: stampAt(Date.now(), nodeIdFromDeviceId(session.deviceId)) })] }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { results: Array<{ status: string }> }).results[0]?.status).toBe('applied');
}

describe.each(testBackends())('live pokes ($name)', (backend) => {
  const toClose: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const close of toClose.reverse()) await close();
    await backend.cleanUp();
  });

  it('pokes an SSE client of another server process on the same database, only for its scope', async () => {
    // Two servers on one database: on PostgreSQL two pools (as two processes would have);
    // on PGlite one shared in-process database.
    const options = backend.options();
    const shared = backend.name === 'pglite' ? await openStore(options) : undefined;
    if (shared) toClose.push(() => shared.close());
    const a = await startServer({ store: shared ?? options, heartbeatMs: 200 });
    toClose.push(() => a.close());
    const b = await startServer({ store: shared ?? options });
    toClose.push(() => b.close());

    const bkk = await seedProvince(a.store, { provinceCode: '10' });
    const cnx = await seedProvince(a.store, { provinceCode: '50' });
    const listener = await login(a, bkk.coordinator.username, bkk.coordinator.password);
    const writer = await login(b, bkk.officer.username, bkk.officer.password);
    const foreignWriter = await login(b, cnx.editor.username, cnx.editor.password);

    const events = await openEvents(a, listener.token);
    toClose.push(async () => events.close());
    expect(await events.next('ready')).toBe(true);

    await push(b, foreignWriter, '50', null, 1);
    expect(await events.next('poke', 700)).toBe(false);
    await push(b, writer, '10', bkk.districtCode, 1);
    expect(await events.next('poke')).toBe(true);
  });

  it('refuses the event stream without a valid token', async () => {
    const server = await startServer({ store: backend.options() });
    toClose.push(() => server.close());
    const response = await fetch(`${server.url}/v1/events`, { headers: { ...VERSION_HEADERS, authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(response.status).toBe(401);
  });
});
