import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok, type DeskResult } from '../../shared/ipc';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, resolveServerUrl, SyncTransport, type SyncTransportOptions } from './sync-transport';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1; `routes[i]` answers the i-th request (the last repeats). */
async function startServer(routes: Route[]): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      const route = routes[Math.min(seen.length - 1, routes.length - 1)];
      route?.(req, res, entry);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Route => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function transport(serverUrl: string | null, overrides: Partial<SyncTransportOptions> = {}): { transport: SyncTransport; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    transport: new SyncTransport({
      getServerUrl: () => serverUrl,
      getToken: async () => ok('device-token-123'),
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...overrides,
    }),
  };
}

describe('SyncTransport against a real HTTP server', () => {
  it('sends the token, the protocol header and a JSON body, and parses the JSON answer', async () => {
    const server = await startServer([json(200, { applied: ['m1'] })]);
    const { transport: t } = transport(server.url);
    const result = await t.request({ method: 'POST', path: '/v1/push', body: { mutations: [{ id: 'm1', title: 'สัมมนาเครือข่าย ศส.ปชต.' }] } });
    expect(result).toEqual({ ok: true, value: { status: 200, body: { applied: ['m1'] } } });
    const [request] = server.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/push');
    expect(request?.headers.authorization).toBe('Bearer device-token-123');
    expect(request?.headers['x-provincedesk-protocol']).toBe('1');
    expect(request?.headers['x-provincedesk-schema']).toBe(String(SCHEMA_VERSION));
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['accept-encoding']).toContain('gzip');
    expect(JSON.parse(request?.body ?? '')).toEqual({ mutations: [{ id: 'm1', title: 'สัมมนาเครือข่าย ศส.ปชต.' }] });
  });

  it('accepts a gzip answer and keeps a base path of the server address', async () => {
    const server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ changes: Array.from({ length: 100 }, (_, i) => ({ seq: i })) })));
      },
    ]);
    const { transport: t } = transport(`${server.url}/provincedesk/`);
    const result = await t.request({ method: 'GET', path: '/v1/pull?after=0' });
    expect(result.ok && (result.value.body as { changes: unknown[] }).changes).toHaveLength(100);
    expect(server.seen[0]?.url).toBe('/provincedesk/v1/pull?after=0');
  });

  it('sends no Authorization header before the device has a token', async () => {
    const server = await startServer([json(401, { error: 'unauthorised' })]);
    const { transport: t } = transport(server.url, { getToken: async () => ok(null) });
    expect(await t.request({ method: 'GET', path: '/v1/me' })).toEqual({ ok: true, value: { status: 401, body: { error: 'unauthorised' } } });
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('retries a 500 and returns the success that follows', async () => {
    const server = await startServer([json(500, { error: 'busy' }), json(200, { ok: true })]);
    const { transport: t, delays } = transport(server.url);
    expect(await t.request({ method: 'POST', path: '/v1/push', body: {} })).toEqual({ ok: true, value: { status: 200, body: { ok: true } } });
    expect(server.seen).toHaveLength(2);
    expect(delays).toEqual([50]); // random 0.5 × min(1000, 100 · 2^0)
  });

  it('gives up after maxAttempts of 5xx and returns the last answer', async () => {
    const server = await startServer([json(503, { error: 'maintenance' })]);
    const { transport: t, delays } = transport(server.url);
    expect(await t.request({ method: 'GET', path: '/v1/pull' })).toEqual({ ok: true, value: { status: 503, body: { error: 'maintenance' } } });
    expect(server.seen).toHaveLength(3);
    expect(delays).toEqual([50, 100]);
  });

  it('honours Retry-After on 429, within the cap', async () => {
    const server = await startServer([json(429, {}, { 'Retry-After': '2' }), json(429, {}, { 'Retry-After': '0' }), json(200, [])]);
    const { transport: t, delays } = transport(server.url);
    expect((await t.request({ method: 'GET', path: '/v1/pull' })).ok).toBe(true);
    expect(delays).toEqual([1_000, 100]); // 2 s capped to maxDelay; then the jitter is longer than 0 s
  });

  it.each([400, 401, 403, 404, 409, 422])('does not retry %i', async (status) => {
    const server = await startServer([json(status, { error: 'no' })]);
    const { transport: t, delays } = transport(server.url);
    expect(await t.request({ method: 'POST', path: '/v1/push', body: { bad: true } })).toEqual({ ok: true, value: { status, body: { error: 'no' } } });
    expect(server.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('does not follow a redirect (the token stays with the configured server)', async () => {
    const other = await startServer([json(200, { stolen: true })]);
    const server = await startServer([
      (_req, res) => {
        res.writeHead(307, { Location: `${other.url}/v1/pull` });
        res.end();
      },
    ]);
    const { transport: t } = transport(server.url);
    const result = await t.request({ method: 'GET', path: '/v1/pull' });
    expect(result).toMatchObject({ ok: true, value: { status: 307 } });
    expect(other.seen).toHaveLength(0);
  });

  it('times out a server that never answers, retries, and says so plainly', async () => {
    const server = await startServer([() => undefined]); // accepts, never responds
    const { transport: t, delays } = transport(server.url, { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const started = Date.now();
    const result = await t.request({ method: 'GET', path: '/v1/pull', timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    if (!result.ok) expect(result.error.message).toContain('did not answer in time (2 tries)');
    expect(server.seen).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it('times out a server that stalls in the middle of the body', async () => {
    const server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"changes": [');
      },
    ]);
    const { transport: t } = transport(server.url, { retry: { maxAttempts: 1 } });
    const result = await t.request({ method: 'GET', path: '/v1/pull', timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('reports a refused connection as a network error after retrying', async () => {
    const server = await startServer([json(200, {})]);
    const url = server.url;
    server.server.closeAllConnections();
    await new Promise((resolve) => server.server.close(resolve));
    servers.splice(servers.indexOf(server.server), 1);
    const warnings: string[] = [];
    const { transport: t, delays } = transport(url, { logger: { warn: (m) => warnings.push(m) } });
    const result = await t.request({ method: 'GET', path: '/v1/health' });
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    if (!result.ok) {
      expect(result.error.message).toContain('Could not reach the sync server (3 tries)');
      expect(result.error.message).toMatch(/[ก-๙]/);
      expect(result.error.message).not.toContain('ECONNREFUSED');
    }
    expect(delays).toEqual([50, 100]);
    expect(warnings.join()).toContain('ECONNREFUSED'); // the detail goes to the log only
  });
});

describe('SyncTransport before any request is sent', () => {
  it('needs a server address', async () => {
    const { transport: t } = transport(null);
    expect(await t.request({ method: 'GET', path: '/v1/health' })).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('refuses plain http to another computer', async () => {
    const { transport: t } = transport('http://sync.example.go.th');
    expect(await t.request({ method: 'GET', path: '/v1/health' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses a GET with a body', async () => {
    const { transport: t } = transport('https://sync.example.go.th');
    expect(await t.request({ method: 'GET', path: '/v1/pull', body: {} })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('passes on a credentials error', async () => {
    const error: DeskResult<string | null> = fail('io', 'keyring locked');
    const { transport: t } = transport('https://sync.example.go.th', { getToken: async () => error });
    expect(await t.request({ method: 'GET', path: '/v1/pull' })).toEqual(error);
  });
});

describe('resolveServerUrl', () => {
  it('joins the server address and the path', () => {
    expect(resolveServerUrl('https://sync.ect.go.th', '/v1/pull?after=5')?.href).toBe('https://sync.ect.go.th/v1/pull?after=5');
    expect(resolveServerUrl('https://ect.go.th/provincedesk/', '/v1/push')?.href).toBe('https://ect.go.th/provincedesk/v1/push');
    expect(resolveServerUrl('http://localhost:8787', '/v1/health')?.href).toBe('http://localhost:8787/v1/health');
    expect(resolveServerUrl('http://127.0.0.1:8787', '/v1/health')).not.toBeNull();
  });

  it('refuses addresses that would send the token in clear or somewhere else', () => {
    expect(resolveServerUrl('http://192.168.1.20', '/v1/pull')).toBeNull();
    expect(resolveServerUrl('ftp://sync.ect.go.th', '/v1/pull')).toBeNull();
    expect(resolveServerUrl('https://user:pw@sync.ect.go.th', '/v1/pull')).toBeNull();
    expect(resolveServerUrl('not a url', '/v1/pull')).toBeNull();
  });

  it('keeps the path under /v1/, whatever dots it holds', () => {
    expect(resolveServerUrl('https://ect.go.th/provincedesk', '/v1/../admin')).toBeNull();
    expect(resolveServerUrl('https://ect.go.th/provincedesk', '/v1/%2e%2e/%2e%2e/etc')).toBeNull();
    expect(resolveServerUrl('https://ect.go.th', '/v1/./pull')?.pathname).toBe('/v1/pull');
  });
});

describe('backoffDelay and parseRetryAfter', () => {
  it('grows exponentially under the cap, scaled by the random draw (full jitter)', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 500, maxDelayMs: 15_000 };
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([499, 999, 1999, 3999, 7999, 14999, 14999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
