import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../server/app';
import { seedProvince, type SeededProvince } from '../../../server/testing/seed-province';
import { startCorsProxy, type CorsProxy } from './sync-cors-proxy';

/** A real central server for end-to-end tests: PGlite in a temp folder, Chiang Rai's users seeded, reached through the CORS proxy. */
export interface SyncTestServer {
  server: RunningServer;
  proxy: CorsProxy;
  province: SeededProvince;
  close(): Promise<void>;
}

export async function startSyncTestServer(): Promise<SyncTestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pd-e2e-server-'));
  const server = await startServer({ store: { kind: 'pglite', dataDir }, port: 0, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  const province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
  const proxy = await startCorsProxy(server.url);
  return {
    server,
    proxy,
    province,
    close: async () => {
      await proxy.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
