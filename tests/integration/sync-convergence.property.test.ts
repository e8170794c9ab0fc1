// Property (issue 3): 3–5 devices running the real record writer, outbox, merge and sync agent against the
// real server store, with random edits and deletes of the same records, offline periods, dropped and
// duplicated answers, app reloads and server restarts. Every run ends with all devices and the server
// identical, no write lost, and a conflict row wherever a write was overwritten by one that had not seen it.
//
// Issue 17: what a user has seen is not always what the device stores. A form opened before a pull keeps
// showing the values it loaded, so "seen" is modelled by the user's form (opened, then saved later — across
// pulls, but not across an app restart, which closes it), never read back from the outbox.
//
// Cheap runs: one PGlite store and one set of signed-in devices for the whole property. Each run moves the
// devices' users to a district office of their own (a fresh scope, so a pull from 0 sees only this run's
// records) and clears the devices' local data; the outbox's sequence keeps counting, so mutation ids stay
// unique per server device as they do in the app.
import { BOOKKEEPING_FIELDS } from '../../shared/domain/common';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/sync/canonical-json';
import { compareStamps } from '../../shared/sync/hybrid-logical-clock';
import type { SyncHttpRequest, SyncHttpResponse } from '../../shared/ipc/desk-api';
import type { DeskResult } from '../../shared/ipc/desk-result';
import type { LoginResponse } from '../../shared/sync/protocol';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { openDeskData, type DeskData } from '../../renderer/db/desk-data';
import type { EditBase } from '../../renderer/db/record-writer';
import type { NewsPatch } from '../../renderer/db/repositories/news-repository';
import type { NewsItem } from '../../shared/domain/news';
import { createTestDatabase } from '../../renderer/db/test-database';
import { PROTOCOL_HEADERS } from '../../renderer/bridge/web-sync-request';
import { SyncAgent } from '../../renderer/sync/sync-agent';
import type { SyncRequester } from '../../renderer/sync/sync-client';
import { SYNCED_TABLES } from '../../shared/domain/synced-tables';
import { createOffice, createUser, setUserOffice } from '../../server/accounts/accounts-repository';
import { createServer, type ProvinceDeskServer } from '../../server/app';
import { openStore, type Store } from '../../server/store/open-store';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 500);
const MAX_DEVICES = 5;
const PROVINCE = '90';
const author = { userId: 'u-prop', displayName: 'ผู้ทดสอบ' };

type Fault = 'none' | 'drop' | 'duplicate';

interface Device {
  slot: number;
  dbName: string;
  login: LoginResponse;
  data: DeskData;
  agent: SyncAgent;
  offline: boolean;
  nextFault: Fault;
  /** Records open in a form: the version the form loaded (values and stamps), as the user sees it. */
  forms: Map<string, EditBase>;
}

interface FieldWriteLog {
  recordId: string;
  field: string;
  value: unknown;
  stamp: string;
  /** The stamp of the value the user saw in this field when they wrote (null: none). */
  seen: string | null;
}

const TITLES = ['ประชุม', 'สัมมนา', 'อบรม', 'ลงพื้นที่'];
const LEADS = ['', 'นำเรื่อง ก', 'นำเรื่อง ข', 'นำเรื่อง ค'];
const BODIES = ['<p>หนึ่ง</p>', '<p>สอง</p>', '<p>สาม</p>'];
const TAGS = [[], ['ศส.ปชต.'], ['อบรม', 'เยาวชน']];

type EditedField = 'title' | 'lead' | 'bodyHtml' | 'tags';

type Command =
  | { kind: 'edit'; device: number; record: number; field: EditedField; value: number }
  | { kind: 'open-form'; device: number; record: number }
  | { kind: 'save-form'; device: number; record: number; field: EditedField; value: number }
  | { kind: 'delete'; device: number; record: number }
  | { kind: 'restore'; device: number; record: number }
  | { kind: 'create'; device: number }
  | { kind: 'sync'; device: number }
  | { kind: 'offline'; device: number; offline: boolean }
  | { kind: 'fault'; device: number; fault: Fault }
  | { kind: 'reload'; device: number }
  | { kind: 'restart-server' };

const commandArb = (devices: number): fc.Arbitrary<Command> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const record = fc.integer({ min: 0, max: 3 });
  const field = fc.constantFrom<EditedField>('title', 'lead', 'bodyHtml', 'tags');
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, record, field, value: fc.nat(3) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('open-form' as const), device, record }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('save-form' as const), device, record, field, value: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, record }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), device, record }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), device }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('offline' as const), device, offline: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), device, fault: fc.constantFrom<Fault>('drop', 'duplicate') }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reload' as const), device }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'restart-server' as const }) },
  );
};

