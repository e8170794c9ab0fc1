import type { HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import { DeskDatabase } from './database';
import { loadDeviceClock, loadDeviceIdentity, type DeviceIdentity } from './device-clock';
import { RecordWriter } from './record-writer';
import { EventRepository } from './repositories/event-repository';
import { NewsRepository } from './repositories/news-repository';
import { RosterRepository } from './repositories/roster-repository';

/** The data layer as the app uses it: one database, one writer, the repositories. */
export interface DeskData {
  db: DeskDatabase;
  identity: DeviceIdentity;
  /** The device's one HLC: the writer ticks it, the sync agent receives pulled stamps into it. */
  clock: HybridLogicalClock;
  writer: RecordWriter;
  news: NewsRepository;
  events: EventRepository;
  roster: RosterRepository;
}

export async function openDeskData(db: DeskDatabase = new DeskDatabase(), now?: () => number): Promise<DeskData> {
  await db.open();
  const identity = await loadDeviceIdentity(db);
  db.localNodeId = identity.nodeId;
  const clock = await loadDeviceClock(db, identity, now);
  const writer = new RecordWriter(db, identity, clock, now ? () => new Date(now()) : undefined);
  return {
    db,
    identity,
    clock,
    writer,
    news: new NewsRepository(db, writer),
    events: new EventRepository(db, writer),
    roster: new RosterRepository(db, writer),
  };
}

/** How many local changes wait to be pushed. */
export function pendingChangeCount(db: DeskDatabase): Promise<number> {
  return db.outbox.count();
}
