import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse, PushResponse } from '../shared/sync/protocol';
import { mutation, newsValues, stampAt, VERSION_HEADERS } from './testing/test-client';

const run = promisify(execFile);
// Node with tsx's loader, not the tsx launcher: the launcher runs the server in a child process of its
// own, so a SIGKILL would kill the launcher and leave the server running (and holding the folder).
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;
const CLI = path.resolve('server/cli.ts');

// The embedded store (PGlite in a folder), as `npm run server` uses it, killed with SIGKILL mid-push.
describe('a server killed mid-push', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provincedesk-crash-'));
  const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => (await run(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, ...args, '--data', dataDir], { env })).stdout;

  /** Starts `serve` and resolves with its URL once it prints the readiness line. */
  const serve = () =>
    new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
      const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, 'serve', '--port', '0', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve({ child, url: match[1] });
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });

  it('loses and doubles nothing when the same batch is retried after a restart', async () => {
    const officeLine = await cli('create-office', '--province', '10', '--name', 'สำนักงาน กกต. กรุงเทพมหานคร');
    const officeId = /office (\S+) created/.exec(officeLine)?.[1] ?? '';
    await cli('create-user', '--username', 'crash-editor', '--display-name', 'บรรณาธิการ', '--role', 'editor', '--office', officeId, '--password', 'long enough');

    let server = await serve();
    const login = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { ...VERSION_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'crash-editor', password: 'long enough', deviceName: 'crash test' }),
    });
    const session = (await login.json()) as LoginResponse;
    const headers = { ...VERSION_HEADERS, 'content-type': 'application/json', authorization: `Bearer ${session.token}` };
    const body = 'ข่าว '.repeat(1000);
    const batch = Array.from({ length: 500 }, (_, i) =>
      mutation({ id: `${session.deviceId}:${i + 1}`, provinceCode: '10', values: { ...newsValues(`ข่าวที่ ${i}`), bodyHtml: body }, stamp: stampAt(Date.now()) }),
    );
    const payload = JSON.stringify({ mutations: batch });

    const inFlight = fetch(`${server.url}/v1/sync/push`, { method: 'POST', headers, body: payload }).then(
      (r) => r.status,
      () => 'dropped' as const,
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGKILL');
    await Promise.all([inFlight, exited]);

    server = await serve();
    const retried = await fetch(`${server.url}/v1/sync/push`, { method: 'POST', headers, body: payload });
    expect(retried.status).toBe(200);
    const results = ((await retried.json()) as PushResponse).results;
    expect(results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
    // All or nothing: the killed transaction either committed whole or not at all.
    expect(new Set(results.map((r) => r.status)).size).toBe(1);

    const pulled = (await (await fetch(`${server.url}/v1/sync/pull?cursor=0&limit=2000`, { headers })).json()) as PullResponse;
    expect(pulled.records).toHaveLength(500);
    expect(new Set(pulled.records.map((r) => r.id)).size).toBe(500);
    expect(pulled.records.map((r) => r.values.title).sort()).toEqual(batch.map((m) => m.changes.title?.value).sort());
    server.child.kill('SIGTERM');
  }, 120_000);
});
