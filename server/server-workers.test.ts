// Several server processes on one PostgreSQL (issue 11): `serve --workers N` and separate `serve` processes
// sharing a schema keep every guarantee — nothing lost or doubled when a worker is killed mid-push, a retry
// racing its original on another process applied once, pokes reaching devices connected to another process,
// one login limit for all of them. Needs DATABASE_URL (PostgreSQL): the embedded store serves one process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse, PushResponse } from '../shared/sync/protocol';
import { mutation, newsValues, stampAt, VERSION_HEADERS } from './testing/test-client';

const run = promisify(execFile);
// Node with tsx's loader (not the tsx launcher, which would stand between the test and the server's processes).
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;
const CLI = path.resolve('server/cli.ts');
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('several server processes on one PostgreSQL', () => {
  const schema = `pd_workers_${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, DATABASE_URL: url, PROVINCEDESK_DB_SCHEMA: schema, LOG_LEVEL: 'warn' };
  const children: ChildProcess[] = [];
  let user = { username: '', password: 'long enough password' };

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const cli = async (...args: string[]) => (await run(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, ...args], { env })).stdout;

  /** Starts `serve` with `args`; resolves once it prints the readiness line, with its output so far and what follows. */
  const serve = (...args: string[]) =>
    new Promise<{ child: ChildProcess; url: string; output: () => string }>((resolve, reject) => {
      const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let out = '';
      const collect = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve({ child, url: match[1], output: () => out });
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });

  const login = async (server: string, deviceName: string, password = user.password) =>
    fetch(`${server}/v1/auth/login`, {
      method: 'POST',
      headers: { ...VERSION_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password, deviceName }),
    });

  const device = async (server: string, name: string) => {
    const session = (await (await login(server, name)).json()) as LoginResponse;
    return { session, headers: { ...VERSION_HEADERS, 'content-type': 'application/json', authorization: `Bearer ${session.token}` } };
  };

  const batchOf = (deviceId: string, label: string, count: number) =>
    JSON.stringify({
      mutations: Array.from({ length: count }, (_, i) =>
        mutation({ id: `${deviceId}:${i + 1}`, provinceCode: '10', values: { ...newsValues(`${label} ${i}`), bodyHtml: 'ข่าว '.repeat(800) }, stamp: stampAt(Date.now()) }),
      ),
    });

  // With a time limit, as the device's agent has: a connection the pool had handed to the killed worker is never answered.
  const push = (server: string, headers: Record<string, string>, body: string) =>
    fetch(`${server}/v1/sync/push`, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) }).then(
      async (r) => (r.status === 200 ? ((await r.json()) as PushResponse).results.map((x) => x.status) : [`http ${r.status}`]),
      () => ['dropped'],
    );

  /** Every record's title, pulled page by page as a device does (the epoch of the first page sent with the next). */
  const titles = async (server: string, headers: Record<string, string>) => {
    const all: string[] = [];
    let page: PullResponse | null = null;
    do {
      const query = page ? `cursor=${page.cursor}&epoch=${encodeURIComponent(page.epoch)}` : 'cursor=0';
      const response = await fetch(`${server}/v1/sync/pull?${query}&limit=500`, { headers });
      expect(response.status).toBe(200);
      page = (await response.json()) as PullResponse;
      all.push(...page.records.map((r) => String(r.values.title)));
    } while (page.hasMore);
    return all;
  };

  it('a worker killed mid-push loses and doubles nothing; the other keeps serving and a new one takes its place', async () => {
    const officeLine = await cli('create-office', '--province', '10', '--name', 'สำนักงาน กกต. กรุงเทพมหานคร');
    const officeId = /office (\S+) created/.exec(officeLine)?.[1] ?? '';
    user = { username: `editor-${schema}`, password: user.password };
    await cli('create-user', '--username', user.username, '--display-name', 'บรรณาธิการ', '--role', 'editor', '--office', officeId, '--password', user.password);

    const pool = await serve('--workers', '2');
    const workerIds = () => [...pool.output().matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));
    await expect.poll(() => workerIds().length, { timeout: 10_000 }).toBe(2);
    const workers = workerIds();
    const devices = await Promise.all(['ก', 'ข', 'ค', 'ง'].map((name) => device(pool.url, `เครื่อง ${name}`)));
    const batches = devices.map((d, i) => batchOf(d.session.deviceId, `ชุด ${i}`, 250));

    // Four pushes at once (the pool spreads connections over both workers), one worker killed while they run.
    const inFlight = devices.map((d, i) => push(pool.url, d.headers, batches[i]!));
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(workers[0]!, 'SIGKILL');
    await Promise.all(inFlight);
    await expect.poll(() => [...pool.output().matchAll(/worker (\d+) listening/g)].length, { timeout: 30_000 }).toBe(3);

    // Every device retries its batch: each applies whole, exactly once, however far its first try got.
    for (const [i, d] of devices.entries()) {
      const statuses = await push(pool.url, d.headers, batches[i]!);
      expect(statuses).toHaveLength(250);
      expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);
      expect(new Set(statuses).size).toBe(1);
    }
    const all = await titles(pool.url, devices[0]!.headers);
    expect(all).toHaveLength(1_000);
    expect(new Set(all).size).toBe(1_000);
    pool.child.kill('SIGTERM');
    await new Promise((resolve) => pool.child.once('exit', resolve));
  }, 180_000);

  it('separate processes: a retry racing its original applies once, pokes cross processes, one login limit', async () => {
    const [a, b] = await Promise.all([serve(), serve()]);
    const writer = await device(a.url, 'เครื่องเขียน');
    const watcher = await device(b.url, 'เครื่องเฝ้า');

    // The watcher listens on B; a push landing on A must poke it (LISTEN/NOTIFY).
    const events = await fetch(`${b.url}/v1/events`, { headers: watcher.headers });
    const reader = events.body!.getReader();
    let seen = '';
    const poked = (async () => {
      while (!seen.includes('event: poke')) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += new TextDecoder().decode(value);
      }
      return seen.includes('event: poke');
    })();
    await expect.poll(() => seen.includes('event: ready'), { timeout: 10_000 }).toBe(true);

    // The same batch sent to both processes at once (a retry racing its original): applied once in all.
    const batch = batchOf(writer.session.deviceId, 'แข่ง', 100);
    const [onA, onB] = await Promise.all([push(a.url, writer.headers, batch), push(b.url, writer.headers, batch)]);
    expect([...onA, ...onB].filter((s) => s === 'applied')).toHaveLength(100);
    expect([...onA, ...onB].filter((s) => s === 'duplicate')).toHaveLength(100);
    expect(await poked).toBe(true);
    await reader.cancel();
    const racing = (await titles(b.url, watcher.headers)).filter((t) => t.startsWith('แข่ง'));
    expect(racing).toHaveLength(100);

    // Wrong passwords alternated between the two processes count against one limit of 10 logins a minute (the
    // logins above count too): limits per process would let all 12 through, 6 on each.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(i % 2 ? a.url : b.url, 'ผู้ลอง', 'wrong password')).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(10);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(statuses.slice(statuses.indexOf(429)).map(() => 429));
  }, 120_000);
});
