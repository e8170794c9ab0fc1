import type { BlobDownloadResult, BlobStatusResult, BlobUploadResult, DeskApi } from '../../shared/ipc/desk-api';
import { fail, ok, type DeskResult } from '../../shared/ipc/desk-result';
import {
  blobDownloadFromAnswer,
  blobDownloadHeaders,
  blobPath,
  blobStatusFromAnswer,
  blobUploadFromAnswer,
  blobUploadHeaders,
  type BlobAnswer,
} from '../../shared/sync/blob-answers';
import { PROTOCOL_HEADERS, TOKEN_KEY } from './web-sync-request';

const TIMED_OUT = 'เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด';

export type BlobTransfer = Pick<DeskApi, 'blobStatus' | 'blobUpload' | 'blobDownload'>;

export interface FetchBlobTransferOptions {
  getServerUrl: () => string | null;
  getToken: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * The browser shell's stand-in for main's BlobTransport: the same desk methods over plain fetch, no
 * retries (the blob sync retries on the next sync). Also what the integration tests use against a real server.
 */
export function createFetchBlobTransfer(options: FetchBlobTransferOptions): BlobTransfer {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  // A read that fails before any answer (a kept-alive socket the server just closed, a connect that
  // timed out on a busy machine) is tried once more: it changes nothing on the server.
  const call = async (method: 'HEAD' | 'PUT' | 'GET', sha256: string, headers: Record<string, string>, body?: Uint8Array, timeoutMs?: number): Promise<DeskResult<BlobAnswer>> => {
    const first = await callOnce(method, sha256, headers, body, timeoutMs);
    if (first.ok || method === 'PUT' || first.error.message === TIMED_OUT) return first;
    return callOnce(method, sha256, headers, body, timeoutMs);
  };

  const callOnce = async (method: 'HEAD' | 'PUT' | 'GET', sha256: string, headers: Record<string, string>, body?: Uint8Array, timeoutMs?: number): Promise<DeskResult<BlobAnswer>> => {
    const serverUrl = options.getServerUrl();
    if (!serverUrl) return fail('network', 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs ?? options.timeoutMs ?? 120_000);
    try {
      const token = options.getToken();
      const response = await doFetch(new URL(blobPath(sha256).slice(1), serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`), {
        method,
        headers: { ...PROTOCOL_HEADERS, ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body as Uint8Array<ArrayBuffer> | undefined,
        signal: controller.signal,
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return ok({ status: response.status, header: (name) => response.headers.get(name), bytes });
    } catch (error) {
      return fail('network', controller.signal.aborted ? TIMED_OUT : `ติดต่อเซิร์ฟเวอร์ไม่ได้: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async blobStatus(request): Promise<DeskResult<BlobStatusResult>> {
      const answer = await call('HEAD', request.sha256, {});
      return answer.ok ? ok(blobStatusFromAnswer(answer.value)) : answer;
    },
    async blobUpload(request): Promise<DeskResult<BlobUploadResult>> {
      const answer = await call('PUT', request.sha256, blobUploadHeaders(request), request.data);
      return answer.ok ? ok(blobUploadFromAnswer(answer.value)) : answer;
    },
    async blobDownload(request): Promise<DeskResult<BlobDownloadResult>> {
      const answer = await call('GET', request.sha256, blobDownloadHeaders(request), undefined, request.timeoutMs);
      return answer.ok ? ok(blobDownloadFromAnswer(answer.value)) : answer;
    },
  };
}

/** The browser shell's blob transfer: the token lives in localStorage, like webSyncRequest's. */
export function createWebBlobTransfer(getServerUrl: () => string | null): BlobTransfer {
  return createFetchBlobTransfer({ getServerUrl, getToken: () => localStorage.getItem(TOKEN_KEY) });
}
