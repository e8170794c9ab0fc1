import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { withCspHeader } from './content-security-policy';

/**
 * The renderer is served from `app://provincedesk/…`, a privileged custom scheme, instead of
 * file://: a file:// page can read any file:// URL, gets no response headers (so no CSP header)
 * and has an opaque origin that IPC and navigation checks cannot tell apart from other local
 * files. Electron security checklist 18 (prefer custom protocols over file://):
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'provincedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged (Electron's `Privileges`, structurally). */
export interface AppSchemePrivileges {
  standard: boolean;
  secure: boolean;
  bypassCSP: boolean;
  supportFetchAPI: boolean;
  corsEnabled: boolean;
  allowServiceWorkers: boolean;
  stream: boolean;
  codeCache: boolean;
}

export const APP_SCHEME_PRIVILEGES: AppSchemePrivileges = {
  // standard: real origins and relative URLs (Vite's base './' assets resolve), IndexedDB and
  // localStorage keyed by app://provincedesk.
  standard: true,
  // secure: a secure context, like https (crypto.subtle, no mixed-content exceptions).
  secure: true,
  // The CSP header we send must apply: never bypass it.
  bypassCSP: false,
  supportFetchAPI: true,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
  codeCache: true,
};

/** True for a URL of the app itself, or of the dev server when one is in use. */
export function isAppUrl(url: string | undefined | null, devServerOrigin?: string | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) {
    // Node parses app:// as a non-special scheme (origin "null"), so compare the parts.
    return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  }
  return Boolean(devServerOrigin) && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === devServerOrigin;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of the Vite dev server from PROVINCEDESK_DEV_URL, or null. Only a loopback
 * http(s) address is accepted: the origin it returns is trusted with the whole desk API.
 */
export function parseDevServerUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Links the renderer may hand to the OS browser (shell.openExternal): https only, so a link
 * can never launch file:, smb:, a custom protocol handler or a local program.
 * Electron security checklist 15.
 */
export function isExternalHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export type AssetResolution =
  | { kind: 'file'; path: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; reason: string };

// `..` as a path segment, literal or percent-encoded, with / or \ (or their encodings) around it.
const DOT_DOT_SEGMENT = /(^|[/\\]|%2f|%5c)(\.|%2e){2}($|[/\\]|%2f|%5c)/i;

/**
 * Maps an app:// URL to a file inside `rendererRoot` (dist/renderer). Anything that could
 * leave the folder is refused, even though Chromium canonicalises URLs of a standard scheme
 * before they reach the handler: this is the last check before the disk. A path without an
 * extension that is not a file is a client-side route, answered with index.html.
 */
export async function resolveAppAssetPath(rendererRoot: string, requestUrl: string): Promise<AssetResolution> {
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (DOT_DOT_SEGMENT.test(rawPath)) return { kind: 'forbidden', reason: 'dot-dot segment' };

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden', reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || !isAppUrl(url.href)) return { kind: 'forbidden', reason: 'not the app origin' };

  const rawSegments = url.pathname === '' ? [] : url.pathname.replace(/^\//, '').split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    if (raw === '') {
      if (index === rawSegments.length - 1) continue; // trailing slash
      return { kind: 'forbidden', reason: 'empty segment' };
    }
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'forbidden', reason: 'bad percent-encoding' };
    }
    // Encoded separators, dot segments, NUL, and ':' (Windows drive letters and NTFS streams).
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { kind: 'forbidden', reason: 'unsafe segment' };
    }
    segments.push(segment);
  }

  const root = path.resolve(rendererRoot);
  const indexHtml = path.join(root, 'index.html');
  const candidate = path.resolve(root, ...segments);
  const relative = path.relative(root, candidate);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { kind: 'forbidden', reason: 'outside the renderer folder' };
  }

  if (segments.length > 0 && (await isFile(candidate))) return { kind: 'file', path: candidate };
  const last = segments.at(-1) ?? '';
  if (path.extname(last) === '' && (await isFile(indexHtml))) return { kind: 'file', path: indexHtml };
  return { kind: 'not-found' };
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The whole app:// handler as a function of (folder, request) → Response, so main only does
 * `protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request))`.
 */
export async function serveAppRequest(rendererRoot: string, request: { method: string; url: string }): Promise<Response> {
  const baseHeaders = withCspHeader({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...baseHeaders, Allow: 'GET, HEAD' } });
  }
  const resolution = await resolveAppAssetPath(rendererRoot, request.url);
  if (resolution.kind === 'forbidden') return new Response('Forbidden', { status: 403, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (resolution.kind === 'not-found') return new Response('Not found', { status: 404, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
  const data = await readFile(resolution.path);
  const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(resolution.path), 'Content-Length': String(data.byteLength) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
}
