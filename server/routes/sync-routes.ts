import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import type { ServerContext } from '../server-context';
import { pullChanges } from '../sync/pull-service';
import { applyPush } from '../sync/push-service';

export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/sync/push', async (request): Promise<PushResponse> => {
    const device = await authenticate(ctx, request);
    const { mutations } = parseInput(PushRequest, request.body);
    const results = await applyPush(ctx.store, device, mutations, { now: ctx.now(), maxDriftMs: ctx.maxDriftMs });
    return { results, serverTime: new Date(ctx.now()).toISOString() };
  });

  app.get('/v1/sync/pull', async (request): Promise<PullResponse> => {
    const device = await authenticate(ctx, request);
    const query = parseInput(PullQuery, request.query);
    const page = await pullChanges(ctx.store, device, query, { warn: (message) => request.log.warn(message) });
    return { ...page, serverTime: new Date(ctx.now()).toISOString() };
  });
}
