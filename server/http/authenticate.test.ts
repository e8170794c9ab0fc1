import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { startServer, type RunningServer } from '../app';

// Issue 18, item 8: the token was checked in the route, after the body was read, so anyone could make the
// server take 10 MB of JSON (50 MB of file) per request before answering 401.
describe('a request without a valid token is refused before its body is read', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ store: { kind: 'pglite' }, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * Sends the headers and the first 64 KB of a body announced as `length` bytes, then waits up to 5 s for
   * the status line: an answer in that time was given without the rest of the body.
   */
  function statusBeforeBody(method: string, path: string, contentType: string, length: number, token?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let answer = '';
      const timer = setTimeout(() => {
        socket.destroy();
        resolve('no answer');
      }, 5000);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
        const line = answer.split('\r\n')[0];
        if (line !== undefined && answer.includes('\r\n')) {
          clearTimeout(timer);
          socket.destroy();
          resolve(line);
        }
      });
      socket.write(
        [
          `${method} ${path} HTTP/1.1`,
          'Host: 127.0.0.1',
          `Content-Type: ${contentType}`,
          `Content-Length: ${length}`,
          `${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}`,
          `${SCHEMA_HEADER}: ${SCHEMA_VERSION}`,
          ...(token ? [`Authorization: Bearer ${token}`] : []),
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(Buffer.alloc(64 * 1024, 0x20));
    });
  }

  it('answers 401 to a 9 MB push and a 40 MB blob after 64 KB of either', async () => {
    expect(await statusBeforeBody('POST', '/v1/sync/push', 'application/json', 9 * 1024 * 1024)).toBe('HTTP/1.1 401 Unauthorized');
    expect(await statusBeforeBody('PUT', `/v1/blobs/${'a'.repeat(64)}`, 'application/octet-stream', 40 * 1024 * 1024, 'x'.repeat(43))).toBe('HTTP/1.1 401 Unauthorized');
    expect(await statusBeforeBody('POST', '/v1/conflicts/01890000-0000-7000-8000-00000000a001/resolve', 'application/json', 5 * 1024 * 1024)).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('still lets anyone reach health, info and login', async () => {
    const health = await fetch(`${server.url}/v1/health`);
    expect(health.status).toBe(200);
    const info = await fetch(`${server.url}/v1/sync/info`);
    expect(info.status).toBe(200);
    const login = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION) },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password', deviceName: 'pc' }),
    });
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ error: 'unauthorized', message: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' });
  });
});
