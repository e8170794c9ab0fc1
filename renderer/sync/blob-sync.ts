// Attachment bytes (docs/sync-protocol.md, "Blobs"). Records sync through the outbox; the bytes they name
// travel here, apart: pending blobs (db.blobs uploaded:false) go up in resumable chunks, blobs named by
// pulled attachment records come down and are stored only once they hash to their name.
//
// Nothing here throws into the record sync: every failure is counted, described in plain Thai for the
// sync status, and the blob is simply tried again on the next sync (its row still says uploaded:false,
// or it is still missing).

import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment';
import type { BlobServerError, DeskApi } from '../../shared/ipc/desk-api';
import type { DeskError, DeskResult } from '../../shared/ipc/desk-result';
import { documentMimeOf } from '../../shared/roster/document-type';
import type { DeskDatabase } from '../db/database';
import { sha256Hex } from '../db/sha256-hex';
import { blobWithBytes } from '../db/at-rest/blob-bytes';
import type { SyncProblem } from './sync-status';

export type BlobTransfer = Pick<DeskApi, 'blobStatus' | 'blobUpload' | 'blobDownload'>;

/** 1 MB: the server's piece size, and small enough that a dropped line loses little. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;
/** Downloads are asked for in ranges of this size, so one request never holds a slow line for long. */
export const BLOB_DOWNLOAD_RANGE_BYTES = 4 * 1024 * 1024;
const MAX_BLOB_BYTES = MAX_ATTACHMENT_BYTES;
/** A chunk answered "start elsewhere" this many times in a row means something else is uploading it too. */
const MAX_OFFSET_RESYNCS = 3;

export interface BlobSyncOptions {
  db: DeskDatabase;
  transfer: BlobTransfer;
  chunkBytes?: number;
  downloadRangeBytes?: number;
}

export interface BlobSyncReport {
  uploaded: number;
  downloaded: number;
  /** Named by a record but not on the server yet (its device has not sent it): tried again next sync. */
  waiting: number;
  failed: number;
  /** What to show when failed > 0: the sync problem code and a plain-Thai sentence. */
  problem: SyncProblem | null;
  detail: string | null;
}

/** Stops the whole phase: the next blob would fail the same way (no network, token revoked). */
class BlobPhaseStop extends Error {
  constructor(
    readonly problem: SyncProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** One blob could not be transferred; the others go on. */
class BlobFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    readonly kind: 'corrupt-download' | 'local-mismatch' | 'other',
    detail: string,
  ) {
    super(detail);
  }
}

const TH = {
  uploadFailed: (n: number) => `ส่งรูปภาพหรือไฟล์แนบขึ้นเซิร์ฟเวอร์ไม่สำเร็จ ${n} ไฟล์ ไฟล์ยังอยู่ครบในเครื่องนี้ และจะส่งใหม่เองในการซิงก์ครั้งถัดไป`,
  downloadFailed: (n: number) => `ดาวน์โหลดรูปภาพหรือไฟล์แนบไม่สำเร็จ ${n} ไฟล์ จะดาวน์โหลดใหม่เองในการซิงก์ครั้งถัดไป`,
  corrupt: 'ไฟล์แนบที่ได้รับมาเสียหายระหว่างทาง (ข้อมูลไม่ตรงกับต้นฉบับ) จึงไม่ได้บันทึกไว้ จะดาวน์โหลดใหม่ในการซิงก์ครั้งถัดไป',
  localMismatch: 'ไฟล์แนบในเครื่องนี้ไม่ตรงกับต้นฉบับที่บันทึกไว้ เซิร์ฟเวอร์จึงไม่รับ กรุณาแนบรูปนั้นใหม่',
};

export class BlobSync {
  private readonly db: DeskDatabase;
  private readonly transfer: BlobTransfer;
  private readonly chunkBytes: number;
  private readonly downloadRangeBytes: number;

  constructor(options: BlobSyncOptions) {
    this.db = options.db;
    this.transfer = options.transfer;
    this.chunkBytes = Math.max(1, options.chunkBytes ?? BLOB_CHUNK_BYTES);
    this.downloadRangeBytes = Math.max(1, options.downloadRangeBytes ?? BLOB_DOWNLOAD_RANGE_BYTES);
  }

