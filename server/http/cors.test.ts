import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince } from '../testing/seed-province';
import { VERSION_HEADERS } from '../testing/test-client';

async function signedInToken(server: ProvinceDeskServer): Promise<string> {
  const { editor } = await seedProvince(server.store, { provinceCode: '57' });
  const login = await server.app.inject({ method: 'POST', url: '/v1/auth/login', headers: VERSION_HEADERS, payload: { username: editor.username, password: editor.password, deviceName: 'shell' } });
  return login.json<{ token: string }>().token;
}

const SHELL = 'http://127.0.0.1:5173';
let withShell: ProvinceDeskServer;
let closed: ProvinceDeskServer;

beforeAll(async () => {
  withShell = await createServer({ store: { kind: 'pglite' }, allowedOrigins: [SHELL] });
  closed = await createServer({ store: { kind: 'pglite' } });
});
afterAll(async () => {
  await withShell.close();
  await closed.close();
});

describe('CORS for the browser shell', () => {
  it('answers a preflight from an allowed origin, before any protocol check', async () => {
    const preflight = await withShell.app.inject({ method: 'OPTIONS', url: '/v1/sync/push', headers: { origin: SHELL, 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SHELL);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('x-provincedesk-schema');
    const health = await withShell.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: SHELL } });
    expect(health.headers['access-control-allow-origin']).toBe(SHELL);
    expect(String(health.headers['access-control-expose-headers'])).toContain('x-provincedesk-received');
  });

  it('lets the browser shell read the live event stream (its headers are written by hand)', async () => {
    const running = await withShell.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    // No token: the 401 answer must carry the header too, or the shell cannot even read why.
    const refused = await fetch(`${running}/v1/events`, { headers: { origin: SHELL, ...VERSION_HEADERS } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(SHELL);
    const token = await signedInToken(withShell);
    const stream = await fetch(`${running}/v1/events`, { headers: { origin: SHELL, ...VERSION_HEADERS, authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('access-control-allow-origin')).toBe(SHELL);
    expect(stream.headers.get('access-control-expose-headers')).toContain('x-provincedesk-received');
    controller.abort();
  });

  it('allows no other origin, and none at all by default', async () => {
    const other = await withShell.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const byDefault = await closed.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: SHELL } });
    expect(byDefault.headers['access-control-allow-origin']).toBeUndefined();
  });
});
