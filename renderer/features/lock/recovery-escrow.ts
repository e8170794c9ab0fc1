import type { DeskApi } from '../../../shared/ipc/desk-api';
import type { Keyring, UnlockedKeys } from '../../security/keyring';
import { SyncClient } from '../../sync/sync-client';

/**
 * Sends the recovery secret of the unlock key to the sync server when it has not confirmed it yet (set offline,
 * or before the first sign-in). Quiet on failure: it is tried again at the next unlock and sign-in.
 */
export async function escrowIfPending(keyring: Keyring, keys: UnlockedKeys, desk: Pick<DeskApi, 'syncRequest' | 'getSession'>): Promise<boolean> {
  const pending = await keyring.pendingEscrow(keys);
  if (!pending) return false;
  const session = await desk.getSession();
  if (!session.ok || session.value === null) return false;
  try {
    await new SyncClient((request) => desk.syncRequest(request)).storeRecoverySecret(pending.keyId, pending.secret);
  } catch {
    return false;
  }
  await keyring.markEscrowed(pending.keyId);
  return true;
}
