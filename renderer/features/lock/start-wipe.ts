import type Dexie from 'dexie';
import { desk } from '../../bridge/desk-bridge';
import { useAppLock } from './app-lock';
import { wipeThisDevice } from './device-wipe';

let database: Dexie | undefined;

/** The app's open database, for the wipe to close and delete (main.tsx tells it at start). */
export function setWipeDatabase(db: Dexie): void {
  database = db;
}

/** The server said this device was wiped: take every screen down, delete everything, show the notice. */
export async function startWipe(): Promise<void> {
  if (useAppLock.getState().wipe !== null) return;
  useAppLock.setState({ wipe: 'wiping' });
  document.body.dataset.wiped = 'wiping';
  try {
    await wipeThisDevice({ desk, storage: window.localStorage, db: database });
  } finally {
    useAppLock.setState({ wipe: 'wiped' });
    document.body.dataset.wiped = 'true';
  }
}
