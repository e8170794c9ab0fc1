import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RecordId } from '../../shared/domain/common';
import { ResolveConflictRequest, type ResolveConflictResponse } from '../../shared/sync/protocol';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import type { ServerContext } from '../server-context';
import { resolveConflict } from '../sync/resolve-conflict-service';

// Conflict ids are UUIDv7: anything else is not one (and must not reach a query as text PostgreSQL refuses).
const ConflictParams = z.object({ id: RecordId });

export function registerConflictRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/conflicts/:id/resolve', async (request): Promise<ResolveConflictResponse> => {
    const device = await authenticate(ctx, request);
    const { id } = parseInput(ConflictParams, request.params);
    const body = parseInput(ResolveConflictRequest, request.body);
    const conflict = await resolveConflict(ctx.store, device, ctx.clock, id, body);
    return { conflict, serverTime: new Date(ctx.now()).toISOString() };
  });
}
