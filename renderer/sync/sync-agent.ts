// The device's sync agent (issue 3): pushes the outbox in order, pulls and merges field by field with
// pending local edits, and moves the cursor only in the transaction that stored the page.
//
// Crash safety, step by step:
// - a local edit is in the outbox from the moment it is written (RecordWriter: one transaction);
// - before a push, the entries get sentAt (the writer never coalesces into a sent entry);
// - an entry leaves the outbox only once the server answered applied/duplicate (or rejected, when it is
//   moved to the rejected list the sync page shows); a lost answer means resending the same mutation id,
//   which the server answers "duplicate";
// - a pulled page, the clock that received its stamps, its conflicts and the new cursor are stored in one
//   transaction: a crash mid-page pulls the page again, and merging it twice is a no-op (LWW is idempotent).

import { SYNCED_TABLES, type RecordOf, type SyncedTable } from '../../shared/domain/synced-tables';
import { mergeRemoteIntoLocal, type FieldWrite, type StampedRecord } from '../../shared/sync/field-merge';
import { ClockDriftError, compareStamps, InvalidStampError, isStamp, parseStamp } from '../../shared/sync/hybrid-logical-clock';
import type { Mutation } from '../../shared/sync/mutation';
import {
  DEFAULT_PULL_LIMIT,
  decodeRecordStamps,
  MAX_PULL_LIMIT,
  MAX_PUSH_MUTATIONS,
  type MutationResult,
  type PullResponse,
  type SessionUser,
} from '../../shared/sync/protocol';
import type { DeskData } from '../db/desk-data';
import { saveDeviceClock } from '../db/device-clock';
import type { LocalRecord, OutboxEntry } from '../db/local-record';
import { hasDerivedFields, withoutDerivedFields } from '../db/derived-fields';
import { isMetaField } from '../db/record-writer';
import { BlobSync, type BlobSyncReport, type BlobTransfer } from './blob-sync';
import { deriveInThisThread, type FieldDeriver } from './field-deriver';
import { SyncCallError, SyncClient, type SyncRequester } from './sync-client';
import {
  conflictRowFromWire,
  HISTORY_KEY,
  HISTORY_LIMIT,
  LAST_SYNC_KEY,
  PULL_STATE_KEY,
  REJECTED_KEY,
  REJECTED_LIMIT,
  type PullState,
  type RejectedChange,
  type SyncedConflictRow,
  type SyncHistoryEntry,
} from './sync-records';
import { SyncStatusStore, type SyncProblem } from './sync-status';
import { canRead, canWrite, scopeFor, type Scope } from '../../shared/sync/record-scope';
import { isRedacted, isRedactedField } from '../../shared/domain/redacted-value';

/** Who this device is on the server: from the sign-in (main keeps the token; the renderer never sees it). */
export interface SyncSessionInfo {
  deviceId: string;
  user: SessionUser;
}

export interface SyncAgentOptions {
  data: DeskData;
  request: SyncRequester;
  getSession: () => Promise<SyncSessionInfo | null>;
  /** Wall clock for sentAt, history and re-stamping; the HLC keeps its own. */
  now?: () => number;
  pullLimit?: number;
  /** Pull page size when starting from scratch (first sync, refetch): bigger pages, fewer round trips. */
  initialPullLimit?: number;
  pushBatchSize?: number;
  /** JSON size above which a push batch is split (the server takes 10 MiB). */
  maxPushBytes?: number;
  status?: SyncStatusStore;
  /** Attachment bytes (desk.blobStatus/blobUpload/blobDownload); without it only records sync. */
  blobTransfer?: BlobTransfer;
  blobChunkBytes?: number;
  /** Where pulled records' search tokens and sort keys are computed (the app: a worker). */
  deriveFields?: FieldDeriver;
  /** The server said an administrator wiped this device (401 device-wiped): the app deletes everything. */
  onDeviceWiped?: () => void;
}

export interface SyncRunResult {
  ok: boolean;
  pushed: number;
  pulled: number;
  conflicts: number;
  problem: SyncProblem | null;
  detail: string | null;
  /** Attachment blobs sent and received in this run (failures show as problem/detail). */
  blobs?: { uploaded: number; downloaded: number; waiting: number; failed: number };
}

/**
 * Outbox entries as the agent keeps them. `restampedFrom`: pending field writes of an entry re-stamped
 * after clock-ahead, the stamps it first had. `reconcile`: not an edit but writes a restored server lacks,
 * queued by a refetch (a refusal of one is not the user's refused change).
 */
type OutboxEntryWithRestamp = OutboxEntry & { restampedFrom?: Record<string, string>; reconcile?: true };

/** A push batch ready to send: its mutations and the outbox entries they came from. */
interface PreparedBatch {
  mutations: Mutation[];
  bySeq: Map<number, OutboxEntryWithRestamp>;
  /** The last outbox seq this batch covers; the next batch starts after it. */
  lastSeq: number;
}

interface AcknowledgeOutcome {
  acknowledged: number;
  rejected: number;
  rejectedMessage: string | null;
  /** Reconcile entries the server refused: settled, but nobody's refused change. */
  settledQuietly: number;
}

const MAX_CLOCK_AHEAD_RETRIES = 2;
const MAX_REFETCH_RESTARTS = 3;

class SyncAbort extends Error {
  constructor(
    readonly problem: SyncProblem,
    readonly detail: string | null,
  ) {
    super(problem);
  }
}

