import type { DeskDatabase } from '../../db/database';
import { AtRestLockedError } from '../../db/at-rest/row-sealers';
import { sealExistingRows, sealingPending, type SealingProgress } from '../../db/at-rest/seal-existing-rows';
import { whenUnlocked } from './app-lock';

/**
 * Seals the rows stored before encryption at rest (issue 14), once, after unlock: Dexie's upgrade ran while the
 * app was locked, without keys. If the app locks meanwhile (idle time), it waits for the unlock and carries on.
 */
export async function sealAfterUnlock(db: DeskDatabase, onProgress: (progress: SealingProgress | null) => void): Promise<void> {
  if (!(await sealingPending(db))) return;
  onProgress(null);
  for (;;) {
    try {
      await sealExistingRows(db, { onProgress });
      return;
    } catch (error) {
      if (!(error instanceof AtRestLockedError)) throw error;
      await whenUnlocked();
    }
  }
}
