import { afterAll, beforeAll } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from './seed-province';
import { TestClient } from './test-client';
import type { TestBackend } from './test-stores';

export interface ClockedServer {
  readonly server: ProvinceDeskServer;
  /** The seeded province (Bangkok, 10, with district 1001, unless told otherwise), a user per role. */
  readonly province: SeededProvince;
  /** Moves the server's clock on by a second and returns the new time: stamps that sort in order. */
  tick(): number;
  /** The server's clock now. */
  now(): number;
  client(user: { username: string; password: string }): Promise<TestClient>;
}

export interface ClockedServerOptions {
  startMs?: number;
  /** The province to seed (default Bangkok, 10, district 1001). */
  seed?: { provinceCode: string; districtCode: string };
}

/**
 * For a `describe` of server tests: a server on `backend` whose clock the test moves, a province seeded,
 * started before the tests and closed (its schema dropped) after them.
 */
export function useClockedServer(backend: TestBackend, options: ClockedServerOptions = {}): ClockedServer {
  let nowMs = options.startMs ?? Date.parse('2026-11-22T09:00:00.000Z');
  let server: ProvinceDeskServer | undefined;
  let province: SeededProvince | undefined;
  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, options.seed ?? { provinceCode: '10', districtCode: '1001' });
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
    get province() {
      return started(province);
    },
    tick: () => (nowMs += 1000),
    now: () => nowMs,
    client: (user) => TestClient.signedIn(started(server).app, user),
  };
}
