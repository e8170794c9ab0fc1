// A real server (PGlite in memory, listening on a free loopback port) and devices made of the real data
// layer (DeskData on fake-indexeddb) and the real sync agent, talking HTTP.
import type { SyncHttpRequest, SyncHttpResponse } from '../../../shared/ipc/desk-api';
import type { DeskResult } from '../../../shared/ipc/desk-result';
import type { LoginResponse } from '../../../shared/sync/protocol';
import { createFetchSyncRequest, PROTOCOL_HEADERS } from '../../../renderer/bridge/web-sync-request';
import { withoutDerivedFields } from '../../../renderer/db/derived-fields';
import { openDeskData, type DeskData } from '../../../renderer/db/desk-data';
import { SYNCED_TABLES } from '../../../shared/domain/synced-tables';
import { createTestDatabase } from '../../../renderer/db/test-database';
import { SyncAgent, type SyncAgentOptions, type SyncSessionInfo } from '../../../renderer/sync/sync-agent';
import type { SyncRequester } from '../../../renderer/sync/sync-client';
import { startServer, type RunningServer } from '../../../server/app';
import { randomBytes } from '../../../renderer/security/crypto-envelope';
import { fieldKeysFrom, type FieldKeys } from '../../../renderer/security/field-cipher';
import type { DeskDatabase } from '../../../renderer/db/database';
import { seedProvince, type SeededProvince, type SeededUser } from '../../../server/testing/seed-province';

export interface TestServer {
  server: RunningServer;
  province: SeededProvince;
  close(): Promise<void>;
}

export async function startTestServer(options: { provinceCode?: string; districtCode?: string; now?: () => number } = {}): Promise<TestServer> {
  const server = await startServer({ store: { kind: 'pglite' }, port: 0, now: options.now, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
  const province = await seedProvince(server.store, { provinceCode: options.provinceCode ?? '57', districtCode: options.districtCode ?? '5701' });
  return { server, province, close: () => server.close() };
}

export async function login(url: string, user: Pick<SeededUser, 'username' | 'password'>, deviceName = 'เครื่องทดสอบ'): Promise<LoginResponse> {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { ...PROTOCOL_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password, deviceName }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

export interface TestDevice {
  data: DeskData;
  agent: SyncAgent;
  session: SyncSessionInfo;
  /** Flip to simulate no network: every request fails as a network error. */
  offline: boolean;
  /** Requests seen, for assertions. */
  requests: SyncHttpRequest[];
  dbName: string;
  token: string;
  /** The device's requester (its token, the offline switch, the test's wrap): for calls besides the agent's. */
  request: SyncRequester;
}

export interface DeviceOptions extends Partial<Omit<SyncAgentOptions, 'data' | 'request' | 'getSession'>> {
  /** The PC's clock (HLC and writer). */
  clock?: () => number;
  /** Reopen an existing database (a restart of the app). */
  dbName?: string;
  /** Wraps the real HTTP requester (to drop answers, duplicate requests …). */
  wrap?: (inner: SyncRequester) => SyncRequester;
  session?: LoginResponse;
}

const keysByDatabase = new Map<string, FieldKeys>();

/**
 * Devices seal personal data at rest as the app does (issue 14), each with its own keys, kept per database name
 * so a reopened database (a restart) opens with the same ones: sync runs through the at-rest middleware.
 */
export function withAtRestKeys(db: DeskDatabase): DeskDatabase {
  let keys = keysByDatabase.get(db.name);
  if (!keys) keysByDatabase.set(db.name, (keys = fieldKeysFrom(new Map([['k1', randomBytes(32)]]), 'k1', randomBytes(32))));
  const unlocked = keys;
  db.atRestKeys = () => unlocked;
  return db;
}

export async function createDevice(url: string, user: Pick<SeededUser, 'username' | 'password'>, options: DeviceOptions = {}): Promise<TestDevice> {
  const session = options.session ?? (await login(url, user));
  const dbName = options.dbName ?? `device-${crypto.randomUUID()}`;
  const data = await openDeskData(withAtRestKeys(createTestDatabase(undefined, dbName)), options.clock);
  const http = createFetchSyncRequest({ getServerUrl: () => url, getToken: () => session.token });
  const device: TestDevice = { data, agent: undefined as unknown as SyncAgent, session: { deviceId: session.deviceId, user: session.user }, offline: false, requests: [], dbName, token: session.token, request: undefined as unknown as SyncRequester };
  const base: SyncRequester = async (request) => {
    device.requests.push(request);
    if (device.offline) return { ok: false, error: { code: 'network', message: 'offline (test)' } } satisfies DeskResult<SyncHttpResponse>;
    return http(request);
  };
  const { clock, dbName: _n, wrap, session: _s, ...agentOptions } = options;
  void clock;
  device.request = wrap ? wrap(base) : base;
  device.agent = new SyncAgent({
    data,
    request: device.request,
    getSession: async () => device.session,
    now: options.clock,
    ...agentOptions,
  });
  return device;
}

/** The synced content of a device's table, as comparable plain data (no derived fields). */
export async function snapshot(data: DeskData, table: 'news' | 'members' = 'news'): Promise<Record<string, { values: Record<string, unknown>; stamps: Record<string, string> }>> {
  const rows = await data.db.recordTable(table).toArray();
  const out: Record<string, { values: Record<string, unknown>; stamps: Record<string, string> }> = {};
  for (const row of rows) {
    const { _stamps, id, provinceCode: _p, districtCode: _d, ...values } = withoutDerivedFields(row) as unknown as Record<string, unknown> & { _stamps: Record<string, string>; id: string };
    out[id] = { values, stamps: _stamps };
  }
  return out;
}

/** Records of every synced table this device stores. */
export async function storedRecordCount(data: DeskData): Promise<number> {
  const present = new Set(data.db.tables.map((t) => t.name));
  const counts = await Promise.all(SYNCED_TABLES.filter((t) => present.has(t)).map((t) => data.db.recordTable(t).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}
