import type { FastifyInstance } from 'fastify';
import { PullQuery, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import type { ServerContext } from '../server-context';
import { pullChanges } from '../sync/pull-service';
import { applyPush } from '../sync/push-service';
import { parsePushRequest } from '../sync/push-request';

const RECORDS_OPEN = Buffer.from('{"records":[');

export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/sync/push', async (request): Promise<PushResponse> => {
    const device = await authenticate(ctx, request);
    const items = parsePushRequest(request.body);
    const results = await applyPush(ctx.store, device, items, {
      now: ctx.now(),
      maxDriftMs: ctx.maxDriftMs,
      clock: ctx.clock,
      onDataError: (error) => request.log.warn({ err: error }, 'the database refused a pushed value; the batch is applied one mutation at a time'),
    });
    return { results, serverTime: new Date(ctx.now()).toISOString() };
  });

  app.get('/v1/sync/pull', async (request, reply): Promise<Buffer> => {
    const device = await authenticate(ctx, request);
    const query = parseInput(PullQuery, request.query);
    const { recordsJson, ...page } = await pullChanges(ctx.store, device, query, { warn: (message) => request.log.warn(message) });
    // A PullResponse as UTF-8: the records are already JSON bytes (pull-service.ts), so they are not serialised again.
    const rest: Omit<PullResponse, 'records'> = { ...page, serverTime: new Date(ctx.now()).toISOString() };
    void reply.type('application/json; charset=utf-8');
    return Buffer.concat([RECORDS_OPEN, ...recordsJson, Buffer.from(`],${JSON.stringify(rest).slice(1)}`)]);
  });
}
