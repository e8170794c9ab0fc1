import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { authenticate } from '../http/authenticate';
import type { ServerContext } from '../server-context';

/**
 * Server-sent events: `event: ready` once subscribed, `event: poke` when records in the device's scope
 * changed (on any server process, via LISTEN/NOTIFY), a comment line as heartbeat so proxies keep the
 * connection open. The poke carries no data: the device pulls.
 */
export function registerEventRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  app.get('/v1/events', async (request, reply) => {
    const device = await authenticate(ctx, request);
    reply.hijack();
    const response = reply.raw;
    // Hijacked, the reply no longer writes the headers hooks set on it (CORS for the browser shell): pass them on.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    open.add(response);
    const unsubscribe = ctx.hub.subscribe(device.scope, () => response.write('event: poke\ndata: {}\n\n'));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), ctx.heartbeatMs);
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    };
    request.raw.on('close', cleanUp);
    response.on('close', cleanUp);
    response.write('retry: 5000\nevent: ready\ndata: {}\n\n');
  });
}
