import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  isAppUrl,
  isExternalHttpsUrl,
  parseDevServerUrl,
  resolveAppAssetPath,
  serveAppRequest,
} from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'provincedesk-app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>ProvinceDesk</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("ข่าว")');
  await writeFile(path.join(root, 'assets', 'ข่าว 1.png'), new Uint8Array([137, 80, 78, 71]));
  // A secret beside the renderer folder, and a sibling folder whose name starts like it.
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppAssetPath', () => {
  it('maps app URLs to files in the renderer folder', async () => {
    expect(await resolveAppAssetPath(root, APP_ENTRY_URL)).toEqual({ kind: 'file', path: path.join(root, 'index.html') });
    expect(await resolveAppAssetPath(root, 'app://provincedesk/assets/app.js?v=1#x')).toEqual({ kind: 'file', path: path.join(root, 'assets', 'app.js') });
    expect(await resolveAppAssetPath(root, `app://provincedesk/assets/${encodeURIComponent('ข่าว 1.png')}`)).toEqual({
      kind: 'file',
      path: path.join(root, 'assets', 'ข่าว 1.png'),
    });
  });

  it('answers client-side routes (no extension) and the bare origin with index.html', async () => {
    const index = { kind: 'file', path: path.join(root, 'index.html') };
    expect(await resolveAppAssetPath(root, 'app://provincedesk/')).toEqual(index);
    expect(await resolveAppAssetPath(root, 'app://provincedesk')).toEqual(index);
    expect(await resolveAppAssetPath(root, 'app://provincedesk/calendar/2565/8')).toEqual(index);
    expect(await resolveAppAssetPath(root, 'app://provincedesk/news/')).toEqual(index);
  });

  it('answers not-found for a missing file with an extension', async () => {
    expect(await resolveAppAssetPath(root, 'app://provincedesk/assets/missing.js')).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['literal ..', 'app://provincedesk/../secret.txt'],
    ['nested ..', 'app://provincedesk/assets/../../secret.txt'],
    ['encoded dots', 'app://provincedesk/%2e%2e/secret.txt'],
    ['upper-case encoded dots', 'app://provincedesk/%2E%2E/secret.txt'],
    ['mixed encoded dots', 'app://provincedesk/.%2e/secret.txt'],
    ['encoded slash', 'app://provincedesk/..%2fsecret.txt'],
    ['encoded backslash', 'app://provincedesk/assets%5c..%5c..%5csecret.txt'],
    ['backslash', 'app://provincedesk/..\\secret.txt'],
    ['sibling folder with the same prefix', 'app://provincedesk/..%2frenderer-evil%2fx.js'],
    ['absolute path in a segment', `app://provincedesk/${encodeURIComponent('/etc/passwd')}`],
    ['double slash', 'app://provincedesk//etc/passwd'],
    ['windows drive', 'app://provincedesk/C:%5cWindows%5cwin.ini'],
    ['NUL byte', 'app://provincedesk/index.html%00.png'],
    ['bad percent-encoding', 'app://provincedesk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://provincedesk:8080/index.html'],
    ['credentials', 'app://user@provincedesk/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://provincedesk/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', async (_name, url) => {
    const result = await resolveAppAssetPath(root, url);
    expect(result.kind).toBe('forbidden');
  });
});

describe('contentTypeFor', () => {
  it('knows the types a Vite build emits, whatever the case', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/assets/sarabun-thai-400.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/photo.JPG')).toBe('image/jpeg');
  });

  it('falls back to a type the browser will not sniff into script', () => {
    expect(contentTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/README')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(root, { method: 'GET', url: APP_ENTRY_URL });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ProvinceDesk</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await serveAppRequest(root, { method: 'HEAD', url: 'app://provincedesk/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('console.log("ข่าว")')));
    expect(await response.text()).toBe('');
  });

  it('answers 403 for traversal, 404 for a missing asset and 405 for other methods, all with the CSP', async () => {
    const forbidden = await serveAppRequest(root, { method: 'GET', url: 'app://provincedesk/%2e%2e/secret.txt' });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain('secret');
    const missing = await serveAppRequest(root, { method: 'GET', url: 'app://provincedesk/missing.js' });
    expect(missing.status).toBe(404);
    const post = await serveAppRequest(root, { method: 'POST', url: APP_ENTRY_URL });
    expect(post.status).toBe(405);
    for (const response of [forbidden, missing, post]) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('the app origin', () => {
  it('registers a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.corsEnabled).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false);
  });

  it('recognises app URLs and, only when given, the dev server origin', () => {
    expect(isAppUrl('app://provincedesk/index.html')).toBe(true);
    expect(isAppUrl('app://provincedesk/news/123?x=1')).toBe(true);
    expect(isAppUrl('app://provincedesk.evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil@provincedesk/')).toBe(false);
    expect(isAppUrl('app://provincedesk:1/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('accepts only a loopback dev server', () => {
    expect(parseDevServerUrl('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5173/some/path')).toBe('http://127.0.0.1:5173');
    expect(parseDevServerUrl('http://[::1]:5173')).toBe('http://[::1]:5173');
    expect(parseDevServerUrl('http://192.168.1.10:5173')).toBeNull();
    expect(parseDevServerUrl('https://example.com')).toBeNull();
    expect(parseDevServerUrl('file:///tmp/index.html')).toBeNull();
    expect(parseDevServerUrl('http://user:pw@localhost:5173')).toBeNull();
    expect(parseDevServerUrl('')).toBeNull();
    expect(parseDevServerUrl(undefined)).toBeNull();
  });

  it('opens only https links in the OS browser', () => {
    expect(isExternalHttpsUrl('https://www.ect.go.th/')).toBe(true);
    expect(isExternalHttpsUrl('http://www.ect.go.th/')).toBe(false);
    expect(isExternalHttpsUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalHttpsUrl('smb://server/share')).toBe(false);
    expect(isExternalHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalHttpsUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isExternalHttpsUrl('https://user:pw@example.com/')).toBe(false);
    expect(isExternalHttpsUrl('not a url')).toBe(false);
  });
});
