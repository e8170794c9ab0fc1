import type { SyncHttpRequest, SyncHttpResponse } from '../../shared/ipc/desk-api';
import { fail, ok, type DeskResult } from '../../shared/ipc/desk-result';

const TOKEN_KEY = 'provincedesk.token';

/**
 * The browser shell's stand-in for main's sync transport: same request and result shapes.
 * The token lives in localStorage here — acceptable for a test shell, never for the desktop app,
 * which keeps it encrypted in main.
 */
export async function webSyncRequest(serverUrl: string | null, request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>> {
  if (!serverUrl) return fail('network', 'ยังไม่ได้ตั้งค่าที่อยู่เซิร์ฟเวอร์');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? 30_000);
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const response = await fetch(new URL(request.path, serverUrl), {
      method: request.method,
      headers: {
        'X-ProvinceDesk-Protocol': '1',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    const text = await response.text();
    return ok({ status: response.status, body: text ? (JSON.parse(text) as unknown) : null });
  } catch (error) {
    return fail('network', controller.signal.aborted ? 'เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด' : `ติดต่อเซิร์ฟเวอร์ไม่ได้: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
