import type { FastifyInstance } from 'fastify';

const ALLOW_HEADERS = 'authorization, content-type, accept, x-provincedesk-protocol, x-provincedesk-schema, content-range, range';
const EXPOSE_HEADERS = 'x-provincedesk-received, x-provincedesk-size, x-provincedesk-total, content-range';

/**
 * Cross-origin answers for the browser shell only, and only for the origins given (e.g. the Vite
 * dev server on this computer). The desktop app never needs them: its requests come from main,
 * not from a web page. Nothing is allowed by default.
 */
export function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  if (allowedOrigins.length === 0) return;
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin).header('vary', 'origin').header('access-control-expose-headers', EXPOSE_HEADERS);
    if (request.method === 'OPTIONS') {
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, HEAD, OPTIONS')
        .header('access-control-allow-headers', ALLOW_HEADERS)
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
