import type { FastifyRequest } from 'fastify';
import { MIN_CLIENT_SCHEMA_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { ApiError } from './api-error';

/** Paths an old client must still reach: to know the server is up, and what it needs to update to. */
const UNVERSIONED = new Set(['/v1/health', '/v1/sync/info']);

function headerNumber(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Old (or unversioned) clients get 426 "please update"; clients newer than the server get 400. */
export function checkClientVersion(request: FastifyRequest): void {
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith('/v1/') || UNVERSIONED.has(path)) return;
  const protocol = headerNumber(request.headers[PROTOCOL_HEADER]);
  const schema = headerNumber(request.headers[SCHEMA_HEADER]);
  if (protocol === undefined || protocol < PROTOCOL_VERSION || schema === undefined || schema < MIN_CLIENT_SCHEMA_VERSION) {
    throw new ApiError(426, 'update-required');
  }
  if (protocol > PROTOCOL_VERSION || schema > SCHEMA_VERSION) throw new ApiError(400, 'unsupported-version');
}
