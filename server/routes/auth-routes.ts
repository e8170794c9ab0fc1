import type { FastifyInstance } from 'fastify';
import { LoginRequest, type LoginResponse } from '../../shared/sync/protocol';
import { loginAndRegisterDevice, revokeDevice } from '../accounts/accounts-repository';
import { ApiError } from '../http/api-error';
import { authenticate } from '../http/authenticate';
import { parseInput } from '../http/parse-input';
import type { ServerContext } from '../server-context';

export interface LoginRateLimit {
  max: number;
  timeWindowMs: number;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext, rateLimit: LoginRateLimit): void {
  app.post(
    '/v1/auth/login',
    // Per client address: slows password guessing. Counted in the database, so across server processes.
    { config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request): Promise<LoginResponse> => {
      const input = parseInput(LoginRequest, request.body);
      const outcome = await loginAndRegisterDevice(ctx.store.sql, input);
      if (!outcome.ok && outcome.reason === 'disabled') {
        request.log.info({ userId: outcome.userId }, 'login of a disabled user refused');
        throw new ApiError(403, 'account-disabled');
      }
      if (!outcome.ok) throw new ApiError(401, 'unauthorized', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
      const { session } = outcome;
      request.log.info({ deviceId: session.deviceId, userId: session.user.id }, 'device registered');
      return { ...session, serverTime: new Date(ctx.now()).toISOString() };
    },
  );

  app.post('/v1/auth/logout', async (request, reply) => {
    const device = await authenticate(ctx, request);
    await revokeDevice(ctx.store.sql, device.deviceId);
    return reply.code(204).send();
  });
}
