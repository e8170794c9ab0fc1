// Keeps db.overviewTotals (and db.arrivals) in step with the synced tables they count, in the SAME
// IndexedDB transaction as the write — whoever writes: the record writer, a sync pull, an import, a
// backup restore. A Dexie DBCore middleware, as dexie-cloud keeps its mutation log:
// - every read-write transaction over a counted table also opens the totals and arrivals stores;
// - each write first reads the rows it replaces, then applies (facts after − facts before) to the
//   partitions it touches. A write that changes no fact (a news body, a person's phone) writes nothing.
// So the overview reads a few small rows, never the 100,000 people behind them, and an edit never
// makes it count anything again from scratch.
//
// It sits below Dexie's own layers (level -0.5: under the liveQuery cache and observability, which read
// Dexie's zone, lost across this code's own awaits), so it tells liveQuery itself which totals and
// arrival rows it wrote, through the transaction's mutatedParts as Dexie's observability layer does.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, IndexableType, Middleware } from 'dexie';
import { markMutated as markPartMutated } from '../mutated-parts';
import { arrivalsOf, collapseArrivals, isRemoteWrite, type ArrivalRow } from './arrivals';
import { ARRIVALS_TABLE, factKey, factsOf, isTrackedTable, partitionKey, TOTALS_TABLE, type RecordFacts, type TotalsRow, type TrackedTable } from './overview-facts';

export interface OverviewTotalsOptions {
  /** This device's HLC node, once known: tells a pulled change (someone else's) from a local one. */
  localNode: () => string | null;
  now?: () => Date;
}

/** Per transaction: the chain that runs its counted writes one at a time, and the totals rows it has read. */
interface TransactionState {
  tail: Promise<unknown>;
  rows: Map<string, TotalsRow>;
}

type Delta = Map<string, { partition: RecordFacts['partition']; counts: Map<string, number> }>;

// DBCore's range type "Any" (Table.clear()); a const enum in Dexie's typings, so not importable as a value.
const RANGE_ANY = 3;
const RANGE_RANGE = 2;

