import Dexie from 'dexie';
import { RECORD_META_FIELDS } from '../../shared/domain/common';
import { SYNCED_TABLE_SCHEMAS, type RecordOf, type SyncedTable } from '../../shared/domain/synced-tables';
import { canonicalJson } from '../../shared/sync/canonical-json';
import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import { withStorableText } from '../../shared/sync/storable-json';
import { sealAhead } from './at-rest/seal-ahead';
import type { DeskDatabase } from './database';
import { saveDeviceClock, type DeviceIdentity } from './device-clock';
import type { LocalRecord, OutboxEntry } from './local-record';
import { RecordValidationError } from './record-validation-error';
import { deriveLocalFields, derivedFieldsOrNone, withoutDerivedFields } from './derived-fields';

export interface WriteOptions {
  /**
   * Merge this change into the record's queued, not-yet-sent outbox entry, so a long editing
   * session (autosave while typing) is one pending change per record, not thousands.
   */
  coalesce?: boolean;
  /**
   * The version of the record the user edited (an open form's starting point), when it may be older
   * than the stored one: a pull can change the record while a form is open. See `fieldsToWrite`.
   */
  base?: EditBase;
}

/** A record as an editor loaded it: the values the user saw and the stamps they had. */
export interface EditBase {
  values: Readonly<Record<string, unknown>>;
  stamps: Readonly<Record<string, string>>;
}

/** The fields of `patch` to write over `current`, each with the stamp the writer had seen (`prev`). */
export type FieldsToWrite = Map<string, { value: unknown; prev: string | null }>;

/**
 * Which fields of a patch are a change, and what the user had seen of each (issue 17).
 *
 * Without a base, the user saw the stored record: a field is written when it differs from it, and its
 * `prev` is the stored stamp. With a base (a form opened before a pull changed the record):
 * - a field whose value is still the base's was not touched by the user: it is not written, so a
 *   stale form never puts an old value back over a newer one;
 * - a touched field's `prev` is the stamp the user saw, not the one stored now — so when another
 *   device's value arrived meanwhile, the server sees a concurrent overwrite and keeps both.
 */
export function fieldsToWrite(stored: { _stamps?: Readonly<Record<string, string>> }, patch: object, base?: EditBase): FieldsToWrite {
  const out: FieldsToWrite = new Map();
  const current = stored as Readonly<Record<string, unknown>> & { _stamps?: Readonly<Record<string, string>> };
  for (const [field, value] of Object.entries(patch)) {
    if (isMetaField(field) || value === undefined) continue;
    const json = canonicalJson(value);
    if (base && Object.hasOwn(base.values, field) && canonicalJson(base.values[field]) === json) continue;
    if (canonicalJson(current[field]) === json) continue;
    const seen = base ? base.stamps[field] : current._stamps?.[field];
    out.set(field, { value, prev: seen ?? null });
  }
  return out;
}

/** Records per bulk request of createMany (see there). */
const CREATE_MANY_CHUNK = 1_000;

/**
 * The one way a synced record is written: in one Dexie transaction the record, its per-field
 * HLC stamps and an outbox entry. Repositories call this; nothing else writes synced tables.
 */
