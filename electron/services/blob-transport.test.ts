import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/ipc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION, type LoginResponse } from '../../shared/sync/protocol';
import { startServer, type RunningServer } from '../../server/app';
import { seedProvince, type SeededProvince } from '../../server/testing/seed-province';
import { BlobTransport, type BlobTransportOptions } from './blob-transport';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('BlobTransport against the real server', () => {
  let server: RunningServer;
  let province: SeededProvince;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ store: { kind: 'pglite' }, port: 0, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
    const response = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION), 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: province.editor.username, password: province.editor.password, deviceName: 'เครื่องทดสอบ' }),
    });
    token = ((await response.json()) as LoginResponse).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  const transport = (overrides: Partial<BlobTransportOptions> = {}) =>
    new BlobTransport({ getServerUrl: () => server.url, getToken: async () => ok(token), retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, ...overrides });

  it('uploads in Content-Range chunks, resumes from the received offset, and reads back whole and by range', async () => {
    const t = transport();
    const data = new Uint8Array(randomBytes(2_500_000));
    const hash = sha(data);
    expect(await t.status({ sha256: hash })).toEqual(ok({ status: 404, exists: false, size: null, received: 0, total: null, error: null }));

    const first = await t.upload({ sha256: hash, offset: 0, total: data.length, data: data.subarray(0, 1_000_000) });
    expect(first).toEqual(ok({ status: 202, complete: false, received: 1_000_000, size: null, error: null }));
    expect(await t.status({ sha256: hash })).toMatchObject({ value: { exists: false, received: 1_000_000, total: data.length } });

    // A chunk sent again after a lost answer: the server says where to go on from.
    const again = await t.upload({ sha256: hash, offset: 0 + 500_000, total: data.length, data: data.subarray(500_000, 1_000_000) });
    expect(again).toMatchObject({ value: { status: 409, complete: false, received: 1_000_000, error: { code: 'upload-offset-mismatch', received: 1_000_000 } } });

    const rest = await t.upload({ sha256: hash, offset: 1_000_000, total: data.length, data: data.subarray(1_000_000) });
    expect(rest).toEqual(ok({ status: 200, complete: true, received: data.length, size: data.length, error: null }));
    expect(await t.status({ sha256: hash })).toMatchObject({ value: { status: 200, exists: true, size: data.length } });

    const whole = await t.download({ sha256: hash });
    expect(whole).toMatchObject({ value: { status: 200, total: data.length, error: null } });
    expect(whole.ok && whole.value.data && sha(whole.value.data)).toBe(hash);
    const part = await t.download({ sha256: hash, start: 1_048_000, end: 1_049_999 });
    expect(part).toMatchObject({ value: { status: 206, total: data.length } });
    expect(part.ok && part.value.data && Buffer.from(part.value.data).equals(Buffer.from(data.subarray(1_048_000, 1_050_000)))).toBe(true);
    const outside = await t.download({ sha256: hash, start: data.length });
    expect(outside).toMatchObject({ value: { status: 416, data: null, error: { code: 'range-not-satisfiable' } } });
  });

  it('passes on the server verdict on bytes that do not hash to their name', async () => {
    const data = new Uint8Array(randomBytes(1000));
    const claimed = sha(new TextEncoder().encode('something else'));
    const answer = await transport().upload({ sha256: claimed, offset: 0, total: data.length, data });
    expect(answer).toMatchObject({ value: { status: 422, complete: false, error: { code: 'hash-mismatch' } } });
  });

  it('uploads an empty blob as one body without Content-Range', async () => {
    const empty = new Uint8Array(0);
    expect(await transport().upload({ sha256: sha(empty), offset: 0, total: 0, data: empty })).toMatchObject({ value: { status: 200, complete: true, size: 0 } });
  });

  it('answers 401 without a valid token and 404 for a blob it may not read', async () => {
    const anonymous = transport({ getToken: async () => ok(null) });
    expect(await anonymous.status({ sha256: '0'.repeat(64) })).toMatchObject({ value: { status: 401, exists: false, error: { code: 'http-401' } } });
    expect(await anonymous.download({ sha256: '0'.repeat(64) })).toMatchObject({ value: { status: 401, error: { code: 'unauthorized' } } });
    expect(await transport().download({ sha256: '0'.repeat(64) })).toMatchObject({ value: { status: 404, data: null, error: { code: 'not-found' } } });
  });

  it('retries a dropped connection, and gives a network failure after the last attempt', async () => {
    let drops = 1;
    const flaky: typeof fetch = (input, init) => (drops-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    expect(await transport({ fetch: flaky }).status({ sha256: '1'.repeat(64) })).toMatchObject({ ok: true, value: { status: 404 } });
    const down = transport({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await down.status({ sha256: '1'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('never sends the token over plain http to another computer', async () => {
    let called = false;
    const t = transport({
      getServerUrl: () => 'http://sync.example.go.th',
      fetch: () => {
        called = true;
        return Promise.reject(new Error('not reached'));
      },
    });
    expect(await t.status({ sha256: '2'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(called).toBe(false);
  });
});