export function overviewTotalsMiddleware(options: OverviewTotalsOptions): Middleware<DBCore> {
  const now = options.now ?? (() => new Date());
  return {
    stack: 'dbcore',
    name: 'OverviewTotals',
    level: -0.5,
    create(down) {
      const stores = new Set(down.schema.tables.map((t) => t.name));
      // A database at an older schema (a migration in progress, a test of an old version): nothing to keep.
      if (!stores.has(TOTALS_TABLE) || !stores.has(ARRIVALS_TABLE)) return {};
      const states = new WeakMap<DBCoreTransaction, TransactionState>();
      const totals = () => down.table(TOTALS_TABLE);
      const arrivals = () => down.table(ARRIVALS_TABLE);

      /** What liveQuery must hear about, added to the transaction as Dexie's observability layer adds its own. */
      const markMutated = (trans: DBCoreTransaction, table: string, keys: readonly IndexableType[], index = '') => markPartMutated(trans, down.schema.name, table, keys, index);

      const stateOf = (trans: DBCoreTransaction): TransactionState => {
        let state = states.get(trans);
        if (!state) states.set(trans, (state = { tail: Promise.resolve(), rows: new Map() }));
        return state;
      };

      async function applyDelta(trans: DBCoreTransaction, delta: Delta): Promise<void> {
        const state = stateOf(trans);
        const missing = [...delta.keys()].filter((k) => !state.rows.has(k));
        if (missing.length > 0) {
          const found = (await totals().getMany({ trans, keys: missing })) as (TotalsRow | undefined)[];
          missing.forEach((key, i) => {
            const { partition } = delta.get(key)!;
            state.rows.set(key, found[i] ?? { key, ...partition, counts: {}, revision: 0 });
          });
        }
        const changed: TotalsRow[] = [];
        for (const [key, { counts }] of delta) {
          const row = state.rows.get(key)!;
          let any = false;
          for (const [fact, n] of counts) {
            if (n === 0) continue;
            any = true;
            const next = (row.counts[fact] ?? 0) + n;
            if (next === 0) delete row.counts[fact];
            else row.counts[fact] = next;
          }
          if (any) {
            row.revision++;
            changed.push(row);
          }
        }
        if (changed.length > 0) {
          await mutateOrThrow(totals(), { type: 'put', trans, values: changed });
          markMutated(trans, TOTALS_TABLE, changed.map((r) => r.key));
        }
      }

      async function resetTable(trans: DBCoreTransaction, table: TrackedTable): Promise<void> {
        const prefix = factKey(table, '');
        const found = await totals().query({ trans, values: false, query: { index: totals().schema.primaryKey, range: { type: RANGE_RANGE, lower: prefix, upper: `${prefix}\uffff`, lowerOpen: false, upperOpen: false } } });
        const keys = found.result as string[];
        const state = stateOf(trans);
        for (const key of keys) state.rows.delete(key);
        if (keys.length > 0) {
          await mutateOrThrow(totals(), { type: 'delete', trans, keys });
          markMutated(trans, TOTALS_TABLE, keys);
        }
      }

      async function trackedMutate(name: TrackedTable, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
        const { trans } = req;
        if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
          const res = await table.mutate(req);
          await resetTable(trans, name);
          return res;
        }
        let keys: unknown[];
        let after: (unknown | undefined)[];
        if (req.type === 'add' || req.type === 'put') {
          const extract = table.schema.primaryKey.extractKey;
          keys = req.keys ?? (extract ? req.values.map((v) => extract(v)) : []);
          after = [...req.values];
        } else if (req.type === 'delete') {
          keys = req.keys;
          after = keys.map(() => undefined);
        } else {
          keys = (await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })).result;
          after = keys.map(() => undefined);
        }
        // An add never replaces a row (it fails instead), so there is nothing to read before it.
        const before = req.type === 'add' || keys.length === 0 ? keys.map(() => undefined) : await table.getMany({ trans, keys });
        const res = await table.mutate(req);
        const delta: Delta = new Map();
        const arrived: Omit<ArrivalRow, 'at'>[] = [];
        const node = options.localNode();
        for (let i = 0; i < keys.length; i++) {
          if (res.failures[i]) continue;
          addFacts(delta, factsOf(name, before[i]), -1);
          addFacts(delta, factsOf(name, after[i]), 1);
          const next = after[i] as Record<string, unknown> | undefined;
          if (next && isRemoteWrite(before[i] as Record<string, unknown> | undefined, next, node)) arrived.push(...arrivalsOf(name, before[i] as Record<string, unknown> | undefined, next));
        }
        if (delta.size > 0) await applyDelta(trans, delta);
        if (arrived.length > 0) {
          const at = now().toISOString();
          const added = await mutateOrThrow(arrivals(), { type: 'add', trans, values: collapseArrivals(arrived).map((a) => ({ ...a, at })) });
          markMutated(trans, ARRIVALS_TABLE, added.results ?? []);
          markMutated(trans, ARRIVALS_TABLE, [at], 'at');
        }
        return res;
      }

      return {
        transaction(names, mode, txOptions) {
          const extra = mode === 'readwrite' && names.some(isTrackedTable) ? [TOTALS_TABLE, ARRIVALS_TABLE].filter((s) => !names.includes(s)) : [];
          return down.transaction(extra.length > 0 ? [...names, ...extra] : names, mode, txOptions);
        },
        table(name) {
          const table = down.table(name);
          if (!isTrackedTable(name)) return table;
          return {
            ...table,
            mutate(req) {
              if (!tracks(req.trans)) return table.mutate(req);
              // One counted write at a time per transaction: two writes of one record in parallel would
              // both read the same "before".
              const state = stateOf(req.trans);
              const run = state.tail.then(() => trackedMutate(name, table, req));
              state.tail = run.catch(() => undefined);
              return run;
            },
          };
        },
      };
    },
  };
}

/**
 * Whether this transaction keeps totals: it opened the totals store. A schema upgrade step that runs
 * before the store exists does not (the upgrade that creates it counts everything once, after).
 */
function tracks(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names === undefined || (names.contains(TOTALS_TABLE) && names.contains(ARRIVALS_TABLE));
}

function addFacts(delta: Delta, facts: RecordFacts | null, sign: 1 | -1): void {
  if (!facts) return;
  const { table, provinceCode, districtCode } = facts.partition;
  const key = partitionKey(table, provinceCode, districtCode);
  let entry = delta.get(key);
  if (!entry) delta.set(key, (entry = { partition: facts.partition, counts: new Map() }));
  for (const [fact, n] of facts.counts) entry.counts.set(fact, (entry.counts.get(fact) ?? 0) + sign * n);
}

/** A write that must succeed whole: the first failure aborts the transaction. */
export async function mutateOrThrow(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const res = await table.mutate(req);
  if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error(`${table.name}: write failed`);
  return res;
}
