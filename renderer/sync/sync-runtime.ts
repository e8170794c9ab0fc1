// The app's one sync agent and its scheduler, wired to the desk API. Started once at app start (app.tsx);
// the UI reaches it through getSyncRuntime().

import type { DeskApi, SyncSession } from '../../shared/ipc/desk-api';
import type { DeskData } from '../db/desk-data';
import { workerFieldDeriver } from './field-deriver';
import { PersonReveal } from './person-reveal';
import { SyncAgent } from './sync-agent';
import { SyncScheduler } from './sync-scheduler';

export interface SyncRuntime {
  agent: SyncAgent;
  scheduler: SyncScheduler;
  /** Full national IDs come from the server only (it audits every reveal). */
  reveal: PersonReveal;
  /** The signed-in session as the runtime last heard it (null: signed out). */
  session(): SyncSession | null;
  onSession(listener: (session: SyncSession | null) => void): () => void;
  stop(): void;
}

let current: { data: DeskData; runtime: SyncRuntime } | null = null;

export function getSyncRuntime(): SyncRuntime | null {
  return current?.runtime ?? null;
}

/** Idempotent per data layer (React's StrictMode runs effects twice). */
export function startSyncRuntime(data: DeskData, desk: DeskApi, options: { onDeviceWiped?: () => void } = {}): SyncRuntime {
  if (current?.data === data) return current.runtime;
  current?.runtime.stop();

  let session: SyncSession | null = null;
  let loaded: Promise<void> | null = null;
  const listeners = new Set<(session: SyncSession | null) => void>();
  const setSession = (next: SyncSession | null) => {
    session = next;
    for (const listener of listeners) listener(next);
  };
  const load = () =>
    (loaded ??= desk.getSession().then((result) => {
      if (result.ok) setSession(result.value);
    }));

  const agent = new SyncAgent({
    data,
    request: (request) => desk.syncRequest(request),
    // Attachment bytes go through their own desk methods (binary; main adds the token).
    blobTransfer: desk,
    // Thai word segmentation of a large first pull runs beside the window, not in it.
    deriveFields: workerFieldDeriver(() => new Worker(new URL('../db/derive-fields-worker.ts', import.meta.url), { type: 'module' })),
    onDeviceWiped: options.onDeviceWiped,
    getSession: async () => {
      await load();
      return session ? { deviceId: session.deviceId, user: session.user } : null;
    },
  });
  const reveal = new PersonReveal({
    request: (request) => desk.syncRequest(request),
    isSignedIn: async () => {
      await load();
      return session !== null;
    },
    sync: (reason) => agent.sync(reason),
  });
  const scheduler = new SyncScheduler({ agent, db: data.db, onEvent: (listener) => desk.onEvent(listener) });
  const unsubscribe = desk.onEvent((event) => {
    if (event.type === 'session-changed') {
      setSession(event.session);
      if (!event.session) agent.status.update({ state: 'signed-out', problem: null, detail: null });
    }
  });
  void load().then(() => agent.restoreStatus());
  scheduler.start();

  const runtime: SyncRuntime = {
    agent,
    scheduler,
    reveal,
    session: () => session,
    onSession(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      scheduler.stop();
      unsubscribe();
      listeners.clear();
      if (current?.runtime === runtime) current = null;
    },
  };
  current = { data, runtime };
  return runtime;
}
