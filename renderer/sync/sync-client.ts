// The agent's view of the central server: typed calls over a SyncRequester (desk.syncRequest in the app:
// Electron's main process or the browser shell's fetch; fastify.inject or real HTTP in tests).

import type { SyncHttpRequest, SyncHttpResponse } from '../../shared/ipc/desk-api';
import type { DeskResult } from '../../shared/ipc/desk-result';
import type { Mutation } from '../../shared/sync/mutation';
import { ERROR_CODES, type ConflictWire, type ErrorCode, type PullResponse, type PushResponse, type RevealResponse } from '../../shared/sync/protocol';

export type SyncRequester = (request: SyncHttpRequest) => Promise<DeskResult<SyncHttpResponse>>;

/** Why a call failed, in the terms the agent and the UI act on. */
export type SyncFailureKind =
  /** No answer at all (offline, timeout, refused): try again later; a push's outcome is unknown. */
  | 'network'
  /** The server answered with an error body (`code` says which). */
  | 'server'
  /** The answer was not what the protocol says. */
  | 'bad-response';

export class SyncCallError extends Error {
  override readonly name = 'SyncCallError';

  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly status: number | null = null,
    readonly code: ErrorCode | null = null,
    readonly serverTime: string | null = null,
  ) {
    super(message);
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SyncClient {
  constructor(private readonly request: SyncRequester) {}

  async push(mutations: Mutation[], timeoutMs = 60_000): Promise<PushResponse> {
    const body = await this.call({ method: 'POST', path: '/v1/sync/push', body: { mutations }, timeoutMs });
    if (!isObject(body) || !Array.isArray(body.results) || typeof body.serverTime !== 'string') throw badResponse('push');
    return body as unknown as PushResponse;
  }

  /** `epoch`: the one the cursor counts in (from the page that gave it); none with cursor 0. */
  async pull(cursor: number, limit: number, epoch: string | null = null, timeoutMs = 120_000): Promise<PullResponse> {
    const since = cursor > 0 && epoch !== null ? `&epoch=${encodeURIComponent(epoch)}` : '';
    const body = await this.call({ method: 'GET', path: `/v1/sync/pull?cursor=${cursor}${since}&limit=${limit}`, timeoutMs });
    // A structural check only: a page can hold thousands of records and every field is merged and
    // validated on its own (a bad stamp throws in the merge).
    if (
      !isObject(body) ||
      !Array.isArray(body.records) ||
      !Array.isArray(body.conflicts) ||
      typeof body.cursor !== 'number' ||
      typeof body.hasMore !== 'boolean' ||
      typeof body.serverId !== 'string' ||
      typeof body.epoch !== 'string'
    ) {
      throw badResponse('pull');
    }
    return body as unknown as PullResponse;
  }

  async resolveConflict(id: string, resolution: 'winner' | 'loser' | 'merged', value?: unknown): Promise<ConflictWire> {
    const body = await this.call({
      method: 'POST',
      path: `/v1/conflicts/${encodeURIComponent(id)}/resolve`,
      body: resolution === 'merged' ? { resolution, value } : { resolution },
    });
    if (!isObject(body) || !isObject(body.conflict)) throw badResponse('resolve');
    return body.conflict as unknown as ConflictWire;
  }

  /** Leaves the recovery secret of this device's unlock key with the server, for its user (issue 14). */
  async storeRecoverySecret(keyId: string, secret: string): Promise<void> {
    await this.call({ method: 'PUT', path: '/v1/devices/unlock-recovery', body: { keyId, secret }, timeoutMs: 20_000 });
  }

  /** A forgotten unlock password: the user's server password gets the recovery secret back. */
  async recoverUnlockKey(input: { username: string; password: string; keyId: string }): Promise<string> {
    const body = await this.call({ method: 'POST', path: '/v1/auth/unlock-recovery', body: input, timeoutMs: 20_000 });
    if (!isObject(body) || typeof body.secret !== 'string') throw badResponse('unlock recovery');
    return body.secret;
  }

  /** An authenticated call that changes nothing: does the server still know this device (revoked, wiped)? */
  async checkDevice(): Promise<void> {
    await this.push([], 20_000);
  }

  async revealNationalId(memberId: string): Promise<RevealResponse> {
    const body = await this.call({ method: 'POST', path: `/v1/people/${encodeURIComponent(memberId)}/reveal`, timeoutMs: 20_000 });
    if (!isObject(body) || !(typeof body.nationalId === 'string' || body.nationalId === null)) throw badResponse('reveal');
    return body as unknown as RevealResponse;
  }

  private async call(request: SyncHttpRequest): Promise<unknown> {
    const result = await this.request(request);
    if (!result.ok) throw new SyncCallError('network', result.error.message);
    const { status, body } = result.value;
    if (status >= 200 && status < 300) return body;
    const code = isObject(body) && isErrorCode(body.error) ? body.error : null;
    const message = isObject(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    const serverTime = isObject(body) && typeof body.serverTime === 'string' ? body.serverTime : null;
    throw new SyncCallError('server', message, status, code ?? (status >= 500 ? 'internal' : null), serverTime);
  }
}

function badResponse(what: string): SyncCallError {
  return new SyncCallError('bad-response', `unexpected ${what} answer from the server`);
}
