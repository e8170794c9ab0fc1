import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';

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

  it('allows no other origin, and none at all by default', async () => {
    const other = await withShell.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const byDefault = await closed.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: SHELL } });
    expect(byDefault.headers['access-control-allow-origin']).toBeUndefined();
  });
});
