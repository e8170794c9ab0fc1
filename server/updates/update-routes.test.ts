import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { parseByteRange, publishUpdate } from './update-files';

let server: ProvinceDeskServer;
let updatesDir: string;
const installer = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

beforeAll(async () => {
  const release = await mkdtemp(path.join(tmpdir(), 'pd-release-'));
  updatesDir = await mkdtemp(path.join(tmpdir(), 'pd-updates-'));
  await writeFile(path.join(release, 'ProvinceDesk Setup 0.2.0.exe'), installer);
  await writeFile(path.join(release, 'ProvinceDesk Setup 0.2.0.exe.blockmap'), 'blockmap');
  await writeFile(path.join(release, 'latest.yml'), 'version: 0.2.0\npath: ProvinceDesk Setup 0.2.0.exe\n');
  await writeFile(path.join(release, 'builder-debug.yml'), 'not published');
  expect(await publishUpdate(release, updatesDir)).toEqual(['ProvinceDesk Setup 0.2.0.exe', 'ProvinceDesk Setup 0.2.0.exe.blockmap', 'latest.yml']);
  server = await createServer({ store: { kind: 'pglite' }, updatesDir });
});

afterAll(async () => {
  await server.close();
});

describe('update feed', () => {
  it('publishes only update files, manifests last, leaving no partial files', async () => {
    expect((await readdir(updatesDir)).sort()).toEqual(['ProvinceDesk Setup 0.2.0.exe', 'ProvinceDesk Setup 0.2.0.exe.blockmap', 'latest.yml']);
    expect(await readFile(path.join(updatesDir, 'latest.yml'), 'utf8')).toContain('version: 0.2.0');
  });

  it('refuses a release folder without a manifest', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'pd-release-'));
    await expect(publishUpdate(empty, updatesDir)).rejects.toThrow('no latest*.yml');
  });

  it('serves the manifest without the sync protocol headers, never cached', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/updates/latest.yml' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('version: 0.2.0');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves installers whole and by range, for differential downloads', async () => {
    const whole = await server.app.inject({ method: 'GET', url: `/updates/${encodeURIComponent('ProvinceDesk Setup 0.2.0.exe')}` });
    expect(whole.statusCode).toBe(200);
    expect(Buffer.compare(whole.rawPayload, installer)).toBe(0);

    const part = await server.app.inject({ method: 'GET', url: `/updates/${encodeURIComponent('ProvinceDesk Setup 0.2.0.exe')}`, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${installer.length}`);
    expect(Buffer.compare(part.rawPayload, installer.subarray(100, 200))).toBe(0);

    const beyond = await server.app.inject({ method: 'GET', url: `/updates/${encodeURIComponent('ProvinceDesk Setup 0.2.0.exe')}`, headers: { range: 'bytes=9000-' } });
    expect(beyond.statusCode).toBe(416);
  });

  it('serves nothing outside the published update files', async () => {
    for (const url of ['/updates/builder-debug.yml', '/updates/..%2Fpackage.json', '/updates/%2e%2e%2fetc%2fpasswd', '/updates/notes.txt']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('parses byte ranges', () => {
    expect(parseByteRange(undefined, 10)).toBeUndefined();
    expect(parseByteRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(parseByteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange('bytes=10-', 10)).toBe('invalid');
    expect(parseByteRange('bytes=4-2', 10)).toBe('invalid');
    expect(parseByteRange('items=0-1', 10)).toBe('invalid');
  });
});
