// The blob endpoints' requests and answers (docs/sync-protocol.md, "Blobs") as the desk API reports them,
// for both transports: main's BlobTransport (with retries and the token it holds) and the browser shell's
// fetch transfer. Only the HTTP call differs between them; what is sent and how an answer reads is here.
import type {
  BlobDownloadRequest,
  BlobDownloadResult,
  BlobServerError,
  BlobStatusResult,
  BlobUploadRequest,
  BlobUploadResult,
} from '../ipc/desk-api';
import { BLOB_RECEIVED_HEADER } from './protocol';

/** One HTTP answer of a blob endpoint, whatever made the request. */
export interface BlobAnswer {
  status: number;
  header(name: string): string | null;
  bytes: Uint8Array;
}

export const BLOB_SIZE_HEADER = 'x-provincedesk-size';
export const BLOB_TOTAL_HEADER = 'x-provincedesk-total';

export const blobPath = (sha256: string): string => `/v1/blobs/${sha256}`;

/** Headers of a chunk upload: an empty body (a zero-byte file) carries no range. */
export function blobUploadHeaders({ offset, total, data }: BlobUploadRequest): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (data.byteLength > 0) headers['Content-Range'] = `bytes ${offset}-${offset + data.byteLength - 1}/${total}`;
  return headers;
}

export function blobDownloadHeaders({ start, end }: BlobDownloadRequest): Record<string, string> {
  return start === undefined ? {} : { Range: `bytes=${start}-${end ?? ''}` };
}

export function blobStatusFromAnswer({ status, header }: BlobAnswer): BlobStatusResult {
  return {
    status,
    exists: status === 200,
    size: status === 200 ? numberHeader(header(BLOB_SIZE_HEADER)) : null,
    received: numberHeader(header(BLOB_RECEIVED_HEADER)) ?? 0,
    total: numberHeader(header(BLOB_TOTAL_HEADER)),
    // HEAD has no body: only the status tells what went wrong.
    error: status === 200 || status === 404 ? null : { code: `http-${status}`, message: `HTTP ${status}`, received: null },
  };
}

export function blobUploadFromAnswer({ status, bytes }: BlobAnswer): BlobUploadResult {
  const body = parseJsonObject(bytes);
  const error = status >= 300 ? serverError(status, body) : null;
  return {
    status,
    complete: status === 200 && body?.complete === true,
    received: typeof body?.received === 'number' ? body.received : (error?.received ?? 0),
    size: typeof body?.size === 'number' ? body.size : null,
    error,
  };
}

export function blobDownloadFromAnswer({ status, header, bytes }: BlobAnswer): BlobDownloadResult {
  if (status === 200 || status === 206) {
    const range = /\/(\d+)$/.exec(header('content-range') ?? '');
    return { status, data: bytes, total: range ? Number(range[1]) : status === 200 ? bytes.byteLength : null, error: null };
  }
  return { status, data: null, total: null, error: serverError(status, parseJsonObject(bytes)) };
}

function numberHeader(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | null {
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
