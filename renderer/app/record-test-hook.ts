import type { DeskDatabase } from '../db/database';

declare global {
  interface Window {
    /** Browser shell only: a record as the app reads it (personal fields opened), for end-to-end tests. */
    __provincedeskReadRecord?: (table: string, id: string) => Promise<unknown>;
  }
}

/**
 * With encryption at rest a raw IndexedDB read shows sealed personal fields, so the e2e tests read records
 * through the app's data layer. Installed only in the browser shell (no window.desk), never in the desktop app;
 * it reads nothing while the app is locked (the at-rest layer refuses).
 */
export function installRecordTestHook(db: DeskDatabase): void {
  if (window.desk) return;
  window.__provincedeskReadRecord = (table, id) => db.table(table).get(id);
}
