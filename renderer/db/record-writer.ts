import { RECORD_META_FIELDS } from '../../shared/domain/common';
import { SYNCED_TABLE_SCHEMAS, type RecordOf, type SyncedTable } from '../../shared/domain/synced-tables';
import { canonicalJson } from '../../shared/sync/canonical-json';
import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import { withStorableText } from '../../shared/sync/storable-json';
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
}

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
   * Creates many records as create() would, in one transaction and a handful of bulk requests —
   * for imports, where a request per record per store is what makes 20,000 rows slow. All or none:
   * one invalid record writes nothing.
   */
  async createMany<T extends SyncedTable>(table: T, records: readonly RecordOf<T>[]): Promise<void> {
    if (records.length === 0) return;
    const valid = records.map((record) => this.validate(table, record));
    await this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const existing = (await this.db.recordTable(table).bulkGet(valid.map((r) => r.id))).find((r) => r !== undefined);
      if (existing) throw new Error(`${table} ${existing.id} already exists`);
      const createdAt = this.now().toISOString();
      const rows: LocalRecord<T>[] = [];
      const entries: OutboxEntry[] = [];
      for (const record of valid) {
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
      await this.db.recordTable(table).bulkAdd(rows);
      await this.db.outbox.bulkAdd(entries);
      await saveDeviceClock(this.db, this.clock);
    });
  }

  async update<T extends SyncedTable>(table: T, id: string, patch: Partial<RecordOf<T>>, options: WriteOptions = {}): Promise<LocalRecord<T>> {
    return this.db.transaction('rw', [this.db.table(table), this.db.outbox, this.db.syncState], async () => {
      const current = await this.db.recordTable(table).get(id);
      if (!current) throw new Error(`${table} ${id} does not exist`);
      const { _stamps: _ignored, ...values } = withoutDerivedFields(current);
      const next = { ...values, ...patch, id: current.id, provinceCode: current.provinceCode, districtCode: current.districtCode } as RecordOf<T>;
      if ('updatedAt' in SYNCED_TABLE_SCHEMAS[table].shape) (next as Record<string, unknown>).updatedAt = this.now().toISOString();
      return this.write(table, current, this.validate(table, next), options);
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

  private async write<T extends SyncedTable>(table: T, current: LocalRecord<T> | undefined, next: RecordOf<T>, options: WriteOptions): Promise<LocalRecord<T>> {
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
      changes[field] = { value: after[field], stamp, prev: stamps[field] ?? null };
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