export class RecordWriter {
  constructor(
    private readonly db: DeskDatabase,
    private readonly identity: DeviceIdentity,
    private readonly clock: HybridLogicalClock,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get deviceId(): string {
    return this.identity.deviceId;
  }

  async create<T extends SyncedTable>(table: T, record: RecordOf<T>): Promise<LocalRecord<T>> {
    return this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const existing = await this.db.recordTable(table).get(record.id);
      if (existing) throw new Error(`${table} ${record.id} already exists`);
      return this.write(table, undefined, this.validate(table, record), {});
    });
  }

  /**
   * Creates many records as create() would, in one transaction and a few bulk requests per
   * `CREATE_MANY_CHUNK` records — for imports, where a request per record per store is what makes
   * 20,000 rows slow. All or none: one invalid record writes nothing. Each chunk is checked and
   * prepared (stamps, search tokens, outbox entry) while the previous chunk's writes are in flight,
   * so the window's work overlaps the database's (issue 13). `onProgress` hears of each chunk written;
   * an aborted `signal` stops before the next chunk and rolls back everything (the user's cancel).
   */
  async createMany<T extends SyncedTable>(table: T, records: readonly RecordOf<T>[], options: { onProgress?: (done: number) => void; signal?: AbortSignal } = {}): Promise<void> {
    const { onProgress, signal } = options;
    if (records.length === 0) return;
    await this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const createdAt = this.now().toISOString();
      let writing: Promise<unknown> = Promise.resolve();
      for (let at = 0; at < records.length; at += CREATE_MANY_CHUNK) {
        const chunk = records.slice(at, at + CREATE_MANY_CHUNK).map((record) => this.validate(table, record));
        const { rows, entries } = this.prepareCreated(table, chunk, createdAt);
        await writing;
        signal?.throwIfAborted();
        if (at > 0) onProgress?.(at);
        // No read before: new ids are new, and an id that exists fails the add (and the transaction) by itself.
        const added = this.db.recordTable(table).bulkAdd(rows).catch((error: unknown) => {
          const taken = error instanceof Dexie.BulkError ? rows[Number(Object.keys(error.failuresByPos)[0])] : undefined;
          throw taken ? new Error(`${table} ${taken.id} already exists`) : error;
        });
        writing = Promise.all([added, this.db.outbox.bulkAdd(entries)]);
        // Awaited at the next chunk; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      }
      await writing;
      signal?.throwIfAborted();
      onProgress?.(records.length);
      await saveDeviceClock(this.db, this.clock);
    });
  }

  /** The stored rows and outbox entries of new records, every field stamped, personal values sealed at rest. */
  private prepareCreated<T extends SyncedTable>(table: T, records: readonly RecordOf<T>[], createdAt: string): { rows: LocalRecord<T>[]; entries: OutboxEntry[] } {
    const rows: LocalRecord<T>[] = [];
    const entries: OutboxEntry[] = [];
    for (const record of records) {
      const stamp = this.clock.tick();
      const stamps: Record<string, string> = {};
      const changes: OutboxEntry['changes'] = {};
      for (const [field, value] of Object.entries(record as Record<string, unknown>)) {
        if (isMetaField(field)) continue;
        changes[field] = { value, stamp, prev: null };
        stamps[field] = stamp;
      }
      rows.push({ ...record, ...deriveLocalFields(table, record), _stamps: stamps } as LocalRecord<T>);
      entries.push({ table, recordId: record.id, provinceCode: record.provinceCode, districtCode: record.districtCode, changes, createdAt, sentAt: null });
    }
    // Sealed here, not in the write request: this runs while the previous chunk is still being written.
    return { rows: sealAhead(this.db.atRestKeys, table, rows), entries: sealAhead(this.db.atRestKeys, 'outbox', entries) };
  }

  async update<T extends SyncedTable>(table: T, id: string, patch: Partial<RecordOf<T>>, options: WriteOptions = {}): Promise<LocalRecord<T>> {
    return this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const current = await this.db.recordTable(table).get(id);
      if (!current) throw new Error(`${table} ${id} does not exist`);
      const writes = fieldsToWrite(current, patch, options.base);
      if (writes.size === 0) return current;
      const { _stamps: _ignored, ...values } = withoutDerivedFields(current);
      const next = { ...values, id: current.id, provinceCode: current.provinceCode, districtCode: current.districtCode } as Record<string, unknown>;
      for (const [field, { value }] of writes) next[field] = value;
      const prevs = new Map([...writes].map(([field, w]) => [field, w.prev]));
      if ('updatedAt' in SYNCED_TABLE_SCHEMAS[table].shape) next.updatedAt = this.now().toISOString();
      return this.write(table, current, this.validate(table, next), options, prevs);
    });
  }

  /** update() for a record that may have gone meanwhile (deleted here or by a pull): null, nothing written. */
  async updateIfLive<T extends SyncedTable>(table: T, id: string, patch: Partial<RecordOf<T>>, options: WriteOptions = {}): Promise<LocalRecord<T> | null> {
    return this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const current = await this.db.recordTable(table).get(id);
      if (!current || (current as { deleted?: boolean }).deleted) return null;
      return this.update(table, id, patch, options);
    });
  }

  /** A delete is a tombstone write: the record stays, marked deleted, so the delete syncs and merges. */
  async remove<T extends SyncedTable>(table: T, id: string): Promise<void> {
    await this.update(table, id, { deleted: true } as Partial<RecordOf<T>>);
  }

  private validate<T extends SyncedTable>(table: T, record: unknown): RecordOf<T> {
    // A U+0000 or a broken surrogate (pasted from a PDF, read from a spreadsheet) is never meant as text,
    // and the server's database refuses it: it is dropped here, before it is stored or queued.
    const parsed = SYNCED_TABLE_SCHEMAS[table].safeParse(withStorableText(record));
    if (!parsed.success) {
      throw new RecordValidationError(table, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    return parsed.data as RecordOf<T>;
  }

  /** `prevs`: the stamp the user had seen of each patched field (`fieldsToWrite`); others take the stored one. */
  private async write<T extends SyncedTable>(
    table: T,
    current: LocalRecord<T> | undefined,
    next: RecordOf<T>,
    options: WriteOptions,
    prevs: ReadonlyMap<string, string | null> = new Map(),
  ): Promise<LocalRecord<T>> {
    const before = (current ?? {}) as Record<string, unknown>;
    const after = next as Record<string, unknown>;
    // id and scope travel in the mutation's envelope, never as stamped fields (the server refuses them).
    const changedFields = Object.keys(after).filter((f) => !isMetaField(f) && (current === undefined || canonicalJson(before[f]) !== canonicalJson(after[f])));
    // A bumped updatedAt alone is not a change worth syncing.
    if (current && changedFields.every((f) => f === 'updatedAt')) return current;

    const stamp = this.clock.tick();
    const stamps = { ...(current?._stamps ?? {}) };
    const changes: OutboxEntry['changes'] = {};
    for (const field of changedFields) {
      changes[field] = { value: after[field], stamp, prev: prevs.has(field) ? (prevs.get(field) ?? null) : (stamps[field] ?? null) };
      stamps[field] = stamp;
    }

    const stored = { ...next, ...deriveLocalFields(table, next), _stamps: stamps } as LocalRecord<T>;
    await this.db.recordTable(table).put(stored);
    await this.enqueue(table, next, changes, options);
    await saveDeviceClock(this.db, this.clock);
    return stored;
  }

  /**
   * Stores records merged from a pull (or a re-stamp) with their derived fields recomputed. No stamp is
   * issued and nothing is queued: the caller (the sync agent) merged them by the same LWW rule. Runs in
   * the caller's transaction when there is one.
   */
  async storeMerged<T extends SyncedTable>(
    table: T,
    records: Array<RecordOf<T> & { _stamps: Record<string, string> }>,
    options: { alreadyDerived?: boolean } = {},
  ): Promise<void> {
    if (records.length === 0) return;
    const rows = options.alreadyDerived ? (records as LocalRecord<T>[]) : records.map((record) => withDerivedFields(table, record));
    await this.db.recordTable(table).bulkPut(rows);
  }

  private async enqueue<T extends SyncedTable>(table: T, record: RecordOf<T>, changes: OutboxEntry['changes'], options: WriteOptions): Promise<void> {
    if (options.coalesce) {
      const queued = await this.db.outbox.where('[table+recordId]').equals([table, record.id]).last();
      if (queued && queued.sentAt === null && queued.seq !== undefined) {
        const merged = { ...queued.changes };
        for (const [field, change] of Object.entries(changes)) {
          // Keep the stamp the writer first replaced: that is what it had seen before editing.
          merged[field] = { ...change, prev: queued.changes[field]?.prev ?? change.prev };
        }
        await this.db.outbox.update(queued.seq, { changes: merged });
        return;
      }
    }
    await this.db.outbox.add({
      table,
      recordId: record.id,
      provinceCode: record.provinceCode,
      districtCode: record.districtCode,
      changes,
      createdAt: this.now().toISOString(),
      sentAt: null,
    });
  }
}

export function isMetaField(field: string): boolean {
  return (RECORD_META_FIELDS as readonly string[]).includes(field);
}

/** A synced record with its locally derived fields (search tokens …) computed; incomplete records get none. */
export function withDerivedFields<T extends SyncedTable>(table: T, record: RecordOf<T> & { _stamps: Record<string, string> }): LocalRecord<T> {
  return { ...withoutDerivedFields(record), ...derivedFieldsOrNone(table, record) } as LocalRecord<T>;
}
