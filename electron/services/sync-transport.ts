import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { fail, ok, type DeskResult, type SyncHttpRequest, type SyncHttpResponse } from '../../shared/ipc';

/**
 * The HTTP client behind the desk API's syncRequest. Main holds the server address (settings)
 * and the token (CredentialsStore), so neither ever reaches the renderer, and the renderer's
 * CSP can keep connect-src 'self'.
 *
 * Retries: network errors, timeouts, 5xx and 429, with exponential backoff and full jitter
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/), so fifty
 * laptops coming back online at once do not hit the server in step. Retrying a POST is safe:
 * a push is idempotent, keyed by client mutation id (DESIGN.md, "Sync protocol").
 * Other 4xx are answers, not failures: they go back to the sync agent as they are.
 */

export const SYNC_PROTOCOL_HEADER = 'X-ProvinceDesk-Protocol';
export const SYNC_PROTOCOL_VERSION = '1';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 15_000 };
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface SyncTransportOptions {
  getServerUrl: () => Promise<string | null> | string | null;
  getToken: () => Promise<DeskResult<string | null>>;
  retry?: Partial<RetryPolicy>;
  defaultTimeoutMs?: number;
  /** Injected in tests: a fixed random makes the jitter predictable, a recording sleep fast. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  logger?: { warn(message: string): void };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `${serverUrl}${path}` as a URL, or null when it is not one main may send the token to:
 * https, or plain http to this computer only (a development server); and the path must stay
 * under /v1/ once `..` and `%2e%2e` are resolved.
 */
export function resolveServerUrl(serverUrl: string, requestPath: string): URL | null {
  let base: URL;
  try {
    base = new URL(serverUrl);
  } catch {
    return null;
  }
  const secure = base.protocol === 'https:' || (base.protocol === 'http:' && LOOPBACK_HOSTS.has(base.hostname));
  if (!secure || base.username || base.password || base.search || base.hash) return null;
  const prefix = base.pathname.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${base.origin}${prefix}${requestPath}`);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/v1/`)) return null;
  return url;
}

/** Full jitter: a random delay between 0 and min(cap, base · 2^retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Retry-After in milliseconds (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

const MESSAGES = {
  noServer: 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์ — No sync server address is set yet (Settings).',
  badServer: 'ที่อยู่เซิร์ฟเวอร์ต้องขึ้นต้นด้วย https:// — The sync server address must start with https://.',
  timeout: (attempts: number) =>
    `เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนด — The sync server did not answer in time (${attempts} ${attempts === 1 ? 'try' : 'tries'}).`,
  unreachable: (attempts: number) =>
    `เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบการเชื่อมต่ออินเทอร์เน็ต — Could not reach the sync server (${attempts} ${attempts === 1 ? 'try' : 'tries'}); check the network connection.`,
};

/** One HTTP exchange as main makes it for the renderer: JSON calls and attachment bytes alike. */
export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  /** Under /v1/ of the server address. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
}

export interface ExchangeAnswer {
  status: number;
  header(name: string): string | null;
  bytes: Uint8Array;
}

type Attempt = { kind: 'response'; answer: ExchangeAnswer; retryAfterMs: number | null } | { kind: 'error'; timedOut: boolean; detail: string };

export class SyncTransport {
  readonly #options: SyncTransportOptions;
  readonly #policy: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: SyncTransportOptions) {
    this.#options = options;
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#policy = { ...policy, maxAttempts: Math.max(1, Math.floor(policy.maxAttempts)) };
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The desk API's syncRequest: a JSON body out, the JSON (or text) answer back. */
  async request(request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>> {
    if (request.method === 'GET' && request.body !== undefined) {
      return fail('invalid-argument', 'คำขอ GET มีเนื้อหาไม่ได้ — A GET request cannot have a body.');
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(request.body);
    }
    const answer = await this.exchange({ method: request.method, path: request.path, headers, body, timeoutMs: request.timeoutMs });
    // An HTTP answer, even a 5xx after the last retry, goes back as an answer: the sync agent
    // reads the status and the server's error body.
    return answer.ok ? ok({ status: answer.value.status, body: parseBody(answer.value.bytes) }) : answer;
  }

  /**
   * Sends to the configured server with the token and protocol headers, retrying as the class comment
   * says; an HTTP answer of any status is returned as it came.
   */
  async exchange(request: ExchangeRequest): Promise<DeskResult<ExchangeAnswer>> {
    const serverUrl = await this.#options.getServerUrl();
    if (!serverUrl) return fail('network', MESSAGES.noServer);
    const url = resolveServerUrl(serverUrl, request.path);
    if (!url) return fail('invalid-argument', MESSAGES.badServer);
    const token = await this.#options.getToken();
    if (!token.ok) return token;

    const headers: Record<string, string> = { [SYNC_PROTOCOL_HEADER]: SYNC_PROTOCOL_VERSION, [SCHEMA_HEADER]: String(SCHEMA_VERSION), ...request.headers };
    if (token.value) headers.Authorization = `Bearer ${token.value}`;
    const timeoutMs = request.timeoutMs ?? this.#options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;

    let last: Attempt | undefined;
    for (let attempt = 1; attempt <= this.#policy.maxAttempts; attempt++) {
      last = await this.#attempt(url, request.method, headers, request.body, timeoutMs);
      if (last.kind === 'response' && !isRetryableStatus(last.answer.status)) break;
      if (attempt === this.#policy.maxAttempts) break;
      const jitter = backoffDelay(attempt - 1, this.#policy, this.#random);
      const serverAsked = last.kind === 'response' ? last.retryAfterMs : null;
      await this.#sleep(serverAsked === null ? jitter : Math.min(this.#policy.maxDelayMs, Math.max(serverAsked, jitter)));
    }
    if (!last) return fail('network', MESSAGES.unreachable(0)); // maxAttempts ≥ 1: not reached
    if (last.kind === 'response') return ok(last.answer);
    const attempts = this.#policy.maxAttempts;
    this.#options.logger?.warn(`sync: ${request.method} ${withoutQuery(url)} failed after ${attempts} attempts: ${last.detail}`);
    return fail('network', last.timedOut ? MESSAGES.timeout(attempts) : MESSAGES.unreachable(attempts));
  }

  async #attempt(url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined, timeoutMs: number): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      // fetch asks for and undoes gzip/deflate itself. 'manual': a redirect is an answer for
      // the sync agent, never a reason to send the token to another address.
      const response = await this.#fetch(url, { method, headers, body: body as string | Uint8Array<ArrayBuffer> | undefined, signal: controller.signal, redirect: 'manual' });
      const retryAfterMs = isRetryableStatus(response.status) ? parseRetryAfter(response.headers.get('retry-after')) : null;
      // The body is read inside the timeout too: a server that stalls mid-body is a timeout.
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { kind: 'response', answer: { status: response.status, header: (name) => response.headers.get(name), bytes }, retryAfterMs };
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
      return { kind: 'error', timedOut, detail: `${error instanceof Error ? error.message : String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}` };
    } finally {
      clearTimeout(timer);
    }
  }
}

function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** JSON when it parses, the text otherwise, null when empty. */
function parseBody(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
