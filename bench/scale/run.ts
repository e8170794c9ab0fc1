// bench/scale (issue 11). Writes bench/results/scale.json: for 50, 200 and 500 devices (BENCH_SCALE_DEVICES),
//   devicesN_push_p95_ms, devicesN_pull_p95_ms, devicesN_push_p99_ms, devicesN_pull_p99_ms (and p50 in notes),
//   devicesN_requests_per_s, devicesN_errors
// The server runs on PostgreSQL (DATABASE_URL, else postgres@127.0.0.1:5432/test) in a process of its own
// (BENCH_SCALE_WORKERS > 1: that many worker processes); the devices are protocol-level clients (plain HTTP,
// no IndexedDB: bench/scale/load-clients.ts) in another process, so the figures are the server's.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../server/store/open-store';
import { loadThaiGeography } from '../../shared/geography/thai-geography';
import { seedProvince } from '../../server/testing/seed-province';
import { percentile } from '../support/percentile';
import { seedRecords } from '../support/seed-records';
import { makeRecords } from '../sync/fixtures';
import type { LoadPlan, LoadReport } from './load-clients';

const DEVICE_COUNTS = (process.env.BENCH_SCALE_DEVICES ?? '50,200,500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 30);
const RECORDS_PER_PROVINCE = Number(process.env.BENCH_SCALE_RECORDS ?? 10_000);
const THINK_MS = Number(process.env.BENCH_SCALE_THINK_MS ?? 1000);
const WORKERS = Number(process.env.BENCH_SCALE_WORKERS ?? 1);
const FIRST_PULL_SHARE = 0.1;
// The country's 77 provinces by default: 1,000 devices are about 13 to a province, and a device pulls what the
// others of its province push, so devices per province sets the fan-out. BENCH_SCALE_PROVINCES=5 gives the
// earlier stress run (every device in one of five provinces: 100 to a province at 500 devices).
const PROVINCE_COUNT = Number(process.env.BENCH_SCALE_PROVINCES ?? 77);
const root = path.resolve(import.meta.dirname, '../..');
const log = (message: string) => console.error(`[bench scale] ${message}`);

function startServerProcess(url: string, schema: string): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  // BENCH_SCALE_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server alone.
  const nodeArgs = (process.env.BENCH_SCALE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'bench/support/server-process.ts'), url, schema, String(WORKERS)], { cwd: root });
  child.stderr.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function runClients(plan: LoadPlan): Promise<LoadReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/scale/load-clients.ts')], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(plan));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadReport) : reject(new Error(`clients exited ${code}`))));
  });
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/** `count` provinces spread evenly over the country's codes (all 77 by default). */
async function pickProvinces(count: number): Promise<string[]> {
  const codes = (await loadThaiGeography()).provinces.map((p) => p.code).sort();
  const step = codes.length / Math.min(count, codes.length);
  return Array.from({ length: Math.min(count, codes.length) }, (_, i) => codes[Math.floor(i * step)]!);
}