  /** Sends every blob this device stored and the server does not have yet. */
  async uploadPending(): Promise<BlobSyncReport> {
    const report = emptyReport();
    const failures: BlobFailure[] = [];
    try {
      const pending = (await this.db.blobs.filter((b) => !b.uploaded).primaryKeys()) as string[];
      for (const sha256 of pending) {
        try {
          if (await this.uploadOne(sha256)) report.uploaded++;
        } catch (error) {
          if (!(error instanceof BlobFailure)) throw error;
          failures.push(error);
        }
      }
    } catch (error) {
      return stopped(report, error, TH.uploadFailed);
    }
    return withFailures(report, failures, TH.uploadFailed);
  }

  /** Fetches the bytes of every live attachment record whose blob this device lacks. */
  async downloadMissing(): Promise<BlobSyncReport> {
    const report = emptyReport();
    const failures: BlobFailure[] = [];
    try {
      const have = new Set((await this.db.blobs.toCollection().primaryKeys()) as string[]);
      const wanted = new Map<string, { size: number }>();
      await this.db.attachments.each((a) => {
        if (!a.deleted && !have.has(a.sha256)) wanted.set(a.sha256, { size: a.size });
      });
      for (const [sha256, meta] of wanted) {
        try {
          const outcome = await this.downloadOne(sha256, meta);
          if (outcome === 'stored') report.downloaded++;
          else report.waiting++;
        } catch (error) {
          if (!(error instanceof BlobFailure)) throw error;
          failures.push(error);
        }
      }
    } catch (error) {
      return stopped(report, error, TH.downloadFailed);
    }
    return withFailures(report, failures, TH.downloadFailed);
  }

  /** True when the server now holds the complete, hash-verified blob (and the row says so). */
  private async uploadOne(sha256: string): Promise<boolean> {
    const row = await this.db.blobs.get(sha256);
    if (!row || row.uploaded) return false;
    const { size } = row;
    const status = answerOf(await this.transfer.blobStatus({ sha256 }));
    if (status.exists && status.size === size) return this.markUploaded(sha256);
    if (status.status !== 200 && status.status !== 404) throw failureFor(status.status, status.error);
    // Resume this device's unfinished upload when it is of this same blob; otherwise start at 0.
    let offset = status.total === size && status.received < size ? status.received : 0;
    let resyncs = 0;
    for (;;) {
      const end = Math.min(offset + this.chunkBytes, size);
      const data = new Uint8Array(await row.data.slice(offset, end).arrayBuffer());
      const put = answerOf(await this.transfer.blobUpload({ sha256, offset, total: size, data }));
      if (put.complete) {
        if (put.size !== size) throw new BlobFailure('bad-response', 'other', `server stored ${String(put.size)} bytes of ${size}`);
        return this.markUploaded(sha256);
      }
      if (put.status === 202 && put.received > offset && put.received <= size) {
        offset = put.received;
        resyncs = 0;
        continue;
      }
      // A chunk whose answer was lost arrived after all, or the server kept less: go on from where it is.
      if (put.error?.code === 'upload-offset-mismatch' && put.error.received !== null && ++resyncs <= MAX_OFFSET_RESYNCS) {
        offset = put.error.received;
        continue;
      }
      if (put.error?.code === 'hash-mismatch') throw new BlobFailure('internal', 'local-mismatch', TH.localMismatch);
      throw failureFor(put.status, put.error);
    }
  }

  private async markUploaded(sha256: string): Promise<true> {
    await this.db.blobs.update(sha256, { uploaded: true });
    return true;
  }

