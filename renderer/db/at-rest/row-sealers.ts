// How each store's rows are sealed on the way into IndexedDB and opened on the way out (at-rest-middleware.ts).
// The additional data of every sealed value names its store, its row and its field, so a value moved elsewhere
// does not open. Records open lazily: a field is decrypted when it is read (a screenful of a 100,000-person list
// never decrypts the phones it does not show); the small copies (outbox, conflicts, refused changes) at once.
import { openSync, sealSync } from '../../security/crypto-envelope-sync';
import { isSealedValue, openField, sealField, type FieldKeys } from '../../security/field-cipher';
import { blobWithBytes, knownBytesOf } from './blob-bytes';
import { holdsValue, personalFieldsOf, REJECTED_STATE_KEY } from './personal-fields';

export class AtRestLockedError extends Error {
  constructor() {
    super('ข้อมูลส่วนบุคคลถูกเข้ารหัสไว้: ปลดล็อกโปรแกรมก่อน (the personal data is encrypted: unlock the app first)');
    this.name = 'AtRestLockedError';
  }
}

type Row = Record<string, unknown>;

export interface RowSealer {
  /** A copy of `row` with its personal values sealed (values already sealed are kept as they are). */
  seal(keys: FieldKeys, row: Row): Row;
  /** `row` (as read) with its personal values opened, or throwing AtRestLockedError when read while locked. */
  open(keys: FieldKeys | null, row: Row): Row;
  /** Whether a row as stored still holds a personal value in clear. */
  holdsClear(row: Row): boolean;
}

function sealValue(keys: FieldKeys, store: string, rowKey: string, field: string, value: unknown): unknown {
  return holdsValue(value) && !isSealedValue(value) ? sealField(keys, store, rowKey, field, value) : value;
}

function openValue(keys: FieldKeys | null, store: string, rowKey: string, field: string, value: unknown): unknown {
  if (!isSealedValue(value)) return value;
  if (!keys) throw new AtRestLockedError();
  return openField(keys, store, rowKey, field, value);
}

const isClear = (value: unknown) => holdsValue(value) && !isSealedValue(value);

