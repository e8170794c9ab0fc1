import { ok, type BlobDownloadRequest, type BlobDownloadResult, type BlobStatusRequest, type BlobStatusResult, type BlobUploadRequest, type BlobUploadResult, type DeskResult } from '../../shared/ipc';
import {
  blobDownloadFromAnswer,
  blobDownloadHeaders,
  blobPath,
  blobStatusFromAnswer,
  blobUploadFromAnswer,
  blobUploadHeaders,
} from '../../shared/sync/blob-answers';
import { SyncTransport, type SyncTransportOptions } from './sync-transport';

/**
 * The binary half of the sync transport: HEAD/PUT/GET of attachment blobs (docs/sync-protocol.md,
 * "Blobs"), through SyncTransport's exchange — the same address rules, token and retry policy.
 * Retrying a PUT is safe: a chunk the server already stored makes the retry answer 409
 * upload-offset-mismatch with `received`, and the renderer's blob sync resumes from there.
 */
export type BlobTransportOptions = Pick<SyncTransportOptions, 'getServerUrl' | 'getToken' | 'retry' | 'random' | 'sleep' | 'fetch' | 'logger'> & {
  /** Per request; a 1 MB chunk on a slow district line needs more than a JSON call. */
  timeoutMs?: number;
};

export const DEFAULT_BLOB_TIMEOUT_MS = 120_000;

export class BlobTransport {
  readonly #transport: SyncTransport;

  constructor(options: BlobTransportOptions) {
    this.#transport = new SyncTransport({ ...options, defaultTimeoutMs: options.timeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS });
  }

  async status(request: BlobStatusRequest): Promise<DeskResult<BlobStatusResult>> {
    const answer = await this.#transport.exchange({ method: 'HEAD', path: blobPath(request.sha256) });
    return answer.ok ? ok(blobStatusFromAnswer(answer.value)) : answer;
  }

  async upload(request: BlobUploadRequest): Promise<DeskResult<BlobUploadResult>> {
    const answer = await this.#transport.exchange({ method: 'PUT', path: blobPath(request.sha256), headers: blobUploadHeaders(request), body: request.data });
    return answer.ok ? ok(blobUploadFromAnswer(answer.value)) : answer;
  }

  async download(request: BlobDownloadRequest): Promise<DeskResult<BlobDownloadResult>> {
    const answer = await this.#transport.exchange({ method: 'GET', path: blobPath(request.sha256), headers: blobDownloadHeaders(request), timeoutMs: request.timeoutMs });
    return answer.ok ? ok(blobDownloadFromAnswer(answer.value)) : answer;
  }
}
