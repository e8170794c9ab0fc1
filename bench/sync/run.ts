// bench/sync (issue 3). Writes bench/results/sync.json:
//   initial_pull_records_per_s  50,000 records pulled into Chromium's IndexedDB through the real agent
//   raw_bulkput_records_per_s   the same records as the agent stores them (derived fields included, all
//                               computed and fetched beforehand), one raw Dexie bulkPut per table
//   initial_pull_ratio          the two side by side (target ≥ 0.5)
//   push_5000_s                 5,000 queued edits pushed by the agent from Chromium (target < 3 s)
//   initial_pull_bare_ratio     the agent's pull ÷ a raw bulkPut of the bare synced fields (target ≥ 0.65)
//   server_full_pull_records_per_s  the server alone (its own process, on PostgreSQL as the national server
//                               runs) serving a full pull of the 50,000 records to an editor, gzip, no device work
//   server_full_pull_warm_records_per_s  the same pull again from that server, warm (a running server's figure)
//   server_full_pull_pglite_records_per_s  the same from the embedded server (PGlite, in this process)
//   wire_bytes_ratio            gzip'd pull bytes per record ÷ the records' own gzip'd JSON (target ≤ 1.3)
//   devices50_push_p95_ms, devices50_pull_p95_ms, devices50_errors
//                               50 devices (real agent, fake-indexeddb) syncing at once against one server
//                               on PostgreSQL (DATABASE_URL, else the local postgres@127.0.0.1:5432/test)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import pg from 'pg';
import { startServer } from '../../server/app';
import { openStore, type Store } from '../../server/store/open-store';
import { seedProvince } from '../../server/testing/seed-province';
import { PROTOCOL_HEADERS, createFetchSyncRequest } from '../../renderer/bridge/web-sync-request';
import { openDeskData } from '../../renderer/db/desk-data';
import { createTestDatabase } from '../../renderer/db/test-database';
import { SyncAgent } from '../../renderer/sync/sync-agent';
import type { SyncRequester } from '../../renderer/sync/sync-client';
import type { LoginResponse } from '../../shared/sync/protocol';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { percentile } from '../support/percentile';
import { seedRecords } from '../support/seed-records';
import { makeRecords, MIX } from './fixtures';

const RECORDS = Number(process.env.BENCH_SYNC_RECORDS ?? 50_000);
const PUSH_EDITS = Number(process.env.BENCH_SYNC_PUSH ?? 5_000);
const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 50);
const root = path.resolve(import.meta.dirname, '../..');
const metrics: Array<{ name: string; value: number; unit: string; target?: string }> = [];
const notes: Record<string, unknown> = { records: RECORDS, mix: Object.fromEntries(MIX) };
const log = (message: string) => console.error(`[bench sync] ${message}`);

async function login(url: string, user: { username: string; password: string }, deviceName: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password, deviceName }) });
  if (!response.ok) throw new Error(`login ${response.status}`);
  return (await response.json()) as LoginResponse;
}

