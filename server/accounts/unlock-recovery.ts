// The escrowed recovery secret of a device's unlock key (issue 14, docs/privacy.md). A device that sets an
// unlock password also wraps its data key with a random secret and leaves the secret here, for its user only.
// A user who forgot the unlock password signs in to this server again (user name and password, online) and gets
// the secret back: the data on the laptop is kept. A wipe deletes the secret, so a wiped laptop's data can no
// longer be opened through the server.
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hash';
import type { SqlClient } from '../store/sql-client';

export async function storeRecoverySecret(sql: SqlClient, device: { deviceId: string; userId: string }, keyId: string, secret: string): Promise<void> {
  await sql.query(
    `INSERT INTO unlock_recovery (key_id, user_id, device_id, secret) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key_id) DO UPDATE SET secret = excluded.secret, device_id = excluded.device_id, created_at = now()
     WHERE unlock_recovery.user_id = excluded.user_id AND unlock_recovery.wiped_at IS NULL`,
    [keyId, device.userId, device.deviceId, secret],
  );
}

export type RecoveryOutcome = { ok: true; secret: string } | { ok: false; reason: 'wrong-credentials' | 'disabled' | 'not-found' | 'wiped' };

/**
 * The secret of `keyId`, for the right password of the user who stored it. A key whose device was wiped answers
 * 'wiped' (its secret is gone), so the device learns it should delete everything.
 */
export async function recoverySecretFor(sql: SqlClient, input: { username: string; password: string; keyId: string }): Promise<RecoveryOutcome> {
  const { rows } = await sql.query<{ id: string; password_hash: string; disabled_at: unknown }>('SELECT id, password_hash, disabled_at FROM users WHERE username = $1', [
    input.username.trim().toLowerCase(),
  ]);
  const user = rows[0];
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (user === undefined || !ok) return { ok: false, reason: 'wrong-credentials' };
  if (user.disabled_at !== null) return { ok: false, reason: 'disabled' };
  const { rows: keys } = await sql.query<{ secret: string | null }>('SELECT secret FROM unlock_recovery WHERE key_id = $1 AND user_id = $2', [input.keyId, user.id]);
  const key = keys[0];
  if (key === undefined) return { ok: false, reason: 'not-found' };
  // Its device was wiped: the secret is gone, and the device should delete everything.
  return key.secret === null ? { ok: false, reason: 'wiped' } : { ok: true, secret: key.secret };
}
