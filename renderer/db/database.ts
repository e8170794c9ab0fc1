import Dexie, { type EntityTable, type Table } from 'dexie';
import type { SyncedTable } from '../../shared/domain/synced-tables';
import type { BlobRow, ConflictRow, LocalRecord, OutboxEntry, SyncStateRow } from './local-record';
import type { ArrivalRow } from './overview/arrivals';
import type { TotalsRow } from './overview/overview-facts';
import { overviewTotalsMiddleware } from './overview/overview-totals-middleware';
import { totalsGenerationMiddleware } from './overview/totals-generation';
import { atRestMiddleware, type AtRestKeyProvider } from './at-rest/at-rest-middleware';
import { newsIndexMiddleware } from './news-index/news-index-middleware';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions';

export const DEFAULT_DATABASE_NAME = 'provincedesk';

/** The one IndexedDB database of the app. Only repositories in renderer/db write to it. */
export class DeskDatabase extends Dexie {
  news!: Table<LocalRecord<'news'>, string>;
  events!: Table<LocalRecord<'events'>, string>;
  centres!: Table<LocalRecord<'centres'>, string>;
  members!: Table<LocalRecord<'members'>, string>;
  partners!: Table<LocalRecord<'partners'>, string>;
  attendance!: Table<LocalRecord<'attendance'>, string>;
  attachments!: Table<LocalRecord<'attachments'>, string>;
  blobs!: EntityTable<BlobRow, 'sha256'>;
  outbox!: Table<OutboxEntry, number>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  /** The overview's counters, kept in step with every write (overview/overview-totals-middleware.ts). */
  overviewTotals!: EntityTable<TotalsRow, 'key'>;
  /** What other people's changes brought with each sync (overview/arrivals.ts). */
  arrivals!: Table<ArrivalRow, number>;
  /** This device's HLC node once its identity is loaded (openDeskData): tells pulled changes from local ones. */
  localNodeId: string | null = null;
  /** Set before opening by the app (the unlocked keys): personal data is then sealed at rest (at-rest/). */
  atRestKeys: AtRestKeyProvider | null = null;

  constructor(name: string = DEFAULT_DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1], versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(overviewTotalsMiddleware({ localNode: () => this.localNodeId }));
    this.use(totalsGenerationMiddleware());
    this.use(atRestMiddleware(() => this.atRestKeys));
    this.use(newsIndexMiddleware());
  }

  recordTable<T extends SyncedTable>(table: T): Table<LocalRecord<T>, string> {
    return this.table(table) as unknown as Table<LocalRecord<T>, string>;
  }
}
