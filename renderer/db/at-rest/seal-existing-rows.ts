// After the schema upgrade to encryption at rest (v8), the rows written before it still hold personal values
// (and a person's phone and ID digits in searchTokens) in clear. Dexie's upgrade cannot seal them: the app is
// locked while it runs, without keys. So once unlocked the app re-writes them through the middleware, a batch
// per transaction, and keeps where it got to in the same transaction (syncState): a crash or a reload resumes
// there, and no row — outbox entries included, which keep their key — is lost or written twice in part.
import type { Table } from 'dexie';
import type { DeskDatabase } from '../database';
import { STORED_IN_CLEAR } from './at-rest-middleware';
import { rememberBytes } from './blob-bytes';
import { hasClearDigitTokens } from './personal-fields';
import { AtRestLockedError } from './row-sealers';

export const SEALING_STATE_KEY = 'atRestSealing';
const STORES = ['members', 'partners', 'outbox', 'conflicts', 'syncState', 'blobs'] as const;
type SealedStore = (typeof STORES)[number];

export interface SealingState {
  done: boolean;
  /** The store being sealed and the last primary key done in it (null: from its start). */
  store: SealedStore;
  after: string | number | null;
  /** Rows looked at so far, for the progress bar. */
  seen: number;
}

export interface SealingProgress {
  seen: number;
  total: number;
}

export interface SealOptions {
  batchSize?: number;
  onProgress?: (progress: SealingProgress) => void;
  /** For tests: stop after this many batches, as a crash would. */
  maxBatches?: number;
}

export async function sealingState(db: DeskDatabase): Promise<SealingState | null> {
  return ((await db.syncState.get(SEALING_STATE_KEY))?.value as SealingState | undefined) ?? null;
}

/** Whether rows written before encryption at rest may still wait to be sealed. */
export async function sealingPending(db: DeskDatabase): Promise<boolean> {
  return (await sealingState(db))?.done !== true;
}

/** Seals what is still in clear; resolves true once everything is, false when stopped early (maxBatches). */
export async function sealExistingRows(db: DeskDatabase, options: SealOptions = {}): Promise<boolean> {
  if (!db.atRestKeys) throw new Error('encryption at rest is not set up on this database');
  if (!db.atRestKeys()) throw new AtRestLockedError();
  const batchSize = options.batchSize ?? 500;
  let state: SealingState = (await sealingState(db)) ?? { done: false, store: STORES[0], after: null, seen: 0 };
  if (state.done) return true;
  const total = (await Promise.all(STORES.map((s) => db.table(s).count()))).reduce((a, b) => a + b, 0);
  let batches = 0;
  while (!state.done) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) return false;
    state = await sealBatch(db, state, batchSize);
    batches++;
    options.onProgress?.({ seen: Math.min(state.seen, total), total });
  }
  return true;
}

type Row = Record<string | symbol, unknown>;

async function sealBatch(db: DeskDatabase, state: SealingState, batchSize: number): Promise<SealingState> {
  const table = db.table(state.store) as Table<Row, string | number>;
  const batchOf = () => (state.after === null ? table.orderBy(':id') : table.where(':id').above(state.after)).limit(batchSize).toArray();
  const isClear = (row: Row) => row[STORED_IN_CLEAR] === true || (state.store === 'members' && hasClearDigitTokens(row.searchTokens));
  // Stored Blobs: their bytes are read before the transaction (reading a Blob would let it commit).
  const readBlobs = new Map<unknown, Blob>();
  if (state.store === 'blobs') {
    for (const row of (await batchOf()).filter(isClear)) {
      if (!(row.data instanceof Blob)) continue;
      rememberBytes(row.data, new Uint8Array(await row.data.arrayBuffer()));
      readBlobs.set(row.sha256, row.data);
    }
  }
  return db.transaction('rw', table, db.syncState, async () => {
    const rows = await batchOf();
    const clear = rows.filter(isClear).map((row) => (readBlobs.has(row.sha256) ? { ...row, data: readBlobs.get(row.sha256) } : row));
    if (clear.length > 0) await table.bulkPut(clear);
    const next: SealingState =
      rows.length < batchSize ? nextStore(state, rows.length) : { ...state, after: primaryKeyOf(table, rows[rows.length - 1]!), seen: state.seen + rows.length };
    await db.syncState.put({ key: SEALING_STATE_KEY, value: next });
    return next;
  });
}

function nextStore(state: SealingState, seenNow: number): SealingState {
  const following = STORES[STORES.indexOf(state.store) + 1];
  const seen = state.seen + seenNow;
  return following ? { done: false, store: following, after: null, seen } : { done: true, store: state.store, after: null, seen };
}

function primaryKeyOf(table: Table<Row, string | number>, row: Row): string | number {
  return row[table.schema.primKey.keyPath as string] as string | number;
}
