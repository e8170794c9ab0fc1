import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_MAX_DRIFT_MS, HybridLogicalClock, nodeIdFromDeviceId } from '../shared/sync/hybrid-logical-clock';
import { errorBody } from './http/api-error';
import { installCors } from './http/cors';
import { sqlRateLimitStore } from './http/sql-rate-limit-store';
import { installErrorHandler } from './http/error-handler';
import { installAuthentication } from './http/authenticate';
import { checkClientVersion } from './http/version-check';
import { ChangeHub } from './live/change-hub';
import { registerAuthRoutes, type LoginRateLimit } from './routes/auth-routes';
import { registerBlobRoutes } from './routes/blob-routes';
import { registerConflictRoutes } from './routes/conflict-routes';
import { registerEventRoutes } from './routes/events-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerPeopleRoutes } from './routes/people-routes';
import { registerSyncRoutes } from './routes/sync-routes';
import { registerUpdateRoutes } from './routes/update-routes';
import { registerFeedRoutes } from './feed/feed-routes';
import { loadThaiGeography } from '../shared/geography/thai-geography';
import type { ServerContext } from './server-context';
import { openStore, type Store, type StoreOptions } from './store/open-store';

export const MAX_JSON_BODY_BYTES = 10 * 1024 * 1024;
export const HEARTBEAT_MS = 25_000;

export interface ServerOptions {
  /** Where the data lives, or an open Store to share (two servers on one PGlite in tests). */
  store: StoreOptions | Store;
  port?: number;
  host?: string;
  /** Fastify/pino logger options; false (the default) keeps tests quiet. */
  logger?: FastifyServerOptions['logger'];
  maxDriftMs?: number;
  /** The server's clock in epoch ms; injectable for drift tests. */
  now?: () => number;
  loginRateLimit?: LoginRateLimit;
  heartbeatMs?: number;
  /** Folder of published desktop-app updates served at /updates/ (see `publish-update`). */
  updatesDir?: string;
  /** The public address websites reach this server by, for links in the published feed. */
  publicUrl?: string;
  /** Web origins allowed to call the API from a browser (the browser shell); none by default. */
  allowedOrigins?: readonly string[];
  /**
   * Addresses of the reverse proxies in front (nginx on the same host: 127.0.0.1) whose X-Forwarded-For
   * names the client. Without it, behind a proxy every client has the proxy's address, and the login
   * limit, which counts per address, would hold back the whole province at once.
   */
  trustProxy?: readonly string[];
}

export interface ProvinceDeskServer {
  app: FastifyInstance;
  store: Store;
  /** Closes the HTTP server, and the store if this server opened it. */
  close(): Promise<void>;
}

export interface RunningServer extends ProvinceDeskServer {
  url: string;
  port: number;
}

function isStore(value: ServerOptions['store']): value is Store {
  return 'sql' in value;
}

export async function createServer(options: ServerOptions): Promise<ProvinceDeskServer> {
  const ownsStore = !isStore(options.store);
  const store = isStore(options.store) ? options.store : await openStore(options.store);
  const now = options.now ?? Date.now;
  const hub = new ChangeHub(store);
  await hub.start();
  const ctx: ServerContext = {
    store,
    hub,
    // A node id per process, so two server processes never issue the same stamp.
    clock: new HybridLogicalClock({ node: nodeIdFromDeviceId(`server-${randomUUID()}`), now }),
    now,
    maxDriftMs: options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_JSON_BODY_BYTES,
    exposeHeadRoutes: false,
    forceCloseConnections: true,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
  });
  installErrorHandler(app);
  // Before the version check: a CORS preflight carries no protocol headers.
  installCors(app, options.allowedOrigins ?? []);
  app.addHook('onRequest', async (request) => checkClientVersion(request));
  installAuthentication(app, ctx);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(rateLimit, {
    global: false,
    store: sqlRateLimitStore(store.sql),
    errorResponseBuilder: (_request, context) => ({ statusCode: context.statusCode, ...errorBody('rate-limited') }),
  });

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx, options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 });
  registerSyncRoutes(app, ctx);
  registerConflictRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerBlobRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerUpdateRoutes(app, options.updatesDir);
  const geography = await loadThaiGeography();
  registerFeedRoutes(app, {
    store,
    publicUrl: options.publicUrl,
    officeName: (provinceCode) => `สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด${geography.province(provinceCode)?.nameTh ?? ''}`,
  });
  // Changes a writer saved and did not get numbered (it stopped between its commit and the run).
  store.sequencer.startSweeping((error) => app.log.warn({ err: error }, 'numbering saved changes failed; the next run retries'));
  app.addHook('onClose', async () => {
    await store.sequencer.stopSweeping();
    await hub.stop();
    if (ownsStore) await store.close();
  });
  await app.ready();
  return { app, store, close: () => app.close() };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = await createServer(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await server.app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await server.close();
    throw error;
  }
  const address = server.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return { ...server, port, url: `http://${urlHost}:${port}` };
}