export class SyncAgent {
  readonly status: SyncStatusStore;
  private readonly data: DeskData;
  private readonly client: SyncClient;
  private readonly getSession: () => Promise<SyncSessionInfo | null>;
  private readonly now: () => number;
  private readonly pullLimit: number;
  private readonly initialPullLimit: number;
  private readonly pushBatchSize: number;
  private readonly maxPushBytes: number;
  private readonly blobSync: BlobSync | null;
  private readonly deriveFields: FieldDeriver;
  private readonly onDeviceWiped: (() => void) | undefined;
  private running: Promise<SyncRunResult> | null = null;
  private again = false;
  private againReason = '';

  constructor(options: SyncAgentOptions) {
    this.data = options.data;
    this.client = new SyncClient(options.request);
    this.getSession = options.getSession;
    this.now = options.now ?? Date.now;
    this.pullLimit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
    this.initialPullLimit = options.initialPullLimit ?? MAX_PULL_LIMIT;
    this.pushBatchSize = Math.min(options.pushBatchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
    this.maxPushBytes = options.maxPushBytes ?? 4 * 1024 * 1024;
    this.status = options.status ?? new SyncStatusStore();
    this.deriveFields = options.deriveFields ?? deriveInThisThread;
    this.onDeviceWiped = options.onDeviceWiped;
    this.blobSync = options.blobTransfer ? new BlobSync({ db: options.data.db, transfer: options.blobTransfer, chunkBytes: options.blobChunkBytes }) : null;
  }

  private get db() {
    return this.data.db;
  }

  /** The synced tables this database has (a table added to shared/ before its Dexie version is skipped). */
  private recordTables(): SyncedTable[] {
    const present = new Set(this.db.tables.map((t) => t.name));
    return SYNCED_TABLES.filter((t) => present.has(t));
  }

  /**
   * Push, then pull. One run at a time: a call during a run makes one more run after it (so a change
   * made while syncing is not left waiting for the next timer), and both callers get that later result.
   */
  sync(reason = 'manual'): Promise<SyncRunResult> {
    if (this.running) {
      this.again = true;
      this.againReason = reason;
      return this.running;
    }
    const run = (async () => {
      try {
        let result = await this.runOnce(reason);
        while (this.again) {
          this.again = false;
          result = await this.runOnce(this.againReason);
        }
        return result;
      } finally {
        // Synchronous with the last check of `again`: no call can slip between them.
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Reads the last sync time persisted by an earlier session, for the status bar right at start. */
  async restoreStatus(): Promise<void> {
    const [last, session] = await Promise.all([this.db.syncState.get(LAST_SYNC_KEY), this.getSession().catch(() => null)]);
    this.status.update({
      lastSyncAt: typeof last?.value === 'string' ? last.value : null,
      state: session ? 'up-to-date' : 'signed-out',
    });
  }

  private async runOnce(reason: string): Promise<SyncRunResult> {
    const started = this.now();
    const result: SyncRunResult = { ok: false, pushed: 0, pulled: 0, conflicts: 0, problem: null, detail: null };
    let warning: { problem: SyncProblem; detail: string | null } | null = null;
    const session = await this.getSession().catch(() => null);
    if (!session) {
      this.status.update({ state: 'signed-out', phase: 'idle', problem: 'signed-out', detail: null, initialPull: null });
      return { ...result, problem: 'signed-out' };
    }
    this.status.update({ state: 'syncing', phase: 'pushing', problem: null, detail: null });
    try {
      // Blobs go up before the records that name them (protocol: other devices then never pull a photo
      // whose bytes are not there yet); a failed upload never holds back the push.
      const uploaded = this.blobSync ? await this.blobSync.uploadPending() : null;
      const pushed = await this.pushAll(session);
      result.pushed = pushed.acknowledged;
      if (pushed.rejected > 0) warning = { problem: 'rejected', detail: pushed.rejectedMessage };
      this.status.update({ phase: 'pulling' });
      const pulled = await this.pullAll(session);
      result.pulled = pulled.records;
      result.conflicts = pulled.conflicts;
      if (pulled.reconciled) {
        // A restored server lacks what was queued again: send it now (bytes first, as always), not at the next sync.
        this.status.update({ phase: 'pushing' });
        const bytes = this.blobSync ? await this.blobSync.uploadPending() : null;
        if (uploaded && bytes) uploaded.uploaded += bytes.uploaded;
        const again = await this.pushAll(session);
        result.pushed += again.acknowledged;
        if (again.rejected > 0) warning ??= { problem: 'rejected', detail: again.rejectedMessage };
        if (bytes?.problem) warning ??= { problem: bytes.problem, detail: bytes.detail };
      }
      if (pulled.clockBehind) warning ??= { problem: 'clock-behind', detail: null };
      const downloaded = this.blobSync ? await this.blobSync.downloadMissing() : null;
      result.blobs = blobCounts(uploaded, downloaded);
      const blobProblem = uploaded?.problem ? uploaded : downloaded?.problem ? downloaded : null;
      if (blobProblem?.problem) warning ??= { problem: blobProblem.problem, detail: blobProblem.detail };
      result.ok = true;
      result.problem = warning?.problem ?? null;
      result.detail = warning?.detail ?? null;
      const at = new Date(this.now()).toISOString();
      await this.db.syncState.put({ key: LAST_SYNC_KEY, value: at });
      this.status.update({
        state: 'up-to-date',
        phase: 'idle',
        initialPull: null,
        lastSyncAt: at,
        problem: warning?.problem ?? null,
        detail: warning?.detail ?? null,
        clockWarning: pulled.clockBehind ? 'clock-behind' : pushed.clockAhead ? 'clock-ahead' : null,
      });
    } catch (error) {
      const { problem, detail } = toProblem(error);
      result.problem = problem;
      result.detail = detail;
      if (problem === 'device-wiped') this.onDeviceWiped?.();
      this.status.update({
        state: problem === 'offline' ? 'offline' : problem === 'unauthorized' ? 'signed-out' : 'error',
        phase: 'idle',
        initialPull: null,
        problem,
        detail,
        ...(problem === 'clock-ahead' ? { clockWarning: 'clock-ahead' as const } : {}),
      });
    }
    await this.addHistory({
      at: new Date(started).toISOString(),
      reason,
      outcome: result.ok ? (result.problem ? 'warning' : 'ok') : 'error',
      pushed: result.pushed,
      pulled: result.pulled,
      conflicts: result.conflicts,
      problem: result.problem,
      detail: result.detail,
      durationMs: Math.max(0, this.now() - started),
    }).catch(() => undefined);
    return result;
  }

  // ---------------------------------------------------------------- push

  /**
   * Sends the outbox in order, one batch in flight at a time (the server must apply a device's batches in
   * the order they were written). The device's own work overlaps the request: while batch N travels, batch
   * N+1 is read and marked sent; once N is answered, N+1 leaves at once and N's answer is stored meanwhile.
   */
  private async pushAll(session: SyncSessionInfo): Promise<{ acknowledged: number; rejected: number; rejectedMessage: string | null; clockAhead: boolean }> {
    let acknowledged = 0;
    let rejected = 0;
    let rejectedMessage: string | null = null;
    let clockAheadRetries = 0;
    let batchSize = this.pushBatchSize;
    let storing: Promise<AcknowledgeOutcome> | null = null;
    const settleStoring = async () => {
      if (!storing) return;
      const outcome = await storing;
      storing = null;
      acknowledged += outcome.acknowledged;
      rejected += outcome.rejected;
      rejectedMessage ??= outcome.rejectedMessage;
      // The server answered none of them: do not loop on the same batch.
      if (outcome.acknowledged + outcome.rejected + outcome.settledQuietly === 0) throw new SyncAbort('bad-response', null);
    };
    try {
      let batch = await this.prepareBatch(session.deviceId, batchSize, 0);
      while (batch) {
        const answering = this.client.push(batch.mutations);
        const following = this.prepareBatch(session.deviceId, batchSize, batch.lastSeq);
        // Neither may end as an unhandled rejection while the other is awaited.
        answering.catch(() => undefined);
        following.catch(() => undefined);
        let answer;
        try {
          answer = await answering;
        } catch (error) {
          await following.catch(() => undefined);
          await settleStoring();
          if (error instanceof SyncCallError && error.code === 'clock-ahead' && error.serverTime) {
            // The PC clock ran ahead: move the HLC back to the server's time and re-stamp what waits.
            // If the PC clock is still wrong the new stamps are ahead again: after a few rounds, say so.
            if (++clockAheadRetries > MAX_CLOCK_AHEAD_RETRIES) throw new SyncAbort('clock-ahead', error.message);
            await this.restampAfterClockAhead(Date.parse(error.serverTime));
            batch = await this.prepareBatch(session.deviceId, batchSize, 0);
            continue;
          }
          if (error instanceof SyncCallError && error.code === 'payload-too-large' && batch.mutations.length > 1) {
            batchSize = Math.max(1, Math.floor(batch.mutations.length / 2));
            batch = await this.prepareBatch(session.deviceId, batchSize, 0);
            continue;
          }
          throw error;
        }
        await settleStoring();
        storing = this.acknowledge(session.deviceId, batch.bySeq, answer.results);
        storing.catch(() => undefined);
        batch = await following;
      }
      await settleStoring();
    } finally {
      // Whatever happened, an answer already received is stored before the run ends.
      await (storing as Promise<AcknowledgeOutcome> | null)?.catch(() => undefined);
    }
    return { acknowledged, rejected, rejectedMessage, clockAhead: clockAheadRetries > 0 };
  }

  /**
   * The next batch after `afterSeq` as mutations, its entries marked sent; null when nothing is left.
   * Entries that change nothing the server stores leave the outbox here.
   */
  private async prepareBatch(deviceId: string, limit: number, afterSeq: number): Promise<PreparedBatch | null> {
    for (;;) {
      const entries = await this.takeBatch(limit, afterSeq);
      if (entries.length === 0) return null;
      const mutations: Mutation[] = [];
      const bySeq = new Map<number, OutboxEntryWithRestamp>();
      const emptySeqs: number[] = [];
      let bytes = 0;
      let lastSeq = afterSeq;
      for (const entry of entries) {
        const seq = entry.seq as number;
        const mutation = toMutation(deviceId, entry);
        if (mutation === null) {
          emptySeqs.push(seq);
          lastSeq = seq;
          continue;
        }
        const size = JSON.stringify(mutation).length;
        if (mutations.length > 0 && bytes + size > this.maxPushBytes) break;
        bytes += size;
        mutations.push(mutation);
        bySeq.set(seq, entry);
        lastSeq = seq;
      }
      if (emptySeqs.length > 0) await this.db.outbox.bulkDelete(emptySeqs);
      if (mutations.length > 0) return { mutations, bySeq, lastSeq };
      afterSeq = lastSeq;
    }
  }

  /** The oldest entries after `afterSeq`, marked sent in the same transaction that read them (so none is coalesced into). */
  private takeBatch(limit: number, afterSeq: number): Promise<OutboxEntryWithRestamp[]> {
    return this.db.transaction('rw', this.db.outbox, async () => {
      const entries = (await this.db.outbox.where(':id').above(afterSeq).limit(limit).toArray()) as OutboxEntryWithRestamp[];
      const unsent = entries.filter((e) => e.sentAt === null);
      if (unsent.length > 0) {
        const sentAt = new Date(this.now()).toISOString();
        for (const entry of unsent) entry.sentAt = sentAt;
        // One bulk write of the rows just read, not a cursor that updates them one by one.
        await this.db.outbox.bulkPut(unsent);
      }
      return entries;
    });
  }

  private async acknowledge(deviceId: string, bySeq: Map<number, OutboxEntryWithRestamp>, results: MutationResult[]): Promise<AcknowledgeOutcome> {
    const resultById = new Map(results.map((r) => [r.id, r]));
    const done: number[] = [];
    const rejectedChanges: RejectedChange[] = [];
    const reverts: OutboxEntryWithRestamp[] = [];
    const prunedMeanwhile: OutboxEntryWithRestamp[] = [];
    let acknowledged = 0;
    let settledQuietly = 0;
    let rejectedMessage: string | null = null;
    for (const [seq, entry] of bySeq) {
      const result = resultById.get(`${deviceId}:${seq}`);
      if (!result) continue; // unanswered: stays queued and is sent again
      done.push(seq);
      if (result.status === 'rejected' && entry.reconcile) {
        // Sent back after a restore, refused: nothing the user typed. A record whose tombstone the server
        // pruned is gone everywhere, so it goes here too; anything else (a step this role may not take on
        // someone else's record) stays as it is here, for its own writer's device to send back.
        settledQuietly++;
        if (result.reason === 'deleted') prunedMeanwhile.push(entry);
      } else if (result.status === 'rejected') {
        rejectedMessage ??= result.message;
        rejectedChanges.push({
          at: new Date(this.now()).toISOString(),
          table: entry.table,
          recordId: entry.recordId,
          mutationId: result.id,
          reason: result.reason,
          message: result.message,
          changes: Object.fromEntries(Object.entries(entry.changes).map(([f, c]) => [f, c.value])),
        });
      } else {
        acknowledged++;
        if (result.status === 'duplicate' && entry.restampedFrom) reverts.push(entry);
      }
    }
    if (done.length === 0) return { acknowledged: 0, rejected: 0, rejectedMessage, settledQuietly };
    await this.db.transaction('rw', [this.db.outbox, this.db.syncState, ...this.recordTables().map((t) => this.db.table(t))], async () => {
      await this.db.outbox.bulkDelete(done);
      for (const entry of prunedMeanwhile) await this.db.recordTable(entry.table).delete(entry.recordId);
      // A re-stamped entry the server had already applied under its first stamps: the server holds
      // those, so the local record goes back to them (the value is the same).
      for (const entry of reverts) await this.revertRestamp(entry);
      if (rejectedChanges.length > 0) {
        const row = await this.db.syncState.get(REJECTED_KEY);
        const list = Array.isArray(row?.value) ? (row.value as RejectedChange[]) : [];
        await this.db.syncState.put({ key: REJECTED_KEY, value: [...rejectedChanges, ...list].slice(0, REJECTED_LIMIT) });
      }
    });
    return { acknowledged, rejected: rejectedChanges.length, rejectedMessage, settledQuietly };
  }

  private async revertRestamp(entry: OutboxEntryWithRestamp): Promise<void> {
    const table = this.db.recordTable(entry.table);
    const record = await table.get(entry.recordId);
    if (!record || !entry.restampedFrom) return;
    const stamps = { ...record._stamps };
    let changed = false;
    for (const [field, original] of Object.entries(entry.restampedFrom)) {
      if (stamps[field] === entry.changes[field]?.stamp) {
        stamps[field] = original;
        changed = true;
      }
    }
    if (changed) await table.update(entry.recordId, { _stamps: stamps } as never);
  }

  /**
   * After `clock-ahead`: reset the HLC to the server's time and give every queued change stamped after
   * it a new stamp, in the outbox and in the record. prev stays: it is what the writer had seen.
   */
  private async restampAfterClockAhead(serverMs: number): Promise<void> {
    const { clock } = this.data;
    await this.db.transaction('rw', [this.db.outbox, this.db.syncState, ...this.recordTables().map((t) => this.db.table(t))], async () => {
      clock.resetTo(serverMs);
      const entries = (await this.db.outbox.orderBy(':id').toArray()) as OutboxEntryWithRestamp[];
      for (const entry of entries) {
        const future = Object.entries(entry.changes).filter(([, c]) => parseStamp(c.stamp).millis > serverMs);
        if (future.length === 0) continue;
        const stamp = clock.tick();
        const changes = { ...entry.changes };
        const restampedFrom = { ...entry.restampedFrom };
        const table = this.db.recordTable(entry.table);
        const record = await table.get(entry.recordId);
        const stamps = record ? { ...record._stamps } : null;
        for (const [field, change] of future) {
          restampedFrom[field] ??= change.stamp;
          changes[field] = { ...change, stamp };
          if (stamps && stamps[field] === change.stamp) stamps[field] = stamp;
        }
        await this.db.outbox.update(entry.seq as number, { changes, restampedFrom } as Partial<OutboxEntry>);
        if (record && stamps) await table.update(entry.recordId, { _stamps: stamps } as never);
      }
      await saveDeviceClock(this.db, clock);
    });
  }

  // ---------------------------------------------------------------- pull

  private async loadPullState(deviceId: string): Promise<PullState> {
    const row = await this.db.syncState.get(PULL_STATE_KEY);
    const value = row?.value as Partial<PullState> | undefined;
    if (value && value.deviceId === deviceId && typeof value.cursor === 'number') {
      return { cursor: value.cursor, deviceId, refetch: value.refetch === true, serverId: value.serverId ?? null, epoch: value.epoch ?? null, before: value.before };
    }
    // First sync with this sign-in. If another sign-in's data is here, start over (what it lacks is
    // dropped or sent back, by `before`); a fresh device just pulls.
    if (value === undefined) return { cursor: 0, deviceId, refetch: false, serverId: null, epoch: null };
    return { ...startingOver(value), deviceId };
  }

  private async pullAll(session: SyncSessionInfo): Promise<{ records: number; conflicts: number; clockBehind: boolean; reconciled: boolean }> {
    let state = await this.loadPullState(session.deviceId);
    // A refetch interrupted by a crash lost its list of seen records: start it again.
    if (state.refetch && state.cursor > 0) state = { ...state, cursor: 0, serverId: null, epoch: null };
    let seen: SeenRecords | null = state.refetch ? new Map() : null;
    // Known at a refetch's first page: whether what the server lacks is sent back or dropped.
    let mode: ReconcileMode | null = null;
    let records = 0;
    let conflicts = 0;
    let clockBehind = false;
    let restarts = 0;
    const fromScratch = state.cursor === 0;
    if (fromScratch) this.status.update({ initialPull: { stored: 0 } });
    // Tables this device has nothing in yet (a first pull): what is stored there during the pull came
    // from the server, and a later server version dominates an earlier one field by field, so their
    // records are written without reading the copy first. Records with queued local edits still merge.
    const emptyAtStart = fromScratch && !seen ? await this.emptyTables() : new Set<SyncedTable>();
    // Every page of a pull from scratch is a big one (not only the first).
    const limit = () => (fromScratch || seen ? this.initialPullLimit : this.pullLimit);
    // The next page is fetched while this one is stored (its cursor is known from the answer); the cursor
    // itself still moves only in the transaction that stored the page.
    let next: Promise<PullResponse> | null = null;
    let committing: Promise<void> | null = null;
    const prepareP = (page: PullResponse) => preparePage(page, new Set(this.recordTables()), this.deriveFields);
    for (;;) {
      let page: PullResponse;
      try {
        page = await (next ?? this.client.pull(state.cursor, limit(), state.epoch ?? null));
      } catch (error) {
        next = null;
        // What was fetched before is stored first (or its failure reported).
        if (committing) await committing;
        committing = null;
        if (error instanceof SyncCallError && error.code === 'refetch' && restarts++ < MAX_REFETCH_RESTARTS) {
          // History pruned, scope changed, or the server restored from an older backup (a new epoch): start over.
          state = { ...startingOver(state), deviceId: session.deviceId };
          seen = new Map();
          mode = null;
          await this.db.syncState.put({ key: PULL_STATE_KEY, value: state });
          this.status.update({ initialPull: { stored: 0 } });
          continue;
        }
        throw error;
      }
      if (seen && mode === null) mode = reconcileMode(state.before, page);
      next = page.hasMore ? this.client.pull(page.cursor, limit(), page.epoch) : null;
      // A prefetch that fails is retried (or reported) by the loop; never an unhandled rejection.
      next?.catch(() => undefined);
      // The work for this page (stamps here, derived fields in the deriver's worker) overlaps the commit
      // of the previous one, which IndexedDB does off this thread; pages still commit strictly in order.
      const preparing = prepareP(page);
      preparing.catch(() => undefined);
      if (committing) await committing;
      const prepared = await preparing;
      state = { ...state, cursor: page.cursor, serverId: page.serverId, epoch: page.epoch };
      committing = this.applyPage(page, state, seen, mode === 'resend', prepared, emptyAtStart).then((applied) => {
        clockBehind ||= applied.clockBehind;
      });
      committing.catch(() => undefined);
      records += page.records.length;
      conflicts += page.conflicts.length;
      if (fromScratch || seen) {
        const stored = records;
        const fraction = page.lastSeq > 0 ? Math.min(1, page.cursor / page.lastSeq) : null;
        void committing.then(() => this.status.update({ initialPull: { stored, fraction } }));
      }
      if (!page.hasMore) break;
    }
    if (committing) await committing;
    if (seen) await this.finishRefetch(session, state, seen, mode ?? 'drop');
    return { records, conflicts, clockBehind, reconciled: mode === 'resend' };
  }

  private async emptyTables(): Promise<Set<SyncedTable>> {
    const tables = this.recordTables();
    const counts = await Promise.all(tables.map((t) => this.db.recordTable(t).count()));
    return new Set(tables.filter((_, i) => counts[i] === 0));
  }

  /**
   * Merges one page and stores `state` (the cursor after the page), all in one transaction. In a refetch
   * every record is noted in `seen`; when reconciling, with the fields this device holds a later write of
   * than the server sent (the server lost them: restored from a backup).
   */
  private async applyPage(
    page: PullResponse,
    state: PullState,
    seen: SeenRecords | null,
    reconciling: boolean,
    prepared: PreparedPage,
    emptyAtStart: ReadonlySet<SyncedTable>,
  ): Promise<{ clockBehind: boolean }> {
    const { db, clock, writer } = this.data;
    let clockBehind = false;
    await db.transaction('rw', [...this.recordTables().map((t) => db.table(t)), db.outbox, db.conflicts, db.syncState], async () => {
      if (prepared.byTable.size > 0) {
        const pending = await pendingFieldsByRecord(this.data);
        for (const [table, pulled] of prepared.byTable) {
          const fresh: LocalRecord<typeof table>[] = [];
          const merged: Array<RecordOf<typeof table> & { _stamps: Record<string, string> }> = [];
          let toMerge = pulled;
          if (emptyAtStart.has(table)) {
            toMerge = [];
            for (const remote of pulled) {
              if (pending.has(`${table}/${remote.id}`)) toMerge.push(remote);
              else fresh.push(remote.row as LocalRecord<typeof table>);
            }
          }
          const locals = await db.recordTable(table).bulkGet(toMerge.map((r) => r.id));
          toMerge.forEach((remote, index) => {
            const local = locals[index];
            const key = `${table}/${remote.id}`;
            // A record can come twice in one pull: the later copy is the one to compare with.
            seen?.set(key, reconciling && local ? writesServerLacks(local._stamps, remote.writes) : NOTHING_LACKING);
            // New to this device (every record of a first pull): the remote record as it is.
            if (!local) {
              fresh.push(remote.row as LocalRecord<typeof table>);
              return;
            }
            const result = mergeRemoteIntoLocal(toStamped(local), remote.writes, pending.get(key) ?? EMPTY);
            const reformed = adoptServerForm(result.record, remote.writes);
            if (result.changed.length === 0 && !reformed) return;
            merged.push({
              ...result.record.values,
              id: remote.id,
              provinceCode: remote.provinceCode,
              districtCode: remote.districtCode,
              _stamps: result.record.stamps,
            } as RecordOf<typeof table> & { _stamps: Record<string, string> });
          });
          await writer.storeMerged(table, fresh, { alreadyDerived: true });
          await writer.storeMerged(table, merged);
        }
        if (prepared.maxStamp !== null) {
          try {
            clock.receive(prepared.maxStamp);
          } catch (error) {
            // This PC is behind the server by more than the drift limit: keep the data, warn the user.
            if (!(error instanceof ClockDriftError)) throw error;
            clockBehind = true;
          }
          await saveDeviceClock(db, clock);
        }
      }
      if (page.conflicts.length > 0) {
        await db.conflicts.bulkPut(page.conflicts.map(conflictRowFromWire) as SyncedConflictRow[]);
      }
      await db.syncState.put({ key: PULL_STATE_KEY, value: state satisfies PullState });
    });
    return { clockBehind };
  }

  /**
   * The end of a pull from scratch, for the local records the server did not send (and the fields it
   * sent older writes of). Records waiting in the outbox always stay.
   * - 'drop' (the same history: pruned tombstones, a new scope, another user; or another server): they go.
   * - 'resend' (the server was restored from a backup, or the device cannot tell): nothing is dropped that
   *   this user may see. What the server lacks and this user may write is queued again, with the stamps
   *   it has (prev = its own stamp: a replay, not a new overwrite), and pushed at once; the server keeps
   *   what is new to it by the usual last-writer-wins. Records out of the user's sight still go.
   */
  private async finishRefetch(session: SyncSessionInfo, state: PullState, seen: SeenRecords, mode: ReconcileMode): Promise<void> {
    const { db } = this;
    const final: PullState = { cursor: state.cursor, deviceId: session.deviceId, refetch: false, serverId: state.serverId ?? null, epoch: state.epoch ?? null };
    await db.transaction('rw', [...this.recordTables().map((t) => db.table(t)), db.outbox, db.conflicts, db.syncState, db.blobs], async () => {
      const pending = await pendingFieldsByRecord(this.data);
      const scope = sessionScope(session);
      const createdAt = new Date(this.now()).toISOString();
      for (const table of this.recordTables()) {
        const keys = (await db.recordTable(table).toCollection().primaryKeys()) as string[];
        if (mode === 'drop') {
          const gone = keys.filter((id) => !seen.has(`${table}/${id}`) && !pending.has(`${table}/${id}`));
          if (gone.length > 0) await db.recordTable(table).bulkDelete(gone);
          continue;
        }
        const candidates = keys.filter((id) => (seen.get(`${table}/${id}`) ?? ALL_FIELDS).length !== 0);
        const rows = await db.recordTable(table).bulkGet(candidates);
        const gone: string[] = [];
        const entries: OutboxEntryWithRestamp[] = [];
        for (const row of rows) {
          if (!row) continue;
          const key = `${table}/${row.id}`;
          const waiting = pending.get(key) ?? EMPTY;
          if (scope && !canRead(scope, row.provinceCode, row.districtCode)) {
            if (waiting.size === 0) gone.push(row.id);
            continue;
          }
          const lacking = seen.get(key) ?? ALL_FIELDS;
          const entry = resendEntry(table, row, lacking, waiting, createdAt);
          // A record this user may not write (an officer's copy of a provincial one), or an append-only
          // entry someone else wrote (the server takes its author from the token): kept here, not sent.
          // The device that wrote it sends it back when it reconciles.
          if (!entry || (scope && !canWrite(scope, row.provinceCode, row.districtCode)) || !writtenBy(table, row, session.user.id)) continue;
          entries.push(entry);
        }
        if (gone.length > 0) await db.recordTable(table).bulkDelete(gone);
        if (entries.length > 0) await db.outbox.bulkAdd(entries);
      }
      // The restored server may lack the bytes of attachments too: offer every blob again (a HEAD says
      // whether the server has it; only missing ones are uploaded).
      if (mode === 'resend') await db.blobs.toCollection().modify({ uploaded: false });
      await db.syncState.put({ key: PULL_STATE_KEY, value: final });
    });
  }

  // ---------------------------------------------------------------- conflicts

  /** A coordinator keeps one version or an edited merge; the server writes it and it syncs back. */
  async resolveConflict(id: string, resolution: 'winner' | 'loser' | 'merged', value?: unknown): Promise<{ ok: true } | { ok: false; problem: SyncProblem; detail: string | null }> {
    try {
      const conflict = await this.client.resolveConflict(id, resolution, value);
      await this.db.conflicts.put(conflictRowFromWire(conflict));
    } catch (error) {
      if (!(error instanceof SyncCallError && error.code === 'already-resolved')) {
        const { problem, detail } = toProblem(error);
        return { ok: false, problem, detail };
      }
    }
    // The resolution is a new field write on the server: fetch it now.
    void this.sync('conflict-resolved');
    return { ok: true };
  }

  // ---------------------------------------------------------------- history

  private async addHistory(entry: SyncHistoryEntry): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      const row = await this.db.syncState.get(HISTORY_KEY);
      const list = Array.isArray(row?.value) ? (row.value as SyncHistoryEntry[]) : [];
      await this.db.syncState.put({ key: HISTORY_KEY, value: [entry, ...list].slice(0, HISTORY_LIMIT) });
    });
  }
}

const EMPTY: Set<string> = new Set();

function blobCounts(up: BlobSyncReport | null, down: BlobSyncReport | null): SyncRunResult['blobs'] {
  if (!up && !down) return undefined;
  return {
    uploaded: up?.uploaded ?? 0,
    downloaded: down?.downloaded ?? 0,
    waiting: down?.waiting ?? 0,
    failed: (up?.failed ?? 0) + (down?.failed ?? 0),
  };
}

interface PreparedRecord {
  id: string;
  provinceCode: string;
  districtCode: string | null;
  writes: Record<string, FieldWrite>;
  /** The record as stored when the device has no copy yet, derived fields included. */
  row: LocalRecord<SyncedTable>;
}

interface PreparedPage {
  byTable: Map<SyncedTable, PreparedRecord[]>;
  maxStamp: string | null;
}

/** The CPU side of a page, before any database access: stamps decoded and checked, rows built with their derived fields. */
async function preparePage(page: PullResponse, tables: Set<SyncedTable>, deriveFields: FieldDeriver): Promise<PreparedPage> {
  const byTable = new Map<SyncedTable, PreparedRecord[]>();
  let maxStamp: string | null = null;
  for (const remote of page.records) {
    if (!tables.has(remote.table)) continue; // a table this build does not store yet
    // Each distinct stamp is checked once: a malformed one would sort after every real stamp and win forever.
    for (const stamp of remote.stamps) {
      if (!isStamp(stamp)) throw new InvalidStampError(stamp, `in ${remote.table} ${remote.id}`);
      if (maxStamp === null || compareStamps(stamp, maxStamp) > 0) maxStamp = stamp;
    }
    const fields = Object.keys(remote.values).filter((f) => !isMetaField(f));
    const stamps = decodeRecordStamps(remote, fields);
    const writes: Record<string, FieldWrite> = {};
    for (const field of fields) writes[field] = { value: remote.values[field], stamp: stamps[field] as string };
    const record = { ...remote.values, id: remote.id, provinceCode: remote.provinceCode, districtCode: remote.districtCode, _stamps: stamps };
    const list = byTable.get(remote.table) ?? [];
    list.push({ id: remote.id, provinceCode: remote.provinceCode, districtCode: remote.districtCode, writes, row: record as unknown as LocalRecord<SyncedTable> });
    byTable.set(remote.table, list);
  }
  for (const [table, list] of byTable) {
    if (!hasDerivedFields(table)) continue;
    const derived = await deriveFields(table, list.map((r) => r.row));
    list.forEach((r, i) => Object.assign(r.row, derived[i]));
  }
  return { byTable, maxStamp };
}

/**
 * Equal stamps are one write. Where the server sends it redacted (this user may not see it: their own typed
 * ID comes back so too) or no longer redacted (their role now allows it), the server's form replaces the
 * one held here; LWW alone would keep whichever came first. True when something changed.
 */
function adoptServerForm(record: StampedRecord, remote: Record<string, FieldWrite>): boolean {
  let changed = false;
  for (const field of Object.keys(remote)) {
    const write = remote[field] as FieldWrite;
    if (!Object.hasOwn(record.stamps, field) || record.stamps[field] !== write.stamp) continue;
    const held = Object.hasOwn(record.values, field) ? record.values[field] : undefined;
    if (held === write.value || (!isRedacted(held) && !isRedacted(write.value))) continue;
    Object.defineProperty(record.values, field, { value: write.value, enumerable: true, writable: true, configurable: true });
    changed = true;
  }
  return changed;
}

/** `${table}/${id}` → fields with a queued, unacknowledged local write. */
async function pendingFieldsByRecord(data: DeskData): Promise<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>();
  await data.db.outbox.each((entry) => {
    const key = `${entry.table}/${entry.recordId}`;
    let fields = map.get(key);
    if (!fields) map.set(key, (fields = new Set()));
    for (const field of Object.keys(entry.changes)) fields.add(field);
  });
  return map;
}

function toStamped<T extends SyncedTable>(local: LocalRecord<T>): StampedRecord {
  const { _stamps, ...values } = withoutDerivedFields(local) as LocalRecord<T> & Record<string, unknown>;
  return { values, stamps: _stamps };
}

// ---------------------------------------------------------------- refetch and reconcile

/** `${table}/${id}` of every record a refetch received → the fields the server sent an older write of. */
type SeenRecords = Map<string, readonly string[]>;
type ReconcileMode = 'resend' | 'drop';
const NOTHING_LACKING: readonly string[] = [];
/** Sentinel (compared by identity): a record the server did not send at all, so every field of it. */
const ALL_FIELDS: readonly string[] = ['*'];

/**
 * Append-only records carry the user who made them, and the server takes that user from the token: only
 * the device of the user named there may send one back after a restore.
 */
const WRITER_FIELD: Partial<Record<SyncedTable, string>> = { auditEntries: 'actorId', newsTransitions: 'actorId', newsRevisions: 'authorId' };

/** A pull from 0 that starts again; `before` keeps where the local records came from (an earlier refetch's, if one was cut short). */
function startingOver(state: Partial<PullState>): PullState {
  const before = state.refetch && state.before ? state.before : { serverId: state.serverId ?? null, epoch: state.epoch ?? null };
  return { cursor: 0, deviceId: state.deviceId ?? null, refetch: true, serverId: null, epoch: null, before };
}

/**
 * Drop only when the local records are known to come from this very history (the server loses nothing
 * there but pruned tombstones) or from another server (which still has them). A new epoch of the same
 * server, or a state from before epochs, means the server may have lost what only this device holds.
 */
function reconcileMode(before: PullState['before'], page: Pick<PullResponse, 'serverId' | 'epoch'>): ReconcileMode {
  if (!before || before.serverId === null || before.epoch === null) return 'resend';
  if (before.serverId !== page.serverId) return 'drop';
  return before.epoch === page.epoch ? 'drop' : 'resend';
}

/** Fields this device holds a later write of than the server sent, or that the server did not send. */
function writesServerLacks(local: Record<string, string>, remote: Record<string, FieldWrite>): readonly string[] {
  let lacking: string[] | null = null;
  for (const field of Object.keys(local)) {
    if (isMetaField(field)) continue;
    const theirs = Object.hasOwn(remote, field) ? remote[field] : undefined;
    if (theirs === undefined || compareStamps(local[field] as string, theirs.stamp) > 0) (lacking ??= []).push(field);
  }
  return lacking ?? NOTHING_LACKING;
}

/**
 * The outbox entry that sends a restored server what it lacks of a record: the values and stamps held
 * here, prev = the same stamp (the write replayed, not an overwrite of what the server has). Fields with
 * a queued edit go with that edit. Marked sent, so the writer never coalesces a user's edit into it.
 */
function resendEntry(table: SyncedTable, row: LocalRecord<SyncedTable>, lacking: readonly string[], waiting: ReadonlySet<string>, createdAt: string): OutboxEntryWithRestamp | null {
  const values = withoutDerivedFields(row) as unknown as Record<string, unknown>;
  const stamps = row._stamps;
  const changes: OutboxEntry['changes'] = {};
  let any = false;
  for (const field of lacking === ALL_FIELDS ? Object.keys(stamps) : lacking) {
    const stamp = Object.hasOwn(stamps, field) ? stamps[field] : undefined;
    if (stamp === undefined || isMetaField(field) || field === '_stamps' || waiting.has(field) || !Object.hasOwn(values, field) || isRedactedField(table, field, values[field])) continue;
    changes[field] = { value: values[field], stamp, prev: stamp };
    any = true;
  }
  if (!any) return null;
  return { table, recordId: row.id, provinceCode: row.provinceCode, districtCode: row.districtCode, changes, createdAt, sentAt: createdAt, reconcile: true };
}

function writtenBy(table: SyncedTable, row: LocalRecord<SyncedTable>, userId: string): boolean {
  const field = WRITER_FIELD[table];
  return field === undefined || (row as unknown as Record<string, unknown>)[field] === userId;
}

/** What the signed-in user may read and write; null if the session names no usable office (then: no filter). */
function sessionScope(session: SyncSessionInfo): Scope | null {
  try {
    return scopeFor(session.user.role, session.user.provinceCode, session.user.districtCode);
  } catch {
    return null;
  }
}

/** An outbox entry as the server's mutation; null when it changes nothing the server stores. */
export function toMutation(deviceId: string, entry: OutboxEntry): Mutation | null {
  const changes: Mutation['changes'] = {};
  let any = false;
  for (const [field, change] of Object.entries(entry.changes)) {
    if (isMetaField(field)) continue; // scope travels in the envelope (entries written before v0.2 stamped it)
    // A value the server withheld from this user is never sent back (the server would refuse the whole
    // mutation): nobody typed it, and the real value stays on the server.
    if (isRedactedField(entry.table, field, change.value)) continue;
    changes[field] = { value: change.value, stamp: change.stamp, prev: change.prev };
    any = true;
  }
  if (!any) return null;
  return {
    id: `${deviceId}:${entry.seq}`,
    table: entry.table,
    recordId: entry.recordId,
    provinceCode: entry.provinceCode,
    districtCode: entry.districtCode,
    changes,
  };
}

function toProblem(error: unknown): { problem: SyncProblem; detail: string | null } {
  if (error instanceof SyncAbort) return { problem: error.problem, detail: error.detail };
  if (error instanceof SyncCallError) {
    if (error.kind === 'network') return { problem: 'offline', detail: error.message };
    if (error.kind === 'bad-response') return { problem: 'bad-response', detail: error.message };
    switch (error.code) {
      case 'unauthorized':
        return { problem: 'unauthorized', detail: error.message };
      case 'update-required':
        return { problem: 'update-required', detail: error.message };
      case 'unsupported-version':
        return { problem: 'unsupported-version', detail: error.message };
      case 'clock-ahead':
        return { problem: 'clock-ahead', detail: error.message };
      case 'refetch':
        return { problem: 'refetch', detail: error.message };
      case 'node-in-use':
        return { problem: 'node-in-use', detail: error.message };
      case 'device-wiped':
        return { problem: 'device-wiped', detail: error.message };
      default:
        return { problem: error.status !== null && error.status >= 500 ? 'server-error' : 'internal', detail: error.message };
    }
  }
  return { problem: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
