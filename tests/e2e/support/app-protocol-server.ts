// The built renderer over http, answered by Electron's app:// handler (serveAppRequest): the files,
// content types, nosniff and Content-Security-Policy header that Electron gets, in the Chromium the
// tests drive. There is no preload here, so the renderer uses its web desk bridge.
// Run by playwright.config.ts: npx tsx tests/e2e/support/app-protocol-server.ts
import { createServer } from 'node:http';
import { APP_ORIGIN, serveAppRequest } from '../../../electron/services/app-protocol';
import { APP_PROTOCOL_PORT } from './shell-origins';

const rendererRoot = process.env.PROVINCEDESK_RENDERER_OUT ?? 'dist/renderer';

createServer((request, reply) => {
  serveAppRequest(rendererRoot, { method: request.method ?? 'GET', url: `${APP_ORIGIN}${request.url ?? '/'}` })
    .then(async (response) => {
      reply.writeHead(response.status, Object.fromEntries(response.headers));
      reply.end(Buffer.from(await response.arrayBuffer()));
    })
    .catch((error: unknown) => {
      reply.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      reply.end(String(error));
    });
}).listen(APP_PROTOCOL_PORT, '127.0.0.1');
