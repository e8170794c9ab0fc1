// Encryption at rest of personal data (issue 14 part 2; docs/privacy.md, docs/architecture.md "Encryption at
// rest"): a Dexie DBCore middleware at the bottom of the stack (level -10, under Dexie's own layers and the
// overview totals), so everything above it — repositories, the sync agent, the overview's counters, Dexie's
// liveQuery cache, backups — sees values in clear, and IndexedDB holds them sealed (row-sealers.ts):
// - writes (add/put) of people, partners, outbox entries, conflicts and the refused-changes row are sealed,
//   and a person's phone and ID digits in the searchTokens index are replaced by keyed tokens (rows a bulk write
//   sealed ahead, seal-ahead.ts, pass as they are);
// - reads (get, getMany, query, openCursor) open them: records lazily, field by field, when read.
// AES-GCM and HMAC run synchronously (@noble): an IndexedDB transaction commits at the first await of anything
// else, WebCrypto included. Without a key provider (unit tests of other layers, the benches' baselines) it
// passes everything through; with one but locked, personal values neither go in nor come out (rows without any
// are written as they are).
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { FieldKeys } from '../../security/field-cipher';
import { markMutated } from '../mutated-parts';
import { AtRestLockedError, ROW_SEALERS, type RowSealer } from './row-sealers';
import { isSealedAhead, sealRow } from './seal-ahead';

/** The keys of the unlocked app, or null while it is locked. */
export type AtRestKeyProvider = () => FieldKeys | null;

/** A read row remembers whether it was stored with a personal value in clear (sealExistingRows rewrites those). */
export const STORED_IN_CLEAR = Symbol('storedInClear');

type Row = Record<string | symbol, unknown>;

export function atRestMiddleware(provider: () => AtRestKeyProvider | null): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'AtRestEncryption',
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const sealer = ROW_SEALERS[name];
          return sealer ? sealingTable(table, sealer, provider, down.schema.name) : table;
        },
      };
    },
  };
}

function sealingTable(table: DBCoreTable, sealer: RowSealer, provider: () => AtRestKeyProvider | null, databaseName: string): DBCoreTable {
  const keysNow = (): { on: boolean; keys: FieldKeys | null } => {
    const keys = provider();
    return keys ? { on: true, keys: keys() } : { on: false, keys: null };
  };
  const openRow = (keys: FieldKeys | null, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const row = value as Row;
    if (sealer.holdsClear(row)) Object.defineProperty(row, STORED_IN_CLEAR, { value: true, enumerable: false });
    return sealer.open(keys, row as Record<string, unknown>);
  };
  const isMembers = table.name === 'members';

  return {
    ...table,
    mutate(req) {
      const { on, keys } = keysNow();
      if (!on || (req.type !== 'add' && req.type !== 'put')) return table.mutate(req);
      // Locked, a row holding a personal value cannot be written; others can (the device's identity on first start,
      // a news item's queued change), even while the keys are still being read at start.
      if (!keys) return req.values.some((value: Row) => sealer.holdsClear(value as Record<string, unknown>)) ? Promise.reject(new AtRestLockedError()) : table.mutate(req);
      const tokens: string[] = [];
      const values = req.values.map((value: Row) => {
        const sealed = isSealedAhead(value) ? (value as Record<string, unknown>) : sealRow(keys, sealer, table.name, value as Record<string, unknown>);
        if (isMembers && Array.isArray(sealed.searchTokens)) tokens.push(...(sealed.searchTokens as string[]).filter((t) => t.startsWith('#')));
        return sealed;
      });
      // The keyed tokens written, which Dexie's observability layer above never saw.
      if (tokens.length > 0) markMutated(req.trans, databaseName, 'members', tokens, 'searchTokens');
      return table.mutate({ ...req, values });
    },
    // .then on what the layer below returns (Dexie's own promise), never an async function: Dexie's layers above
    // read its transaction zone after awaiting this, and a native async function would lose it.
    get(req) {
      const { on, keys } = keysNow();
      return on ? table.get(req).then((value: unknown) => openRow(keys, value)) : table.get(req);
    },
    getMany(req) {
      const { on, keys } = keysNow();
      return on ? table.getMany(req).then((values) => values.map((v) => openRow(keys, v))) : table.getMany(req);
    },
    query(req) {
      const { on, keys } = keysNow();
      if (!on || !req.values) return table.query(req);
      return table.query(req).then((response) => ({ ...response, result: response.result.map((v) => openRow(keys, v)) }));
    },
    openCursor(req) {
      const { on, keys } = keysNow();
      if (!on || !req.values) return table.openCursor(req);
      return table.openCursor(req).then((cursor) => cursor && openingCursor(cursor, (v) => openRow(keys, v)));
    },
  };
}

/** A cursor whose value is opened (once per position: Dexie reads `value` more than once). */
function openingCursor(cursor: DBCoreCursor, open: (value: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  // key and primaryKey are getters of IDBCursor.prototype in a browser: read on the cursor itself, not the wrapper.
  return Object.create(cursor, {
    key: { get: () => cursor.key as unknown },
    primaryKey: { get: () => cursor.primaryKey as unknown },
    value: {
      get() {
        const current: unknown = cursor.value;
        if (current !== raw) {
          raw = current;
          opened = open(current);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}
