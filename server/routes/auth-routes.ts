import type { FastifyInstance } from 'fastify';
import { LoginRequest, UnlockRecoveryRequest, UnlockRecoveryStoreRequest, type LoginResponse, type UnlockRecoveryResponse } from '../../shared/sync/protocol';
import { loginAndRegisterDevice, revokeDevice } from '../accounts/accounts-repository';
import { recordDeviceAudit } from '../accounts/device-wipe';
import { recoverySecretFor, storeRecoverySecret } from '../accounts/unlock-recovery';
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
    if (await revokeDevice(ctx.store.sql, device.deviceId)) await recordDeviceAudit(ctx.store.sql, 'sign-out', [device.deviceId], 'device');
    return reply.code(204).send();
  });

  // The recovery secret of this device's unlock key (issue 14): kept for the signed-in user.
  app.put('/v1/devices/unlock-recovery', async (request, reply) => {
    const device = await authenticate(ctx, request);
    const input = parseInput(UnlockRecoveryStoreRequest, request.body);
    await storeRecoverySecret(ctx.store.sql, { deviceId: device.deviceId, userId: device.user.id }, input.keyId, input.secret);
    return reply.code(204).send();
  });

  // Forgotten unlock password: the user proves who they are with their server password (rate-limited as login).
  app.post(
    '/v1/auth/unlock-recovery',
    { config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request): Promise<UnlockRecoveryResponse> => {
      const input = parseInput(UnlockRecoveryRequest, request.body);
      const outcome = await recoverySecretFor(ctx.store.sql, input);
      if (outcome.ok) return { secret: outcome.secret };
      if (outcome.reason === 'disabled') throw new ApiError(403, 'account-disabled');
      if (outcome.reason === 'wiped') throw new ApiError(401, 'device-wiped');
      if (outcome.reason === 'not-found') throw new ApiError(404, 'not-found', 'เซิร์ฟเวอร์ไม่มีกุญแจกู้คืนของเครื่องนี้สำหรับผู้ใช้นี้');
      throw new ApiError(401, 'unauthorized', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    },
  );
}
