import type { SyncHttpRequest, SyncHttpResponse } from '../../shared/ipc/desk-api';
import { fail, ok, type DeskResult } from '../../shared/ipc/desk-result';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/sync/protocol';

export const TOKEN_KEY = 'provincedesk.token';

export interface FetchSyncRequestOptions {
  getServerUrl: () => string | null;
  getToken: () => string | null;
  fetch?: typeof fetch;
}

/** The protocol's version headers, sent on every call (the server answers 426 without them). */
export const PROTOCOL_HEADERS: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION) };

/**
 * The browser shell's stand-in for main's sync transport: same request and result shapes, plain fetch.
 * Also what the integration tests and the benchmark use to talk to a real server over HTTP.
 */
export function createFetchSyncRequest(options: FetchSyncRequestOptions): (request: SyncHttpRequest) => Promise<DeskResult<SyncHttpResponse>> {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return async (request) => {
    const serverUrl = options.getServerUrl();
    if (!serverUrl) return fail('network', 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? 30_000);
    try {
      const token = options.getToken();
      const response = await doFetch(new URL(request.path.replace(/^\//, ''), serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`), {
        method: request.method,
        headers: {
          ...PROTOCOL_HEADERS,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      const text = await response.text();
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          body = text;
        }
      }
      return ok({ status: response.status, body });
    } catch (error) {
      return fail('network', controller.signal.aborted ? 'เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด' : `ติดต่อเซิร์ฟเวอร์ไม่ได้: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The browser shell's sync request: the token lives in localStorage (a test shell; never the desktop app). */
export async function webSyncRequest(serverUrl: string | null, request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>> {
  return createFetchSyncRequest({ getServerUrl: () => serverUrl, getToken: () => localStorage.getItem(TOKEN_KEY) })(request);
}
