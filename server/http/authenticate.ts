import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateToken, type AuthenticatedDevice } from '../accounts/accounts-repository';
import { bearerToken } from '../accounts/device-token';
import { isWipedDeviceToken } from '../accounts/device-wipe';
import type { ServerContext } from '../server-context';
import { ApiError } from './api-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** The calling device, set by the onRequest hook of installAuthentication. */
    device: AuthenticatedDevice | null;
  }
}

/**
 * The /v1 paths anyone may call: to know the server is up and what it speaks, to sign in, and to get back a
 * forgotten unlock key with the server password (that route checks the password itself).
 */
const PUBLIC_PATHS = new Set(['/v1/health', '/v1/sync/info', '/v1/auth/login', '/v1/auth/unlock-recovery']);

/**
 * The calling device from `Authorization: Bearer`, or 401. A device an administrator wiped gets
 * `401 device-wiped` (and deletes what it holds); a revoked one plain `unauthorized`.
 */
async function deviceFromToken(ctx: ServerContext, request: FastifyRequest): Promise<AuthenticatedDevice> {
  const token = bearerToken(request.headers.authorization);
  const device = token === undefined ? undefined : await authenticateToken(ctx.store.sql, token);
  if (device !== undefined) return device;
  if (token !== undefined && (await isWipedDeviceToken(ctx.store.sql, token))) throw new ApiError(401, 'device-wiped');
  throw new ApiError(401, 'unauthorized');
}

/**
 * Every /v1 request but the public ones is authenticated as soon as its headers are in, before its body is
 * read (issue 18): a caller without a valid token gets 401 without the server taking up to 10 MB of JSON or
 * 50 MB of file first.
 */
export function installAuthentication(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('device', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v1/') || PUBLIC_PATHS.has(path)) return;
    request.device = await deviceFromToken(ctx, request);
  });
}

/** The calling device from `Authorization: Bearer`, or 401. Scope comes from here and nowhere else. */
export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<AuthenticatedDevice> {
  return request.device ?? deviceFromToken(ctx, request);
}