async function measure(url: string, devices: number, provinces: readonly string[]): Promise<{ metrics: Array<{ name: string; value: number; unit: string; target?: string }>; notes: Record<string, unknown> }> {
  const schema = `pd_scale_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const store = await openStore({ kind: 'postgres', url, schema });
  // Device i works in province i mod P, as the province's editor or coordinator (an office's laptops share accounts).
  const accounts: Array<Array<LoadPlan['devices'][number]>> = [];
  try {
    for (const provinceCode of provinces.slice(0, devices)) {
      const province = await seedProvince(store, { provinceCode });
      await seedRecords(store, makeRecords(RECORDS_PER_PROVINCE, provinceCode, province.districtCode));
      accounts.push([province.editor, province.coordinator].map((user) => ({ ...user, provinceCode })));
    }
    // The measured window should see a settled database, not the bulk load's after-effects: first reads of
    // fresh rows setting hint bits, a checkpoint flushing the load, autovacuum's first pass.
    await store.sql.query('VACUUM ANALYZE');
    await store.sql.query('CHECKPOINT');
  } finally {
    await store.close();
  }
  const server = await startServerProcess(url, schema);
  try {
    log(`${devices} devices for ${SECONDS} s (think ${THINK_MS} ms, ${WORKERS} server process(es)) …`);
    const report = await runClients({
      serverUrl: server.url,
      devices: Array.from({ length: devices }, (_, i) => accounts[i % accounts.length]![Math.floor(i / accounts.length) % 2]!),
      durationMs: SECONDS * 1000,
      firstPullShare: FIRST_PULL_SHARE,
      mutationsPerPush: 20,
      thinkMs: THINK_MS,
      pullLimit: 2000,
    });
    const name = `devices${devices}`;
    const requests = report.push.length + report.pull.length;
    const figures = {
      push: { p50: percentile(report.push, 50), p95: percentile(report.push, 95), p99: percentile(report.push, 99), count: report.push.length },
      pull: { p50: percentile(report.pull, 50), p95: percentile(report.pull, 95), p99: percentile(report.pull, 99), count: report.pull.length },
    };
    log(`  push p50/p95/p99 ${figures.push.p50.toFixed(0)}/${figures.push.p95.toFixed(0)}/${figures.push.p99.toFixed(0)} ms (${figures.push.count}); pull ${figures.pull.p50.toFixed(0)}/${figures.pull.p95.toFixed(0)}/${figures.pull.p99.toFixed(0)} ms (${figures.pull.count}); ${report.errors} errors`);
    if (report.errorSamples.length > 0) log(`  errors: ${report.errorSamples.join(' | ')}`);
    return {
      metrics: [
        { name: `${name}_push_p95_ms`, value: Math.round(figures.push.p95), unit: 'ms', target: devices >= 500 ? '< 1500' : devices >= 200 ? '< 500' : undefined },
        { name: `${name}_pull_p95_ms`, value: Math.round(figures.pull.p95), unit: 'ms', target: devices >= 500 ? '< 1500' : devices >= 200 ? '< 500' : undefined },
        { name: `${name}_push_p99_ms`, value: Math.round(figures.push.p99), unit: 'ms' },
        { name: `${name}_pull_p99_ms`, value: Math.round(figures.pull.p99), unit: 'ms' },
        { name: `${name}_requests_per_s`, value: Math.round((requests / report.elapsedMs) * 1000), unit: 'requests/s' },
        { name: `${name}_errors`, value: report.errors, unit: 'count', target: '0' },
      ],
      notes: { [name]: { pushP50Ms: Math.round(figures.push.p50), pullP50Ms: Math.round(figures.pull.p50), pushes: figures.push.count, pulls: figures.pull.count, firstPullPages: report.firstPullPages, elapsedMs: report.elapsedMs, errorSamples: report.errorSamples } },
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await dropSchema(url, schema);
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const metrics: Array<{ name: string; value: number; unit: string; target?: string }> = [];
  const notes: Record<string, unknown> = {
    clients: 'protocol-level (plain HTTP, no IndexedDB), in a process of their own; the server in another',
    backend: 'postgres',
    serverProcesses: WORKERS,
    provinces: 'devicesN spread round-robin over min(N, provinces) provinces',
    recordsPerProvince: RECORDS_PER_PROVINCE,
    secondsPerRun: SECONDS,
    mutationsPerPush: 20,
    firstPullShare: FIRST_PULL_SHARE,
    thinkMsBetweenCycles: THINK_MS,
    cycle: 'push 20 mutations (new news items, a quarter edits of the device\'s own), then pull to the end; pause thinkMs × 0.5–1.5; again',
  };
  const provinces = await pickProvinces(PROVINCE_COUNT);
  notes.provinceCount = provinces.length;
  for (const devices of DEVICE_COUNTS) {
    const run = await measure(url, devices, provinces);
    metrics.push(...run.metrics);
    Object.assign(notes, run.notes);
  }
  const result = { name: 'scale', machine: '2 cores', date: new Date().toISOString(), metrics, notes };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/scale.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
