import type { HybridLogicalClock } from '../shared/sync/hybrid-logical-clock';
import type { ChangeHub } from './live/change-hub';
import type { Store } from './store/open-store';

/** What every route needs, built once per server process by createServer. */
export interface ServerContext {
  store: Store;
  hub: ChangeHub;
  /** The server's own HLC, for writes it makes itself (conflict resolutions). */
  clock: HybridLogicalClock;
  now: () => number;
  maxDriftMs: number;
  heartbeatMs: number;
}
