import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_MUTATIONS, MIN_CLIENT_SCHEMA_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION, type SyncInfoResponse } from '../../shared/sync/protocol';
import type { ServerContext } from '../server-context';

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/health', async () => {
    await ctx.store.sql.query('SELECT 1');
    return { ok: true, serverTime: new Date(ctx.now()).toISOString() };
  });

  app.get('/v1/sync/info', async (): Promise<SyncInfoResponse> => ({
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    minClientSchemaVersion: MIN_CLIENT_SCHEMA_VERSION,
    maxPushMutations: MAX_PUSH_MUTATIONS,
    maxDriftMs: ctx.maxDriftMs,
    serverTime: new Date(ctx.now()).toISOString(),
  }));
}
