// The browser shell's blob transfer against a real HTTP server that drops connections on purpose.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchBlobTransfer } from './web-blob-transfer';

const HASH = 'a'.repeat(64);

describe('createFetchBlobTransfer', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  /** A server that drops the first `drops` connections without an answer, then answers with the bytes. */
  async function flakyServer(drops: number): Promise<{ url: string; requests: string[] }> {
    const requests: string[] = [];
    server = createServer((request, response) => {
      requests.push(request.method ?? '');
      if (requests.length <= drops) {
        request.socket.destroy();
        return;
      }
      request.resume();
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(Buffer.from('ภาพ'));
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, requests };
  }

  it('tries a download once more when the connection drops before an answer', async () => {
    const { url, requests } = await flakyServer(1);
    const transfer = createFetchBlobTransfer({ getServerUrl: () => url, getToken: () => 'token' });
    const answer = await transfer.blobDownload({ sha256: HASH });
    expect(answer.ok && new TextDecoder().decode(answer.value.data ?? new Uint8Array())).toBe('ภาพ');
    expect(requests).toEqual(['GET', 'GET']);
  });

  it('says the server cannot be reached when the second try drops too, and never repeats an upload', async () => {
    const { url, requests } = await flakyServer(10);
    const transfer = createFetchBlobTransfer({ getServerUrl: () => url, getToken: () => 'token' });
    const download = await transfer.blobDownload({ sha256: HASH });
    expect(download.ok ? null : download.error.code).toBe('network');
    const upload = await transfer.blobUpload({ sha256: HASH, offset: 0, total: 3, data: new Uint8Array([1, 2, 3]) });
    expect(upload.ok ? null : upload.error.code).toBe('network');
    expect(requests).toEqual(['GET', 'GET', 'PUT']);
  });
});
