import type {
  BlobDownloadRequest,
  BlobDownloadResult,
  BlobServerError,
  BlobStatusRequest,
  BlobStatusResult,
  BlobUploadRequest,
  BlobUploadResult,
  DeskApi,
} from '../../shared/ipc/desk-api';
import { fail, ok, type DeskResult } from '../../shared/ipc/desk-result';
import { BLOB_RECEIVED_HEADER } from '../../shared/sync/protocol';
import { PROTOCOL_HEADERS, TOKEN_KEY } from './web-sync-request';

export type BlobTransfer = Pick<DeskApi, 'blobStatus' | 'blobUpload' | 'blobDownload'>;

export interface FetchBlobTransferOptions {
  getServerUrl: () => string | null;
  getToken: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Answer = { status: number; headers: Headers; bytes: Uint8Array };

/**
 * The browser shell's stand-in for main's BlobTransport: the same desk methods over plain fetch, no
 * retries (the blob sync retries on the next sync). Also what the integration tests use against a real server.
 */
export function createFetchBlobTransfer(options: FetchBlobTransferOptions): BlobTransfer {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  const call = async (method: 'HEAD' | 'PUT' | 'GET', sha256: string, headers: Record<string, string>, body?: Uint8Array, timeoutMs?: number): Promise<DeskResult<Answer>> => {
    const serverUrl = options.getServerUrl();
    if (!serverUrl) return fail('network', 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs ?? options.timeoutMs ?? 120_000);
    try {
      const token = options.getToken();
      const response = await doFetch(new URL(`v1/blobs/${sha256}`, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`), {
        method,
        headers: { ...PROTOCOL_HEADERS, ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body as Uint8Array<ArrayBuffer> | undefined,
        signal: controller.signal,
      });
      return ok({ status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) });
    } catch (error) {
      return fail('network', controller.signal.aborted ? 'เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด' : `ติดต่อเซิร์ฟเวอร์ไม่ได้: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async blobStatus(request: BlobStatusRequest): Promise<DeskResult<BlobStatusResult>> {
      const answer = await call('HEAD', request.sha256, {});
      if (!answer.ok) return answer;
      const { status, headers } = answer.value;
      return ok({
        status,
        exists: status === 200,
        size: status === 200 ? numberHeader(headers, 'x-provincedesk-size') : null,
        received: numberHeader(headers, BLOB_RECEIVED_HEADER) ?? 0,
        total: numberHeader(headers, 'x-provincedesk-total'),
        error: status === 200 || status === 404 ? null : { code: `http-${status}`, message: `HTTP ${status}`, received: null },
      });
    },

    async blobUpload(request: BlobUploadRequest): Promise<DeskResult<BlobUploadResult>> {
      const { sha256, offset, total, data } = request;
      const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
      if (data.byteLength > 0) headers['Content-Range'] = `bytes ${offset}-${offset + data.byteLength - 1}/${total}`;
      const answer = await call('PUT', sha256, headers, data);
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
    },

    async blobDownload(request: BlobDownloadRequest): Promise<DeskResult<BlobDownloadResult>> {
      const headers: Record<string, string> = {};
      if (request.start !== undefined) headers.Range = `bytes=${request.start}-${request.end ?? ''}`;
      const answer = await call('GET', request.sha256, headers, undefined, request.timeoutMs);
      if (!answer.ok) return answer;
      const { status, headers: got, bytes } = answer.value;
      if (status === 200 || status === 206) {
        const range = /\/(\d+)$/.exec(got.get('content-range') ?? '');
        return ok({ status, data: bytes, total: range ? Number(range[1]) : status === 200 ? bytes.byteLength : null, error: null });
      }
      return ok({ status, data: null, total: null, error: serverError(status, parseJson(bytes)) });
    },
  };
}

/** The browser shell's blob transfer: the token lives in localStorage, like webSyncRequest's. */
export function createWebBlobTransfer(getServerUrl: () => string | null): BlobTransfer {
  return createFetchBlobTransfer({ getServerUrl, getToken: () => localStorage.getItem(TOKEN_KEY) });
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
