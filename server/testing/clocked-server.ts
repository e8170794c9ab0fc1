import { afterAll, beforeAll } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from './seed-province';
import { TestClient } from './test-client';
import type { TestBackend } from './test-stores';

export interface ClockedServer {
  readonly server: ProvinceDeskServer;
  /** Bangkok (10), with district 1001 and a user per role. */
  readonly bkk: SeededProvince;
  /** Moves the server's clock on by a second and returns the new time: stamps that sort in order. */
  tick(): number;
  client(user: { username: string; password: string }): Promise<TestClient>;
}

/**
 * For a `describe` of server tests: a server on `backend` whose clock the test moves, Bangkok seeded,
 * started before the tests and closed (its schema dropped) after them.
 */
export function useClockedServer(backend: TestBackend, startMs = Date.parse('2026-11-22T09:00:00.000Z')): ClockedServer {
  let nowMs = startMs;
  let server: ProvinceDeskServer | undefined;
  let bkk: SeededProvince | undefined;
  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the clocked server starts in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get bkk() {
      return started(bkk);
    },
    tick: () => (nowMs += 1000),
    client: (user) => TestClient.signedIn(started(server).app, user),
  };
}
