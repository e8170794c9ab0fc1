import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The browser shell (served by vite preview) calls the sync server from another origin, and the server
 * does not answer CORS yet (see the issue 3 report). This loopback proxy adds the CORS answers and
 * forwards everything else unchanged, streams included (server-sent events).
 */
export interface CorsProxy {
  url: string;
  close(): Promise<void>;
}

const ALLOW_HEADERS = 'authorization, content-type, accept, x-provincedesk-protocol, x-provincedesk-schema, content-range';

export async function startCorsProxy(target: string): Promise<CorsProxy> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const origin = req.headers.origin ?? '*';
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-allow-methods': 'GET, POST, PUT, HEAD, OPTIONS',
      'access-control-expose-headers': 'x-provincedesk-received, x-provincedesk-size, x-provincedesk-total',
      'access-control-max-age': '600',
      vary: 'origin',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const headers = { ...req.headers, host: to.host };
    delete headers.origin;
    const upstream = httpRequest({ hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, cors);
      res.end();
    });
    req.pipe(upstream);
    res.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
