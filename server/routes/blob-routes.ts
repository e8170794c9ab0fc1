import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Sha256Hex } from '../../shared/domain/attachment';
import { BLOB_RECEIVED_HEADER, type BlobPutResponse } from '../../shared/sync/protocol';
import { blobStatus, canReadBlob, MAX_BLOB_BYTES, putBlobChunk, readBlobRange } from '../blobs/blob-store';
import { ApiError } from '../http/api-error';
import { SERVED_FILE_HEADERS } from '../http/served-file-headers';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import type { ServerContext } from '../server-context';

const BlobParams = z.object({ sha256: Sha256Hex });
/** One PUT carries at most this much; larger files go in several Content-Range pieces. */
export const MAX_BLOB_REQUEST_BYTES = 50 * 1024 * 1024;

function parseContentRange(header: string | undefined, bodyLength: number): { start: number; total: number } {
  if (header === undefined) return { start: 0, total: bodyLength };
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(header.trim());
  if (!match) throw new ApiError(400, 'bad-request', 'Content-Range ไม่ถูกต้อง');
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end < start || end >= total || end - start + 1 !== bodyLength) throw new ApiError(400, 'bad-request', 'Content-Range ไม่ตรงกับข้อมูลที่ส่งมา');
  return { start, total };
}

/** `Range: bytes=a-b | a- | -n` → inclusive [start, end]; undefined = whole blob; null = unsatisfiable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined | null {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or other units: serving the whole blob is allowed (RFC 9110 §14.2).
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

export function registerBlobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Blob bodies are raw bytes, with their own limit, apart from the JSON limit of the sync endpoints.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BLOB_REQUEST_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.head('/v1/blobs/:sha256', async (request, reply) => {
    const device = await authenticate(ctx, request);
    const { sha256 } = parseInput(BlobParams, request.params);
    const status = await blobStatus(ctx.store.sql, sha256, device, { markSent: true });
    if (status.state === 'complete') {
      return reply.code(200).header('accept-ranges', 'bytes').header('x-provincedesk-size', String(status.size)).send();
    }
    reply.header(BLOB_RECEIVED_HEADER, String(status.state === 'partial' ? status.received : 0));
    if (status.state === 'partial') reply.header('x-provincedesk-total', String(status.total));
    return reply.code(404).send();
  });

  app.put('/v1/blobs/:sha256', { bodyLimit: MAX_BLOB_REQUEST_BYTES }, async (request, reply): Promise<BlobPutResponse> => {
    const device = await authenticate(ctx, request);
    const { sha256 } = parseInput(BlobParams, request.params);
    if (!Buffer.isBuffer(request.body)) throw new ApiError(415, 'bad-request', 'กรุณาส่งไฟล์เป็น application/octet-stream');
    const range = parseContentRange(request.headers['content-range'], request.body.length);
    if (range.total > MAX_BLOB_BYTES) throw new ApiError(413, 'payload-too-large');
    const status = await putBlobChunk(ctx.store.sql, sha256, device, { ...range, data: request.body });
    if (status.state === 'complete') return { sha256, complete: true, received: status.size, size: status.size };
    reply.code(202);
    return { sha256, complete: false, received: status.state === 'partial' ? status.received : 0, size: null };
  });

  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const device = await authenticate(ctx, request);
    const { sha256 } = parseInput(BlobParams, request.params);
    const status = await blobStatus(ctx.store.sql, sha256, device);
    if (status.state !== 'complete' || !(await canReadBlob(ctx.store.sql, sha256, device))) throw new ApiError(404, 'not-found');
    const range = parseRange(request.headers.range, status.size);
    if (range === null) {
      reply.header('content-range', `bytes */${status.size}`);
      throw new ApiError(416, 'range-not-satisfiable');
    }
    const { start, end } = range ?? { start: 0, end: status.size - 1 };
    reply
      .header('content-type', 'application/octet-stream')
      // Bytes devices sent: never rendered by a browser on the server's origin, whatever they are.
      .headers(SERVED_FILE_HEADERS)
      .header('content-disposition', 'attachment')
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('content-length', String(end - start + 1));
    if (range !== undefined) reply.code(206).header('content-range', `bytes ${start}-${end}/${status.size}`);
    if (status.size === 0) return reply.send(Buffer.alloc(0));
    return reply.send(Readable.from(readBlobRange(ctx.store.sql, sha256, start, end)));
  });
}
