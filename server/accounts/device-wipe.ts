// Remote wipe and the device audit log (issue 14). `wipe-device` marks a device (or all of a user's devices):
// its token stops working for anything but being told, the escrowed recovery secret of its unlock key is
// deleted (so its data cannot be unlocked through the server any more), and at its next contact the device
// gets `401 device-wiped` and deletes everything it holds. Every revoke, wipe and delivered wipe is written to
// `device_audit`, which `audit-log` prints.
import { hashDeviceToken } from './device-token';
import { toIso, type SqlClient, type SqlQueryable } from '../store/sql-client';
import { AccountError } from './accounts-repository';

export type DeviceAuditAction = 'revoke-device' | 'wipe-device' | 'wipe-delivered' | 'sign-out';

export interface DeviceAuditEntry {
  at: string;
  action: DeviceAuditAction;
  deviceId: string;
  username: string;
  actor: string;
  detail: string;
}

/** Writes one line of the device audit log for each of `deviceIds` (username looked up). */
export async function recordDeviceAudit(sql: SqlQueryable, action: DeviceAuditAction, deviceIds: readonly string[], actor: string, detail = ''): Promise<void> {
  for (const deviceId of deviceIds) {
    await sql.query(
      `INSERT INTO device_audit (action, device_id, username, actor, detail)
       SELECT $1, d.id, u.username, $3, $4 FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $2`,
      [action, deviceId, actor, detail],
    );
  }
}

export type WipeTarget = { deviceId: string } | { username: string };

/**
 * Marks the target's devices to be wiped, revokes them and deletes their recovery secrets, in one transaction.
 * A device already marked keeps its first date. Returns the devices marked now.
 */
export async function wipeDevices(sql: SqlClient, target: WipeTarget, actor: string): Promise<string[]> {
  return sql.transaction(async (tx) => {
    const { rows: found } =
      'deviceId' in target
        ? await tx.query<{ id: string }>('SELECT id FROM devices WHERE id = $1', [target.deviceId])
        : await tx.query<{ id: string }>('SELECT d.id FROM devices d JOIN users u ON u.id = d.user_id WHERE u.username = $1', [target.username.trim().toLowerCase()]);
    if (found.length === 0) throw new AccountError('deviceId' in target ? `no device ${target.deviceId}` : `no devices of ${target.username}`);
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE devices SET wipe_requested_at = now(), revoked_at = coalesce(revoked_at, now())
        WHERE id = ANY($1::text[]) AND wipe_requested_at IS NULL RETURNING id`,
      [found.map((d) => d.id)],
    );
    const marked = rows.map((r) => r.id);
    await tx.query('UPDATE unlock_recovery SET secret = NULL, wiped_at = coalesce(wiped_at, now()) WHERE device_id = ANY($1::text[])', [found.map((d) => d.id)]);
    await recordDeviceAudit(tx, 'wipe-device', marked, actor);
    return marked;
  });
}

/**
 * For a token that no longer authenticates: whether it belongs to a device marked for wiping. The first time
 * the device is told, that is recorded (wipe_delivered_at and the audit log).
 */
export async function isWipedDeviceToken(sql: SqlClient, token: string): Promise<boolean> {
  const { rows } = await sql.query<{ id: string; wipe_delivered_at: unknown }>(
    'SELECT id, wipe_delivered_at FROM devices WHERE token_hash = $1 AND wipe_requested_at IS NOT NULL',
    [hashDeviceToken(token)],
  );
  const device = rows[0];
  if (device === undefined) return false;
  if (device.wipe_delivered_at === null) {
    const { rows: first } = await sql.query<{ id: string }>('UPDATE devices SET wipe_delivered_at = now() WHERE id = $1 AND wipe_delivered_at IS NULL RETURNING id', [device.id]);
    if (first.length > 0) await recordDeviceAudit(sql, 'wipe-delivered', [device.id], 'device');
  }
  return true;
}

/** The device audit log, oldest first (optionally one device's). */
export async function listDeviceAudit(sql: SqlClient, deviceId?: string): Promise<DeviceAuditEntry[]> {
  const { rows } = await sql.query<{ at: unknown; action: DeviceAuditAction; device_id: string; username: string; actor: string; detail: string }>(
    `SELECT at, action, device_id, username, actor, detail FROM device_audit WHERE $1::text IS NULL OR device_id = $1 ORDER BY id`,
    [deviceId ?? null],
  );
  return rows.map((r) => ({ at: toIso(r.at) ?? '', action: r.action, deviceId: r.device_id, username: r.username, actor: r.actor, detail: r.detail }));
}