  private async downloadOne(sha256: string, meta: { size: number }): Promise<'stored' | 'waiting'> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let received = 0;
    // A small blob in one GET (no Range: a 0-byte blob has no satisfiable range).
    let total: number | null = meta.size <= this.downloadRangeBytes ? null : meta.size;
    do {
      const ranged = total !== null;
      const answer = answerOf(
        await this.transfer.blobDownload(ranged ? { sha256, start: received, end: Math.min(received + this.downloadRangeBytes, total ?? 0) - 1 } : { sha256 }),
      );
      if (answer.status === 404) return 'waiting';
      if (!answer.data || (answer.status !== 200 && answer.status !== 206)) throw failureFor(answer.status, answer.error);
      const size = answer.total ?? (ranged ? null : answer.data.byteLength);
      if (size === null || size > MAX_BLOB_BYTES) throw new BlobFailure('bad-response', 'other', 'unexpected blob size');
      // The server decides the size (the record's may be wrong); the hash below decides the bytes.
      if (total === null || total !== size) {
        if (received > 0 && total !== size) throw new BlobFailure('bad-response', 'other', 'blob size changed mid-download');
        total = size;
      }
      if (answer.data.byteLength === 0 && received < total) throw new BlobFailure('bad-response', 'other', 'empty range');
      parts.push(answer.data as Uint8Array<ArrayBuffer>);
      received += answer.data.byteLength;
    } while (received < total);
    if (received !== total) throw new BlobFailure('bad-response', 'corrupt-download', TH.corrupt);
    // The type its bytes tell, not the record's (another device wrote that): a page shown from this Blob
    // must never be HTML (issue 18).
    const bytes = new Uint8Array(received);
    parts.reduce((at, part) => (bytes.set(part, at), at + part.byteLength), 0);
    // blobWithBytes: the at-rest middleware seals the bytes inside the transaction below (db/at-rest/blob-bytes.ts).
    const data = blobWithBytes(bytes, (parts[0] && documentMimeOf(parts[0])) ?? 'application/octet-stream');
    if ((await sha256Hex(bytes)) !== sha256) throw new BlobFailure('internal', 'corrupt-download', TH.corrupt);
    await this.db.transaction('rw', this.db.blobs, async () => {
      // A photo this device stored itself meanwhile keeps its own row (and its uploaded flag).
      if (!(await this.db.blobs.get(sha256))) await this.db.blobs.put({ sha256, data, size: received, uploaded: true });
    });
    return 'stored';
  }
}


function emptyReport(): BlobSyncReport {
  return { uploaded: 0, downloaded: 0, waiting: 0, failed: 0, problem: null, detail: null };
}

/** The desk call's value, or the phase stops: no answer at all means every other blob would fail too. */
function answerOf<T>(result: DeskResult<T>): T {
  if (result.ok) return result.value;
  throw new BlobPhaseStop(deskProblem(result.error), result.error.message);
}

function deskProblem(error: DeskError): SyncProblem {
  return error.code === 'network' ? 'offline' : 'internal';
}

/** An HTTP answer that is not success: some stop the phase, the rest fail this blob only. */
function failureFor(status: number, error: BlobServerError | null): Error {
  const message = error?.message ?? `HTTP ${status}`;
  if (status === 401) return new BlobPhaseStop('unauthorized', message);
  if (status === 426) return new BlobPhaseStop('update-required', message);
  if (status >= 500 || status === 429) return new BlobPhaseStop('server-error', message);
  return new BlobFailure('internal', 'other', message);
}

function stopped(report: BlobSyncReport, error: unknown, sentence: (n: number) => string): BlobSyncReport {
  const problem = error instanceof BlobPhaseStop ? error.problem : 'internal';
  // Offline is said by the record sync already; the blob sentence says what waits.
  return { ...report, failed: report.failed + 1, problem, detail: sentence(1) + (problem === 'offline' ? '' : ` (${error instanceof Error ? error.message : String(error)})`) };
}

function withFailures(report: BlobSyncReport, failures: BlobFailure[], sentence: (n: number) => string): BlobSyncReport {
  if (failures.length === 0) return report;
  const special = failures.find((f) => f.kind !== 'other');
  return {
    ...report,
    failed: failures.length,
    problem: failures[0]?.problem ?? 'internal',
    detail: special ? `${sentence(failures.length)} — ${special.message}` : sentence(failures.length),
  };
}
