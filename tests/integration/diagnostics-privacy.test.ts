// Issue 14: nothing personal in the logs or the diagnostics bundle. The example data's people and partner
// contacts are pushed through main's real services while everything that can go wrong does (the server fails
// and echoes the request, the network is gone, a desk call is refused, a handler throws with a record in its
// message, a file named after a person cannot be written); then the bundle support would get is unzipped and
// searched for every personal value of the example data, in every way it could be written.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppLog } from '../../electron/services/app-logger';
import { buildDiagnosticsZip, collectSystemInfo } from '../../electron/services/diagnostics';
import { saveFileTo } from '../../electron/services/file-service';
import { handleDeskCall, type DeskHandlers } from '../../electron/services/ipc-guard';
import { SyncTransport } from '../../electron/services/sync-transport';
import { SAMPLE_PARTNER_CONTACTS } from '../../renderer/app/sample-data/load-sample-data';
import { samplePeople } from '../../renderer/app/sample-data/sample-people';
import { DEFAULT_SETTINGS, ok } from '../../shared/ipc';
import { formatNationalId } from '../../shared/thai/national-id';
import { formatPhone } from '../../shared/thai/phone-number';

const people = [0, 1, 2].flatMap((centre) => samplePeople(centre, centre === 2 ? 7 : 9));

/** Every personal value of the example data, in each form it could be written. */
function personalValues(): string[] {
  const values = new Set<string>();
  const add = (v: string | null | undefined) => {
    if (v) values.add(v);
  };
  for (const p of people) {
    add(`${p.firstName} ${p.lastName}`);
    add(`${p.title}${p.firstName}`);
    add(p.lastName.length >= 4 ? p.lastName : null);
    add(p.phone);
    add(formatPhone(p.phone));
    add(p.nationalId);
    add(formatNationalId(p.nationalId));
    add(p.lineId);
    add(p.email);
  }
  for (const c of SAMPLE_PARTNER_CONTACTS) {
    add(c.name);
    add(c.phone);
    add(formatPhone(c.phone));
    add(c.email);
  }
  return [...values];
}

let dir: string;
let server: Server;
let serverUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pd-diagnostics-privacy-'));
  // A failing server that echoes what it was sent, the worst a server error message could do.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal', message: `could not store ${body}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('logs and the diagnostics bundle', () => {
  it('carry none of the example data’s personal values', async () => {
    const appLog = createAppLog({ directory: path.join(dir, 'logs'), homeDir: dir });
    const { logger } = appLog;
    const records = people.map((p, i) => ({ id: `member-${i}`, ...p }));
    const body = { mutations: records.map((r) => ({ id: `d:${r.id}`, table: 'members', recordId: r.id, changes: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { value: v }])) })) };

    const noWait = { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, sleep: async () => undefined };
    const failing = new SyncTransport({ getServerUrl: async () => serverUrl, getToken: async () => ok('token-of-this-device'), logger, ...noWait });
    expect((await failing.request({ method: 'POST', path: '/v1/sync/push', body })).ok).toBe(true);
    const offline = new SyncTransport({ getServerUrl: async () => 'http://127.0.0.1:9', getToken: async () => ok('token-of-this-device'), logger, ...noWait });
    expect((await offline.request({ method: 'POST', path: '/v1/sync/push', body })).ok).toBe(false);

    const handlers = {
      syncRequest: async () => {
        throw new Error(`push failed for ${JSON.stringify(records.slice(0, 5))}`);
      },
      saveFile: async () => saveFileTo(path.join(dir, 'no-such-folder', `ทำเนียบ-${people[0]!.firstName}-${people[0]!.lastName}.xlsx`), new Uint8Array([1])),
    } as unknown as DeskHandlers;
    const trusted = { devServerOrigin: null, logger };
    await handleDeskCall('syncRequest', 'app://provincedesk/index.html', { method: 'POST', path: '/v1/sync/push', body }, handlers, trusted);
    await handleDeskCall('syncRequest', 'app://provincedesk/index.html', { method: 'POST', path: 'not a path', body }, handlers, trusted);
    await handleDeskCall('saveFile', 'app://provincedesk/index.html', { suggestedName: 'x.xlsx', filters: [], data: 'x' }, handlers, trusted);
    logger.info('sync: done');
    // electron-log writes asynchronously: wait until the last line is on disk.
    await expect.poll(async () => (await readFile(appLog.files()[0]!, 'utf8').catch(() => '')).includes('sync: done')).toBe(true);

    const zip = await JSZip.loadAsync(
      await buildDiagnosticsZip({ logFiles: appLog.files(), system: collectSystemInfo({ name: 'ProvinceDesk', version: '0.1.0', packaged: false }), settings: DEFAULT_SETTINGS, homeDir: dir }),
    );
    const texts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    const all = texts.join('\n');
    // The failures are there for support, by what happened and where.
    expect(all).toMatch(/sync: POST \S+\/v1\/sync\/push failed/);
    expect(all).toContain('desk: syncRequest failed');
    const leaked = personalValues().filter((value) => all.includes(value) || all.replace(/[- ]/g, '').includes(value.replace(/[- ]/g, '')));
    expect(leaked).toEqual([]);
  });
});
