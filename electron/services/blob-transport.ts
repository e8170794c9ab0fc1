import {
  fail,
  ok,
  type BlobDownloadRequest,
  type BlobDownloadResult,
  type BlobServerError,
  type BlobStatusRequest,
  type BlobStatusResult,
  type BlobUploadRequest,
  type BlobUploadResult,
  type DeskResult,
} from '../../shared/ipc';
import { BLOB_RECEIVED_HEADER, SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { backoffDelay, DEFAULT_RETRY_POLICY, resolveServerUrl, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type RetryPolicy, type SyncTransportOptions } from './sync-transport';

/**
 * The binary half of the sync transport: HEAD/PUT/GET of attachment blobs (docs/sync-protocol.md,
 * "Blobs"), with the token and the server address that only main holds. Same address rules and retry
 * policy as SyncTransport. Retrying a PUT is safe: a chunk the server already stored makes the retry
 * answer 409 upload-offset-mismatch with `received`, and the renderer's blob sync resumes from there.
 */

export type BlobTransportOptions = Pick<SyncTransportOptions, 'getServerUrl' | 'getToken' | 'retry' | 'random' | 'sleep' | 'fetch' | 'logger'> & {
  /** Per request; a 1 MB chunk on a slow district line needs more than a JSON call. */
  timeoutMs?: number;
};

export const DEFAULT_BLOB_TIMEOUT_MS = 120_000;

const MESSAGES = {
  noServer: 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์ — No sync server address is set yet (Settings).',
  badServer: 'ที่อยู่เซิร์ฟเวอร์ต้องขึ้นต้นด้วย https:// — The sync server address must start with https://.',
  failed: (timedOut: boolean) =>
    timedOut
      ? 'เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนดระหว่างรับส่งไฟล์แนบ — The sync server did not answer in time while transferring an attachment.'
      : 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ระหว่างรับส่งไฟล์แนบ — Could not reach the sync server while transferring an attachment.',
};

type Answer = { status: number; headers: Headers; bytes: Uint8Array };
type Attempt = { kind: 'response'; answer: Answer } | { kind: 'error'; timedOut: boolean; detail: string };

export class BlobTransport {
  readonly #options: BlobTransportOptions;
  readonly #policy: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: BlobTransportOptions) {
    this.#options = options;
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#policy = { ...policy, maxAttempts: Math.max(1, Math.floor(policy.maxAttempts)) };
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async status(request: BlobStatusRequest): Promise<DeskResult<BlobStatusResult>> {
    const answer = await this.#call('HEAD', request.sha256, {});
    if (!answer.ok) return answer;
    const { status, headers } = answer.value;
    const size = numberHeader(headers, 'x-provincedesk-size');
    return ok({
      status,
      exists: status === 200,
      size: status === 200 ? size : null,
      received: numberHeader(headers, BLOB_RECEIVED_HEADER) ?? 0,
      total: numberHeader(headers, 'x-provincedesk-total'),
      // HEAD has no body: only the status tells what went wrong.
      error: status === 200 || status === 404 ? null : { code: `http-${status}`, message: `HTTP ${status}`, received: null },
    });
  }

  async upload(request: BlobUploadRequest): Promise<DeskResult<BlobUploadResult>> {
    const { sha256, offset, total, data } = request;
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (data.byteLength > 0) headers['Content-Range'] = `bytes ${offset}-${offset + data.byteLength - 1}/${total}`;
    const answer = await this.#call('PUT', sha256, headers, data);
    if (!answer.ok) return answer;
    const { status, bytes } = answer.value;
    const body = parseJson(bytes);
    const error = status >= 300 ? serverError(status, body) : null;
    return ok({
      status,
      complete: status === 200 && body?.complete === true,
      received: typeof body?.received === 'number' ? body.received : (error?.received ?? 0),
      size: typeof body?.size === 'number' ? body.size : null,
      error,
    });
  }

  async download(request: BlobDownloadRequest): Promise<DeskResult<BlobDownloadResult>> {
    const headers: Record<string, string> = {};
    if (request.start !== undefined) headers.Range = `bytes=${request.start}-${request.end ?? ''}`;
    const answer = await this.#call('GET', request.sha256, headers, undefined, request.timeoutMs);
    if (!answer.ok) return answer;
    const { status, headers: got, bytes } = answer.value;
    if (status === 200 || status === 206) {
      const range = /\/(\d+)$/.exec(got.get('content-range') ?? '');
      return ok({ status, data: bytes, total: range ? Number(range[1]) : status === 200 ? bytes.byteLength : null, error: null });
    }
    return ok({ status, data: null, total: null, error: serverError(status, parseJson(bytes)) });
  }

  async #call(method: 'HEAD' | 'PUT' | 'GET', sha256: string, extra: Record<string, string>, body?: Uint8Array, timeoutMs?: number): Promise<DeskResult<Answer>> {
    const serverUrl = await this.#options.getServerUrl();
    if (!serverUrl) return fail('network', MESSAGES.noServer);
    const url = resolveServerUrl(serverUrl, `/v1/blobs/${sha256}`);
    if (!url) return fail('invalid-argument', MESSAGES.badServer);
    const token = await this.#options.getToken();
    if (!token.ok) return token;
    const headers: Record<string, string> = { [SYNC_PROTOCOL_HEADER]: SYNC_PROTOCOL_VERSION, [SCHEMA_HEADER]: String(SCHEMA_VERSION), ...extra };
    if (token.value) headers.Authorization = `Bearer ${token.value}`;
    const timeout = timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS;

    let last: Attempt | undefined;
    for (let attempt = 1; attempt <= this.#policy.maxAttempts; attempt++) {
      last = await this.#attempt(url, method, headers, body, timeout);
      if (last.kind === 'response' && last.answer.status !== 429 && last.answer.status < 500) break;
      if (attempt === this.#policy.maxAttempts) break;
      await this.#sleep(backoffDelay(attempt - 1, this.#policy, this.#random));
    }
    if (last?.kind === 'response') return ok(last.answer);
    this.#options.logger?.warn(`sync: ${method} ${url.origin}${url.pathname} failed after ${this.#policy.maxAttempts} attempts: ${last?.detail ?? ''}`);
    return fail('network', MESSAGES.failed(last?.timedOut ?? false));
  }

  async #attempt(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | undefined, timeoutMs: number): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      // 'manual': a redirect is an answer, never a reason to send the token elsewhere.
      const response = await this.#fetch(url, { method, headers, body: body as Uint8Array<ArrayBuffer> | undefined, signal: controller.signal, redirect: 'manual' });
      // Read inside the timeout: a server that stalls mid-body is a timeout.
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { kind: 'response', answer: { status: response.status, headers: response.headers, bytes } };
    } catch (error) {
      return { kind: 'error', timedOut, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function numberHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function parseJson(bytes: Uint8Array): Record<string, unknown> | null {
  if (bytes.byteLength === 0) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function serverError(status: number, body: Record<string, unknown> | null): BlobServerError {
  return {
    code: typeof body?.error === 'string' ? body.error : `http-${status}`,
    message: typeof body?.message === 'string' ? body.message : `HTTP ${status}`,
    received: typeof body?.received === 'number' ? body.received : null,
  };
}
