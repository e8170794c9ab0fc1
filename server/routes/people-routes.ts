import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RecordId } from '../../shared/domain/common';
import type { RevealResponse } from '../../shared/sync/protocol';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import { revealNationalId } from '../people/reveal-service';
import type { ServerContext } from '../server-context';

const PersonParams = z.object({ id: RecordId });

export function registerPeopleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/people/:id/reveal', async (request): Promise<RevealResponse> => {
    const device = await authenticate(ctx, request);
    const { id } = parseInput(PersonParams, request.params);
    const revealed = await revealNationalId(ctx.store, device, ctx.clock, ctx.now(), id);
    return { ...revealed, serverTime: new Date(ctx.now()).toISOString() };
  });
}
