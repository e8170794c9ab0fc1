// What the UI shows about sync: a tiny observable (React reads it with useSyncExternalStore; the agent
// knows nothing of React).

/** Failure and warning codes; renderer/features/sync/sync-messages.ts has the plain-Thai text of each. */
export const SYNC_PROBLEMS = [
  'offline',
  'signed-out',
  'unauthorized',
  'update-required',
  'unsupported-version',
  'clock-ahead',
  'clock-behind',
  'server-error',
  'rejected',
  'bad-response',
  'refetch',
  'node-in-use',
  /** An administrator wiped this device: the app deletes everything it holds (issue 14). */
  'device-wiped',
  'internal',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export type SyncPhase = 'idle' | 'pushing' | 'pulling';

export interface SyncStatus {
  /** Nothing to do without a sign-in; offline = the last attempt could not reach the server. */
  state: 'signed-out' | 'offline' | 'syncing' | 'up-to-date' | 'error';
  phase: SyncPhase;
  /**
   * During a pull from scratch (first sync or refetch): how many records have been stored so far, and
   * how far through the server's history the pull has come (0–1; null until the first page).
   */
  initialPull: { stored: number; fraction?: number | null } | null;
  lastSyncAt: string | null;
  problem: SyncProblem | null;
  /** The server's own (Thai) message when there is one. */
  detail: string | null;
  /** Set while the PC clock is behind or ahead of the server: shown until a sync without the warning. */
  clockWarning: 'clock-ahead' | 'clock-behind' | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'signed-out',
  phase: 'idle',
  initialPull: null,
  lastSyncAt: null,
  problem: null,
  detail: null,
  clockWarning: null,
};

export class SyncStatusStore {
  private status: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<() => void>();

  get = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener();
  }
}
