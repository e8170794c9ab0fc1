import type { FastifyRequest } from 'fastify';
import { authenticateToken, type AuthenticatedDevice } from '../accounts/accounts-repository';
import { bearerToken } from '../accounts/device-token';
import { isWipedDeviceToken } from '../accounts/device-wipe';
import type { ServerContext } from '../server-context';
import { ApiError } from './api-error';

/**
 * The calling device from `Authorization: Bearer`, or 401. Scope comes from here and nowhere else. A device an
 * administrator wiped gets `401 device-wiped` (and deletes what it holds); a revoked one plain `unauthorized`.
 */
export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<AuthenticatedDevice> {
  const token = bearerToken(request.headers.authorization);
  const device = token === undefined ? undefined : await authenticateToken(ctx.store.sql, token);
  if (device !== undefined) return device;
  if (token !== undefined && (await isWipedDeviceToken(ctx.store.sql, token))) throw new ApiError(401, 'device-wiped');
  throw new ApiError(401, 'unauthorized');
}
