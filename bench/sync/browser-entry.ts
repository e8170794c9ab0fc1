// Runs inside Chromium (bundled by bench/sync/run.ts): the real data layer on the browser's IndexedDB and
// the real sync agent, against the bench server on the same origin.
import { DeskDatabase } from '../../renderer/db/database';
import { openDeskData, type DeskData } from '../../renderer/db/desk-data';
import { createFetchSyncRequest } from '../../renderer/bridge/web-sync-request';
import { withDerivedFields } from '../../renderer/db/record-writer';
import { workerFieldDeriver } from '../../renderer/sync/field-deriver';
import { SyncAgent } from '../../renderer/sync/sync-agent';
import { decodeRecordStamps, type PullResponse, type SessionUser } from '../../shared/sync/protocol';
import type { SyncedTable } from '../../shared/domain/synced-tables';

interface Session {
  token: string;
  deviceId: string;
  user: SessionUser;
}

let data: DeskData | null = null;
let agent: SyncAgent | null = null;
/** Time spent waiting for the server (request sent → answer parsed), so the notes split agent from server. */
let waitingMs = 0;

function request(session: Session) {
  return createFetchSyncRequest({ getServerUrl: () => location.origin, getToken: () => session.token });
}

async function pullThroughAgent(session: Session): Promise<{ records: number; ms: number; waitingMs: number }> {
  data = await openDeskData(new DeskDatabase(`bench-agent-${Date.now()}`));
  const inner = request(session);
  const timed: typeof inner = async (r) => {
    const t0 = performance.now();
    const answer = await inner(r);
    waitingMs += performance.now() - t0;
    return answer;
  };
  waitingMs = 0;
  // As the app does: derived fields computed in the worker (bundled beside this script by run.ts).
  const deriveFields = workerFieldDeriver(() => new Worker('/derive-worker.js', { type: 'module' }));
  agent = new SyncAgent({ data, request: timed, getSession: async () => ({ deviceId: session.deviceId, user: session.user }), deriveFields });
  const started = performance.now();
  const result = await agent.sync('bench');
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`pull failed: ${result.problem} ${result.detail}`);
  return { records: result.pulled, ms, waitingMs };
}

/**
 * The same records, fetched first (not timed), then one raw bulkPut per table into a fresh database.
 * `asStored`: the rows exactly as the agent stores them, their derived fields (search tokens, sort keys)
 * computed beforehand — the same bytes and index entries, so the ratio is the agent's own overhead.
 * Without it: the bare synced fields (fewer index entries), kept in the notes for comparison.
 */
async function rawBulkPut(session: Session, asStored: boolean): Promise<{ records: number; ms: number }> {
  const call = request(session);
  const byTable = new Map<SyncedTable, Record<string, unknown>[]>();
  let cursor = 0;
  let epoch = '';
  let count = 0;
  for (;;) {
    const answer = await call({ method: 'GET', path: `/v1/sync/pull?cursor=${cursor}${cursor > 0 ? `&epoch=${epoch}` : ''}&limit=2000` });
    if (!answer.ok || answer.value.status !== 200) throw new Error('raw fetch failed');
    const page = answer.value.body as PullResponse;
    for (const r of page.records) {
      const row = { ...r.values, id: r.id, provinceCode: r.provinceCode, districtCode: r.districtCode, _stamps: decodeRecordStamps(r, Object.keys(r.values)) };
      const list = byTable.get(r.table) ?? [];
      list.push(asStored ? withDerivedFields(r.table, row as never) : row);
      byTable.set(r.table, list);
      count++;
    }
    cursor = page.cursor;
    epoch = page.epoch;
    if (!page.hasMore) break;
  }
  const db = new DeskDatabase(`bench-raw-${Date.now()}`);
  await db.open();
  const started = performance.now();
  for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
  const ms = performance.now() - started;
  db.close();
  return { records: count, ms };
}

/** Queues `count` edits (one per news record) through the record writer. Not timed. */
async function queueEdits(count: number): Promise<number> {
  if (!data) throw new Error('pull first');
  const ids = (await data.db.news.toCollection().primaryKeys()).slice(0, count) as string[];
  let i = 0;
  for (const id of ids) await data.news.update(id, { lead: `แก้ไขครั้งที่ ${++i} ${'ข้อความ'.repeat(5)}` });
  return data.db.outbox.count();
}

/** Times the push of everything queued: from the start of the sync until the agent moves on to pulling. */
async function pushQueued(): Promise<{ pushed: number; ms: number; left: number; waitingMs: number }> {
  if (!agent || !data) throw new Error('pull first');
  waitingMs = 0;
  const started = performance.now();
  let pushMs = 0;
  let pushWaitingMs = 0;
  const off = agent.status.subscribe(() => {
    if (pushMs === 0 && agent?.status.get().phase === 'pulling') {
      pushMs = performance.now() - started;
      pushWaitingMs = waitingMs;
    }
  });
  const result = await agent.sync('bench-push');
  off();
  return { pushed: result.pushed, ms: pushMs || performance.now() - started, left: await data.db.outbox.count(), waitingMs: pushWaitingMs };
}

Object.assign(window, { syncBench: { pullThroughAgent, rawBulkPut, queueEdits, pushQueued } });
