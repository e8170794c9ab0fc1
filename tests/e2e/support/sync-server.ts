import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../server/app';
import { seedProvince, type SeededProvince } from '../../../server/testing/seed-province';
import { PREVIEW_ORIGIN } from './preview-origin';

/**
 * A real central server for end-to-end tests: PGlite in a temp folder, Chiang Rai's users seeded, and
 * CORS answered for the browser shell's origin only — as `npm run start:web` runs it.
 */
export interface SyncTestServer {
  server: RunningServer;
  province: SeededProvince;
  close(): Promise<void>;
}

export async function startSyncTestServer(): Promise<SyncTestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pd-e2e-server-'));
  const server = await startServer({
    store: { kind: 'pglite', dataDir },
    port: 0,
    allowedOrigins: [PREVIEW_ORIGIN],
    loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
  });
  const province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
  return {
    server,
    province,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `test` with a real server of its own (an empty province each time: tests do not see each other's data). */
export const test = base.extend<{ syncServer: SyncTestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  syncServer: async ({}, use) => {
    const sync = await startSyncTestServer();
    await use(sync);
    await sync.close();
  },
});
