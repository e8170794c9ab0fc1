// Keeps db.newsIndex (news-postings.ts) in step with db.news in the SAME IndexedDB transaction as the
// write, whoever writes (the record writer, a sync pull, a backup restore), as the overview totals are
// kept (overview-totals-middleware.ts). A write only touches the parts of the tokens whose membership
// changed — an autosave that adds no new word writes nothing here — and a write of many items (a pulled
// page) reads every touched part once and writes it once.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { markMutated } from '../mutated-parts';
import { mutateOrThrow } from '../overview/overview-totals-middleware';
import { addItemChange, applyToPart, NEWS_INDEX_TABLE, NEWS_WRITTEN_KEY, postingKeyParts, tokensOfRow, type PostingChanges, type PostingRow } from './news-postings';

const NEWS_TABLE = 'news';
// DBCore's range type "Any" (Table.clear()); a const enum in Dexie's typings, so not importable as a value.
const RANGE_ANY = 3;

export function newsIndexMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'NewsIndex',
    // Beside the overview totals, below Dexie's liveQuery layers: a news write is what live queries observe.
    level: -0.5,
    create(down) {
      // A database at an older schema (a migration in progress, a test of an old version): nothing to keep.
      if (!down.schema.tables.some((t) => t.name === NEWS_INDEX_TABLE)) return {};
      const index = () => down.table(NEWS_INDEX_TABLE);
      // One news write at a time per transaction: two in parallel would read the same parts.
      const tails = new WeakMap<DBCoreTransaction, Promise<unknown>>();

      /** Tells live queries that read NEWS_WRITTEN_KEY that news changed (as Dexie's observability layer would). */
      const markNewsWritten = (trans: DBCoreTransaction) => markMutated(trans, down.schema.name, NEWS_INDEX_TABLE, [NEWS_WRITTEN_KEY]);

      async function applyChanges(trans: DBCoreTransaction, changes: PostingChanges): Promise<void> {
        if (changes.size === 0) return;
        const keys = [...changes.keys()];
        const storeKeys = keys.map(postingKeyParts);
        const found = (await index().getMany({ trans, keys: storeKeys })) as (PostingRow | undefined)[];
        const puts: PostingRow[] = [];
        const deletes: [string, number][] = [];
        keys.forEach((key, i) => {
          const ids = applyToPart(found[i], changes.get(key)!);
          const [token, part] = storeKeys[i]!;
          if (ids !== null) puts.push({ token, part, ids });
          else if (found[i]) deletes.push([token, part]);
        });
        if (puts.length > 0) await mutateOrThrow(index(), { type: 'put', trans, values: puts });
        if (deletes.length > 0) await mutateOrThrow(index(), { type: 'delete', trans, keys: deletes });
      }

      async function indexedMutate(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
        const { trans } = req;
        if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
          const res = await table.mutate(req);
          await mutateOrThrow(index(), { type: 'deleteRange', trans, range: req.range });
          return res;
        }
        let keys: readonly unknown[];
        let after: readonly unknown[];
        if (req.type === 'add' || req.type === 'put') {
          const extract = table.schema.primaryKey.extractKey;
          keys = req.keys ?? (extract ? req.values.map((v) => extract(v)) : []);
          after = req.values;
        } else {
          keys = req.type === 'delete' ? req.keys : (await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })).result;
          after = [];
        }
        // An add never replaces a row (it fails instead): nothing to read before it.
        const before = req.type === 'add' || keys.length === 0 ? [] : ((await table.getMany({ trans, keys: [...keys] })) as unknown[]);
        const res = await table.mutate(req);
        const changes: PostingChanges = new Map();
        keys.forEach((key, i) => {
          if (!res.failures[i]) addItemChange(changes, String(key), tokensOfRow(before[i]), tokensOfRow(after[i]));
        });
        await applyChanges(trans, changes);
        return res;
      }

      return {
        transaction(names, mode, options) {
          const extra = mode === 'readwrite' && names.includes(NEWS_TABLE) && !names.includes(NEWS_INDEX_TABLE);
          return down.transaction(extra ? [...names, NEWS_INDEX_TABLE] : names, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== NEWS_TABLE) return table;
          return {
            ...table,
            mutate(req) {
              if (!keepsIndex(req.trans)) return table.mutate(req);
              markNewsWritten(req.trans);
              const run = (tails.get(req.trans) ?? Promise.resolve()).then(() => indexedMutate(table, req));
              tails.set(req.trans, run.catch(() => undefined));
              return run;
            },
          };
        },
      };
    },
  };
}

/** Whether this transaction keeps the index: a schema upgrade step before the store exists does not. */
function keepsIndex(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names === undefined || names.contains(NEWS_INDEX_TABLE);
}