/** Defines `field` on `row` as a getter that opens it on first read, then keeps the value (and takes writes). */
function openLazily(row: Row, field: string, open: (stored: unknown) => unknown): void {
  const stored = row[field];
  if (!isSealedValue(stored)) return;
  const settle = (value: unknown) => Object.defineProperty(row, field, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(row, field, {
    enumerable: true,
    configurable: true,
    get() {
      const value = open(stored);
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** People and partners: the personal fields of the record itself, bound to the record's id. */
function recordSealer(store: string): RowSealer {
  const fields = personalFieldsOf(store);
  return {
    seal(keys, row) {
      const out = { ...row };
      const id = String(row.id);
      for (const field of fields) if (field in out) out[field] = sealValue(keys, store, id, field, out[field]);
      return out;
    },
    open(keys, row) {
      const id = String(row.id);
      for (const field of fields) openLazily(row, field, (stored) => openValue(keys, store, id, field, stored));
      return row;
    },
    holdsClear: (row) => fields.some((field) => isClear(row[field])),
  };
}

type Changes = Record<string, { value?: unknown } & Row>;

/** Queued changes: the values of personal fields, bound to the record they change (the outbox key is given by IndexedDB). */
const outboxSealer: RowSealer = {
  seal(keys, row) {
    const fields = personalFieldsOf(row.table);
    const changes = row.changes as Changes | undefined;
    if (fields.length === 0 || !changes) return row;
    const rowKey = `${String(row.table)}/${String(row.recordId)}`;
    const sealed: Changes = { ...changes };
    for (const field of fields) {
      const change = changes[field];
      if (change) sealed[field] = { ...change, value: sealValue(keys, 'outbox', rowKey, field, change.value) };
    }
    return { ...row, changes: sealed };
  },
  open(keys, row) {
    const fields = personalFieldsOf(row.table);
    const changes = row.changes as Changes | undefined;
    if (fields.length === 0 || !changes) return row;
    const rowKey = `${String(row.table)}/${String(row.recordId)}`;
    for (const field of fields) {
      const change = changes[field];
      if (change) change.value = openValue(keys, 'outbox', rowKey, field, change.value);
    }
    return row;
  },
  holdsClear: (row) => personalFieldsOf(row.table).some((field) => isClear((row.changes as Changes | undefined)?.[field]?.value)),
};

const CONFLICT_VALUES = ['winnerValue', 'loserValue'] as const;
const isPersonalConflict = (row: Row) => personalFieldsOf(row.table).includes(String(row.field));

const conflictSealer: RowSealer = {
  seal(keys, row) {
    if (!isPersonalConflict(row)) return row;
    const out = { ...row };
    for (const side of CONFLICT_VALUES) out[side] = sealValue(keys, 'conflicts', String(row.id), side, row[side]);
    return out;
  },
  open(keys, row) {
    if (!isPersonalConflict(row)) return row;
    for (const side of CONFLICT_VALUES) row[side] = openValue(keys, 'conflicts', String(row.id), side, row[side]);
    return row;
  },
  holdsClear: (row) => isPersonalConflict(row) && CONFLICT_VALUES.some((side) => isClear(row[side])),
};

interface RejectedEntry extends Row {
  table?: unknown;
  mutationId?: unknown;
  changes?: Row;
}

/** The refused changes (one syncState row holding a list): each personal field's change, bound to its mutation. */
function mapRejected(row: Row, each: (entry: RejectedEntry, field: string, rowKey: string) => unknown): Row {
  if (row.key !== REJECTED_STATE_KEY || !Array.isArray(row.value)) return row;
  const value = (row.value as RejectedEntry[]).map((entry) => {
    const fields = personalFieldsOf(entry.table);
    if (fields.length === 0 || !entry.changes) return entry;
    const changes = { ...entry.changes };
    for (const field of fields) if (field in changes) changes[field] = each(entry, field, `${REJECTED_STATE_KEY}/${String(entry.mutationId)}`);
    return { ...entry, changes };
  });
  return { ...row, value };
}

const syncStateSealer: RowSealer = {
  seal: (keys, row) => mapRejected(row, (entry, field, rowKey) => sealValue(keys, 'syncState', rowKey, field, entry.changes![field])),
  open: (keys, row) => mapRejected(row, (entry, field, rowKey) => openValue(keys, 'syncState', rowKey, field, entry.changes![field])),
  holdsClear: (row) =>
    row.key === REJECTED_STATE_KEY &&
    Array.isArray(row.value) &&
    (row.value as RejectedEntry[]).some((entry) => personalFieldsOf(entry.table).some((field) => isClear(entry.changes?.[field]))),
};

/**
 * Photo and document bytes (db.blobs): stored as the envelope's bytes with `sealed` (key id, type) beside them;
 * read back as a Blob of the clear bytes, so every reader (photos shown, uploads, backups) is unchanged. A Blob
 * whose bytes are not known synchronously (blob-bytes.ts) is stored as it is and sealed later (seal-existing-rows).
 * The row's key stays the SHA-256 of the clear bytes: sync and the server see no difference.
 */
/** Rows read whose bytes were never opened: written back (`update(sha256, { uploaded: true })`), they keep their envelope. */
const unopenedBlobs = new WeakMap<Row, { data: Uint8Array; sealed: unknown }>();

const blobSealer: RowSealer = {
  seal(keys, row) {
    const unopened = unopenedBlobs.get(row);
    if (unopened) {
      const out: Row = {};
      for (const field of Object.keys(row)) if (field !== 'data') out[field] = row[field];
      return { ...out, ...unopened };
    }
    const bytes = row.data instanceof Blob ? knownBytesOf(row.data) : undefined;
    if (!bytes) return row;
    const key = keys.keys.get(keys.currentKeyId)!;
    const envelope = sealSync(key, bytes, `provincedesk/blob/${String(row.sha256)}`);
    return { ...row, data: envelope, sealed: { keyId: keys.currentKeyId, type: (row.data as Blob).type } };
  },
  open(keys, row) {
    const sealed = row.sealed as { keyId: string; type: string } | undefined;
    const stored = row.data;
    if (!sealed || !(stored instanceof Uint8Array)) return row;
    delete row.sealed;
    unopenedBlobs.set(row, { data: stored, sealed });
    const settle = (value: unknown) => {
      unopenedBlobs.delete(row);
      Object.defineProperty(row, 'data', { value, writable: true, enumerable: true, configurable: true });
    };
    Object.defineProperty(row, 'data', {
      enumerable: true,
      configurable: true,
      get() {
        if (!keys) throw new AtRestLockedError();
        const key = keys.keys.get(sealed.keyId);
        if (!key) throw new RangeError(`data key ${sealed.keyId} is not on this device`);
        const blob = blobWithBytes(openSync(key, stored, `provincedesk/blob/${String(row.sha256)}`), sealed.type);
        settle(blob);
        return blob;
      },
      set: settle,
    });
    return row;
  },
  holdsClear: (row) => row.data instanceof Blob,
};

export const ROW_SEALERS: Readonly<Record<string, RowSealer>> = {
  blobs: blobSealer,
  members: recordSealer('members'),
  partners: recordSealer('partners'),
  outbox: outboxSealer,
  conflicts: conflictSealer,
  syncState: syncStateSealer,
};