const scenarioArb = fc.integer({ min: 3, max: MAX_DEVICES }).chain((devices) =>
  fc.record({ devices: fc.constant(devices), commands: fc.array(commandArb(devices), { minLength: 4, maxLength: 24 }) }),
);

describe('sync convergence (property, real server store)', () => {
  let store: Store;
  let server: ProvinceDeskServer;
  const devices: Device[] = [];
  const userIds: string[] = [];
  let run = 0;
  const stats = { runs: 0, writes: 0, conflicts: 0, drops: 0, duplicates: 0, restarts: 0, reloads: 0 };

  /** fastify.inject as the transport, through the current server (restarts swap it), with faults. */
  const requester = (device: () => Device): SyncRequester => {
    const once = async (request: SyncHttpRequest): Promise<SyncHttpResponse> => {
      const response = await server.app.inject({
        method: request.method,
        url: request.path,
        headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${device().login.token}` },
        ...(request.body === undefined ? {} : { payload: request.body as object }),
      });
      return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as unknown) : null };
    };
    return async (request): Promise<DeskResult<SyncHttpResponse>> => {
      const d = device();
      if (d.offline) return { ok: false, error: { code: 'network', message: 'offline' } };
      const fault = d.nextFault;
      d.nextFault = 'none';
      if (fault === 'duplicate') {
        stats.duplicates++;
        await once(request);
      }
      const answer = await once(request);
      // The server did the work; the answer never arrived.
      if (fault === 'drop') stats.drops++;
      if (fault === 'drop') return { ok: false, error: { code: 'network', message: 'answer lost' } };
      return { ok: true, value: answer };
    };
  };

  const openDevice = async (slot: number, login: LoginResponse, dbName: string): Promise<Device> => {
    const data = await openDeskData(createTestDatabase(undefined, dbName));
    const device = { slot, dbName, login, data, offline: false, nextFault: 'none', forms: new Map() } as Device;
    device.agent = new SyncAgent({ data, request: requester(() => devices[slot] ?? device), getSession: async () => ({ deviceId: login.deviceId, user: login.user }), pullLimit: 3, initialPullLimit: 4 });
    return device;
  };

  beforeAll(async () => {
    store = await openStore({ kind: 'pglite' });
    server = await createServer({ store, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
    const office = await createOffice(store.sql, { provinceCode: PROVINCE, districtCode: `${PROVINCE}00`, name: 'ตั้งต้น' });
    for (let slot = 0; slot < MAX_DEVICES; slot++) {
      const username = `prop-officer-${slot}-${uuidv7().slice(-6)}`;
      const { id } = await createUser(store.sql, { username, displayName: `เจ้าหน้าที่ ${slot + 1}`, role: 'officer', officeId: office.id, password: 'password-123' });
      userIds.push(id);
      const response = await server.app.inject({ method: 'POST', url: '/v1/auth/login', headers: PROTOCOL_HEADERS, payload: { username, password: 'password-123', deviceName: `เครื่อง ${slot + 1}` } });
      devices.push(await openDevice(slot, response.json<LoginResponse>(), `prop-device-${slot}-${uuidv7()}`));
    }
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  /** A fresh scope for the run (a district office of its own) and empty local data on every device. */
  const startRun = async (count: number): Promise<string> => {
    run++;
    // 90 provinces × 99 districts: a scope no earlier run has touched.
    const provinceCode = String(10 + (Math.floor((run - 1) / 99) % 90));
    const district = `${provinceCode}${String(1 + ((run - 1) % 99)).padStart(2, '0')}`;
    const office = await createOffice(store.sql, { provinceCode, districtCode: district, name: `รอบ ${run}` });
    for (let slot = 0; slot < count; slot++) {
      await setUserOffice(store.sql, userIds[slot] as string, office.id);
      const device = devices[slot] as Device;
      device.offline = false;
      device.nextFault = 'none';
      device.forms.clear();
      const { db } = device.data;
      await db.transaction('rw', [...SYNCED_TABLES.map((t) => db.table(t)), db.conflicts, db.syncState, db.outbox], async () => {
        for (const t of SYNCED_TABLES) await db.table(t).clear();
        await db.conflicts.clear();
        expect(await db.outbox.count()).toBe(0);
        await db.syncState.where('key').noneOf(['device', 'clock']).delete();
      });
    }
    return district;
  };

  const syncUntilOk = async (device: Device): Promise<void> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await device.agent.sync('converge');
      if (result.ok) return;
    }
    throw new Error(`device ${device.slot} could not sync`);
  };

  it(`converges with no write lost (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ devices: count, commands }) => {
        const district = await startRun(count);
        const scope = { provinceCode: district.slice(0, 2), districtCode: district };
        const active = devices.slice(0, count);
        const writes: FieldWriteLog[] = [];
        const recordIds: string[] = [];

        /** The write just queued; `form`: what the user's form showed them, when they wrote through one. */
        const logLastEntry = async (device: Device, form?: EditBase) => {
          const entry = await device.data.db.outbox.orderBy(':id').last();
          if (!entry) return;
          for (const [field, change] of Object.entries(entry.changes)) {
            const seen = form && !BOOKKEEPING_FIELDS.includes(field) ? (form.stamps[field] ?? null) : change.prev;
            writes.push({ recordId: entry.recordId, field, value: change.value, stamp: change.stamp, seen });
          }
        };
        const valueOf = (field: EditedField, value: number) =>
          field === 'title' ? TITLES[value % 4] : field === 'lead' ? LEADS[value % 4] : field === 'bodyHtml' ? BODIES[value % 3] : TAGS[value % 3];
        const create = async (device: Device) => {
          const item = await device.data.news.createDraft({ title: TITLES[recordIds.length % TITLES.length] as string }, author, scope);
          recordIds.push(item.id);
          await logLastEntry(device);
        };

        // Two shared records, known to everyone.
        await create(active[0] as Device);
        await create(active[0] as Device);
        await syncUntilOk(active[0] as Device);
        for (const device of active.slice(1)) await syncUntilOk(device);

        for (const command of commands) {
          const device = 'device' in command ? (active[command.device] as Device) : undefined;
          switch (command.kind) {
            case 'edit':
            case 'delete':
            case 'restore': {
              const id = recordIds[command.record % recordIds.length] as string;
              const d = device as Device;
              if (!(await d.data.news.get(id))) break; // not on this device yet
              if (command.kind === 'edit') {
                await d.data.news.update(id, { [command.field]: valueOf(command.field, command.value) });
              } else {
                await d.data.news.update(id, { deleted: command.kind === 'delete' });
              }
              await logLastEntry(d);
              break;
            }
            case 'open-form': {
              const d = device as Device;
              const id = recordIds[command.record % recordIds.length] as string;
              const stored = await d.data.news.get(id);
              if (stored) d.forms.set(id, { values: { ...stored }, stamps: { ...stored._stamps } });
              break;
            }
            case 'save-form': {
              // The form saves everything it shows, as it loaded it but for the one field typed in.
              const d = device as Device;
              const id = recordIds[command.record % recordIds.length] as string;
              const form = d.forms.get(id);
              if (!form) break;
              const { title, lead, bodyHtml, tags, deleted } = form.values as NewsItem;
              const patch: NewsPatch = { title, lead, bodyHtml, tags, deleted, [command.field]: valueOf(command.field, command.value) };
              const before = await d.data.db.outbox.count();
              const saved = await d.data.news.update(id, patch, { base: form });
              if ((await d.data.db.outbox.count()) === before) break; // nothing typed that differs: nothing written
              await logLastEntry(d, form);
              // The form now shows what it saved: its own write is what the user has seen of that field.
              d.forms.set(id, { values: { ...form.values, [command.field]: saved[command.field] }, stamps: { ...form.stamps, [command.field]: saved._stamps[command.field] as string } });
              break;
            }
            case 'create':
              await create(device as Device);
              break;
            case 'sync':
              await (device as Device).agent.sync('property');
              break;
            case 'offline':
              (device as Device).offline = command.offline;
              break;
            case 'fault':
              (device as Device).nextFault = command.fault;
              break;
            case 'reload': {
              const d = device as Device;
              d.data.db.close();
              stats.reloads++;
              // Closing the app closes its forms; the edits they saved are in the outbox.
              const reopened = await openDevice(d.slot, d.login, d.dbName);
              reopened.offline = d.offline;
              devices[d.slot] = reopened;
              active[command.device] = reopened;
              break;
            }
            case 'restart-server':
              stats.restarts++;
              await server.close();
              server = await createServer({ store, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
              break;
          }
        }

        // Everyone comes back: two rounds (push everything, then pull everything).
        for (const device of active) {
          device.offline = false;
          device.nextFault = 'none';
        }
        for (const device of active) await syncUntilOk(device);
        for (const device of active) await syncUntilOk(device);

        // 1. Nothing left unsent; every device holds exactly what the server holds.
        const { rows } = await store.sql.query<{ id: string; vals: Record<string, unknown>; stamps: Record<string, string> }>(
          `SELECT id, vals, stamps FROM records WHERE table_name = 'news' AND province_code = $1 AND district_code = $2`,
          [scope.provinceCode, district],
        );
        const serverView = Object.fromEntries(rows.map((r) => [r.id, { values: r.vals, stamps: r.stamps }]));
        expect(Object.keys(serverView).sort()).toEqual([...recordIds].sort());
        for (const device of active) {
          expect(await device.data.db.outbox.count()).toBe(0);
          const local: Record<string, unknown> = {};
          for (const row of await device.data.db.news.toArray()) {
            const { _stamps, searchTokens: _t, id, provinceCode: _p, districtCode: _d, ...values } = row as unknown as Record<string, unknown> & { _stamps: Record<string, string>; id: string };
            local[id] = { values, stamps: _stamps };
          }
          expect(canonicalJson(local)).toBe(canonicalJson(serverView));
        }

        // 2. LWW: each field holds its latest write.
        const latest = new Map<string, FieldWriteLog>();
        for (const w of writes) {
          const key = `${w.recordId}/${w.field}`;
          const seen = latest.get(key);
          if (!seen || compareStamps(w.stamp, seen.stamp) > 0) latest.set(key, w);
        }
        for (const [key, w] of latest) {
          const [id, field] = key.split('/') as [string, string];
          expect(serverView[id]?.stamps[field]).toBe(w.stamp);
          expect(canonicalJson(serverView[id]?.values[field])).toBe(canonicalJson(w.value));
        }

        // 3. No write lost: each is the current value, or was overwritten by someone who had seen it,
        //    or is kept in a conflict row (nor is any conflict row made up).
        const conflicts = (
          await store.sql.query<{ record_id: string; field: string; winner_stamp: string; loser_stamp: string; winner_value: unknown; loser_value: unknown }>(
            `SELECT record_id, field, winner_stamp, loser_stamp, winner_value, loser_value FROM conflicts WHERE province_code = $1 AND district_code = $2`,
            [scope.provinceCode, district],
          )
        ).rows;
        stats.runs++;
        stats.writes += writes.length;
        stats.conflicts += conflicts.length;
        const inConflict = new Set(conflicts.flatMap((c) => [`${c.record_id}/${c.field}/${c.winner_stamp}`, `${c.record_id}/${c.field}/${c.loser_stamp}`]));
        const byStamp = new Map(writes.map((w) => [`${w.recordId}/${w.field}/${w.stamp}`, w]));
        // The server keeps no conflict between equal values (two devices stamping updatedAt in the same
        // millisecond, or typing the same title): such a write is kept when its twin is.
        const accounted = (w: FieldWriteLog): boolean =>
          // Bookkeeping (updatedAt) is the app's, not typed by anyone: merged by LWW without conflicts.
          BOOKKEEPING_FIELDS.includes(w.field) ||
          serverView[w.recordId]?.stamps[w.field] === w.stamp ||
          canonicalJson(serverView[w.recordId]?.values[w.field]) === canonicalJson(w.value) ||
          inConflict.has(`${w.recordId}/${w.field}/${w.stamp}`) ||
          writes.some((o) => o.recordId === w.recordId && o.field === w.field && o.seen !== null && compareStamps(o.seen, w.stamp) >= 0);
        for (const w of writes) {
          if (accounted(w)) continue;
          const twin = writes.some((o) => o !== w && o.recordId === w.recordId && o.field === w.field && canonicalJson(o.value) === canonicalJson(w.value) && accounted(o));
          expect(twin, `write ${w.field}=${JSON.stringify(w.value)} @${w.stamp} lost`).toBe(true);
        }
        for (const c of conflicts) {
          expect(compareStamps(c.winner_stamp, c.loser_stamp)).toBe(1);
          for (const [stamp, value] of [[c.winner_stamp, c.winner_value], [c.loser_stamp, c.loser_value]] as const) {
            const w = byStamp.get(`${c.record_id}/${c.field}/${stamp}`);
            expect(w, 'a conflict row names a write that was made').toBeDefined();
            expect(canonicalJson(w?.value)).toBe(canonicalJson(value));
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`sync property: ${JSON.stringify(stats)}`);
    // The scenarios do reach the interesting cases.
    expect(stats.conflicts).toBeGreaterThan(0);
  }, 600_000);
});