/** Compressed body bytes of a full pull, as the wire carries it (Accept-Encoding: gzip). */
function wireBytesOfPull(url: string, token: string): Promise<{ bytes: number; records: number; clientMs: number }> {
  const target = new URL(url);
  const page = (cursor: number, epoch: string) =>
    new Promise<{ bytes: number; body: Buffer; encoding: string | undefined }>((resolve, reject) => {
      const req = httpRequest(
        { hostname: target.hostname, port: target.port, path: `/v1/sync/pull?cursor=${cursor}${cursor > 0 ? `&epoch=${epoch}` : ''}&limit=2000`, headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ bytes: chunks.reduce((n, c) => n + c.length, 0), body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  return (async () => {
    let cursor = 0;
    let epoch = '';
    let bytes = 0;
    let records = 0;
    let clientMs = 0;
    const { gunzipSync } = await import('node:zlib');
    for (;;) {
      const answer = await page(cursor, epoch);
      bytes += answer.bytes;
      // What this end does with a page (inflate, parse) is timed apart: the pages are asked one after the
      // other, so the server's part is the rest.
      const clientStarted = performance.now();
      const json = JSON.parse((answer.encoding === 'gzip' ? gunzipSync(answer.body) : answer.body).toString('utf8')) as { records: unknown[]; cursor: number; hasMore: boolean; epoch: string };
      clientMs += performance.now() - clientStarted;
      records += json.records.length;
      cursor = json.cursor;
      epoch = json.epoch;
      if (!json.hasMore) break;
    }
    return { bytes, records, clientMs };
  })();
}

async function browserMetrics(apiUrl: string, session: LoginResponse): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'pd-bench-sync-'));
  await build({ entryPoints: [path.join(root, 'bench/sync/browser-entry.ts')], bundle: true, format: 'esm', outfile: path.join(outDir, 'bench.js'), platform: 'browser', target: 'es2022', logLevel: 'error' });
  await build({ entryPoints: [path.join(root, 'renderer/db/derive-fields-worker.ts')], bundle: true, format: 'esm', outfile: path.join(outDir, 'derive-worker.js'), platform: 'browser', target: 'es2022', logLevel: 'error' });
  const html = '<!doctype html><meta charset="utf-8"><title>sync bench</title><script type="module" src="/bench.js"></script>';
  const api = new URL(apiUrl);
  const { readFileSync } = await import('node:fs');
  const bundle = readFileSync(path.join(outDir, 'bench.js'));
  const workerBundle = readFileSync(path.join(outDir, 'derive-worker.js'));
  // One origin for the page and the API (the proxy forwards /v1/*), as the desktop app has no CORS either.
  const web = createServer((req, res) => {
    if (req.url?.startsWith('/v1/')) {
      const upstream = httpRequest({ hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
      return;
    }
    if (req.url === '/bench.js' || req.url === '/derive-worker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(req.url === '/bench.js' ? bundle : workerBundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(webUrl);
    await page.waitForFunction(() => 'syncBench' in window);
    const s = { token: session.token, deviceId: session.deviceId, user: session.user };
    type Bench = {
      pullThroughAgent(s: unknown): Promise<{ records: number; ms: number; waitingMs: number }>;
      rawBulkPut(s: unknown, asStored: boolean): Promise<{ records: number; ms: number }>;
      queueEdits(n: number): Promise<number>;
      pushQueued(): Promise<{ pushed: number; ms: number; left: number; waitingMs: number }>;
    };
    log('initial pull through the agent …');
    const pulled = await page.evaluate((x) => (window as unknown as { syncBench: Bench }).syncBench.pullThroughAgent(x), s);
    log(`  ${pulled.records} records in ${pulled.ms.toFixed(0)} ms (${pulled.waitingMs.toFixed(0)} ms of it waiting for the server)`);
    notes.initialPull = pulled;
    log('raw bulkPut of the rows as stored …');
    const raw = await page.evaluate((x) => (window as unknown as { syncBench: Bench }).syncBench.rawBulkPut(x, true), s);
    log(`  ${raw.records} records in ${raw.ms.toFixed(0)} ms`);
    const bare = await page.evaluate((x) => (window as unknown as { syncBench: Bench }).syncBench.rawBulkPut(x, false), s);
    log(`  (the bare synced fields, without search tokens and sort keys: ${bare.ms.toFixed(0)} ms)`);
    const bareFigures = {
      ms: Math.round(bare.ms),
      recordsPerS: Math.round((bare.records / bare.ms) * 1000),
      agentRatio: Number((pulled.records / pulled.ms / (bare.records / bare.ms)).toFixed(3)),
    };
    notes.rawBulkPutWithoutDerivedFields = bareFigures;
    const pullRate = (pulled.records / pulled.ms) * 1000;
    const rawRate = (raw.records / raw.ms) * 1000;
    metrics.push({ name: 'initial_pull_records_per_s', value: Math.round(pullRate), unit: 'records/s' });
    metrics.push({ name: 'raw_bulkput_records_per_s', value: Math.round(rawRate), unit: 'records/s' });
    metrics.push({ name: 'initial_pull_ratio', value: Number((pullRate / rawRate).toFixed(3)), unit: 'ratio', target: '>= 0.5' });
    metrics.push({ name: 'initial_pull_bare_ratio', value: bareFigures.agentRatio, unit: 'ratio', target: '>= 0.65' });
    log(`queueing ${PUSH_EDITS} edits …`);
    const queued = await page.evaluate((n) => (window as unknown as { syncBench: Bench }).syncBench.queueEdits(n), PUSH_EDITS);
    const pushed = await page.evaluate(() => (window as unknown as { syncBench: Bench }).syncBench.pushQueued());
    log(`  ${pushed.pushed} of ${queued} pushed in ${pushed.ms.toFixed(0)} ms (${pushed.waitingMs.toFixed(0)} ms of it waiting for the server; ${pushed.left} left)`);
    metrics.push({ name: 'push_5000_s', value: Number((pushed.ms / 1000).toFixed(3)), unit: 's', target: '< 3' });
    notes.push = { queued, pushed: pushed.pushed, left: pushed.left, waitingMs: Math.round(pushed.waitingMs) };
  } finally {
    await browser.close();
    web.close();
  }
}

/** A server in a process of its own on a fresh PostgreSQL schema, and this process's store on the same schema. */
async function postgresServer(): Promise<{ url: string; schema: string; serverUrl: string; store: Store; stop(): Promise<void> }> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `pd_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/support/server-process.ts'), url, schema], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const store = await openStore({ kind: 'postgres', url, schema });
  const stop = async () => {
    await store.close();
    child.kill('SIGTERM');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  };
  return { url, schema, serverUrl, store, stop };
}

/** The national server's case: a full pull from PostgreSQL, the server in its own process (gzip on the wire). */
async function serverFullPullOnPostgres(records: ReturnType<typeof makeRecords>): Promise<void> {
  const server = await postgresServer();
  try {
    const province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
    await seedRecords(server.store, records);
    // As PostgreSQL's autovacuum would have within a minute of such a load.
    await server.store.sql.query('ANALYZE');
    const session = await login(server.serverUrl, province.editor, 'bench');
    const started = performance.now();
    const wire = await wireBytesOfPull(server.serverUrl, session.token);
    notes.serverFullPullPostgresMs = Math.round(performance.now() - started - wire.clientMs);
    log(`server on PostgreSQL: a full pull (no device work) takes ${notes.serverFullPullPostgresMs} ms (and ${Math.round(wire.clientMs)} ms inflating and parsing here)`);
    metrics.push({ name: 'server_full_pull_records_per_s', value: Math.round((wire.records / Number(notes.serverFullPullPostgresMs)) * 1000), unit: 'records/s', target: '>= 40000' });
    // The same pull again: a running server's figure (the first pays for the fresh process's warm-up).
    const againStarted = performance.now();
    const again = await wireBytesOfPull(server.serverUrl, session.token);
    notes.serverFullPullPostgresWarmMs = Math.round(performance.now() - againStarted - again.clientMs);
    log(`  and again, warm: ${notes.serverFullPullPostgresWarmMs} ms`);
    metrics.push({ name: 'server_full_pull_warm_records_per_s', value: Math.round((again.records / Number(notes.serverFullPullPostgresWarmMs)) * 1000), unit: 'records/s' });
  } finally {
    await server.stop();
  }
}

async function devices50(): Promise<void> {
  const { serverUrl, store, stop } = await postgresServer();
  try {
    const province = await seedProvince(store, { provinceCode: '57', districtCode: '5701' });
    const push: number[] = [];
    const pull: number[] = [];
    let errors = 0;
    const devices = [];
    for (let i = 0; i < DEVICES; i++) {
      const session = await login(serverUrl, i % 2 ? province.coordinator : province.editor, `เครื่อง ${i + 1}`);
      const data = await openDeskData(createTestDatabase());
      const http = createFetchSyncRequest({ getServerUrl: () => serverUrl, getToken: () => session.token });
      const timed: SyncRequester = async (request) => {
        const started = performance.now();
        const answer = await http(request);
        const ms = performance.now() - started;
        if (request.path.startsWith('/v1/sync/push')) push.push(ms);
        else if (request.path.startsWith('/v1/sync/pull')) pull.push(ms);
        if (!answer.ok || answer.value.status >= 400) errors++;
        return answer;
      };
      devices.push({ data, agent: new SyncAgent({ data, request: timed, getSession: async () => ({ deviceId: session.deviceId, user: session.user }) }) });
    }
    const scope = { provinceCode: '57', districtCode: null };
    const author = { userId: 'bench', displayName: 'ผู้ทดสอบ' };
    for (let round = 0; round < 3; round++) {
      for (const [i, d] of devices.entries()) {
        for (let k = 0; k < 10; k++) await d.data.news.createDraft({ title: `ข่าวรอบ ${round + 1} เครื่อง ${i + 1} เรื่อง ${k + 1}` }, author, scope);
        // Edits of records everyone has: concurrent overwrites, as in a busy office.
        const shared = (await d.data.db.news.toCollection().primaryKeys()).slice(0, 5) as string[];
        for (const id of shared) await d.data.news.update(id, { lead: `แก้โดยเครื่อง ${i + 1} รอบ ${round + 1}` });
      }
      const started = performance.now();
      const results = await Promise.all(devices.map((d) => d.agent.sync('bench')));
      errors += results.filter((r) => !r.ok).length;
      log(`  round ${round + 1}: ${devices.length} devices synced in ${(performance.now() - started).toFixed(0)} ms`);
    }
    metrics.push({ name: 'devices50_push_p95_ms', value: Math.round(percentile(push, 95)), unit: 'ms' });
    metrics.push({ name: 'devices50_pull_p95_ms', value: Math.round(percentile(pull, 95)), unit: 'ms' });
    metrics.push({ name: 'devices50_errors', value: errors, unit: 'count', target: '0' });
    notes.devices50 = { backend: 'postgres', clients: 'the real sync agent over fake-indexeddb, all in the bench process (bench/scale measures protocol-level clients)', devices: DEVICES, pushRequests: push.length, pullRequests: pull.length };
  } finally {
    await stop();
  }
}

async function main(): Promise<void> {
  const server = await startServer({ store: { kind: 'pglite' }, port: 0, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  try {
    const province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
    log(`seeding ${RECORDS} records …`);
    const records = makeRecords(RECORDS, '57', '5701');
    await seedRecords(server.store, records);
    const session = await login(server.url, province.editor, 'bench');

    const wireStarted = performance.now();
    const wire = await wireBytesOfPull(server.url, session.token);
    notes.serverFullPullMs = Math.round(performance.now() - wireStarted - wire.clientMs);
    log(`server on PGlite: a full pull (no device work) takes ${notes.serverFullPullMs} ms (and ${Math.round(wire.clientMs)} ms inflating and parsing here)`);
    // The embedded server (PGlite in this process, gzip on the wire): what a new laptop of a one-office set-up waits for at best.
    metrics.push({ name: 'server_full_pull_pglite_records_per_s', value: Math.round((wire.records / Number(notes.serverFullPullMs)) * 1000), unit: 'records/s' });
    const plain = records.map((r) => ({ id: r.id, provinceCode: r.provinceCode, districtCode: r.districtCode, ...r.values }));
    const baseline = gzipSync(JSON.stringify(plain)).length;
    metrics.push({ name: 'wire_bytes_ratio', value: Number((wire.bytes / baseline).toFixed(3)), unit: 'ratio', target: '<= 1.3' });
    notes.wire = { bytesPerRecord: Math.round(wire.bytes / wire.records), compressedJsonBytesPerRecord: Math.round(baseline / records.length), records: wire.records };
    log(`wire: ${(wire.bytes / wire.records).toFixed(1)} B/record vs ${(baseline / records.length).toFixed(1)} B/record`);

    await browserMetrics(server.url, session);
  } finally {
    await server.close();
  }
  log('the same records from the national server (PostgreSQL) …');
  await serverFullPullOnPostgres(makeRecords(RECORDS, '57', '5701'));
  log(`${DEVICES} devices at once …`);
  await devices50();

  const result = { name: 'sync', machine: '2 cores', date: new Date().toISOString(), metrics, notes };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/sync.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
