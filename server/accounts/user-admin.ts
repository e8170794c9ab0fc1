// What an administrator does to existing users from the command line: list them, disable and enable
// them, and set a new password for one who forgot theirs.
import type { Role } from '../../shared/sync/protocol';
import type { SqlClient, SqlQueryable } from '../store/sql-client';
import { toIso } from '../store/sql-client';
import { AccountError, type Office } from './accounts-repository';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hash';

export interface UserListing {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  office: Office | null;
  disabledAt: string | null;
  activeDevices: number;
}

export async function listUsers(sql: SqlQueryable): Promise<UserListing[]> {
  const { rows } = await sql.query<{
    id: string;
    username: string;
    display_name: string;
    role: Role;
    disabled_at: unknown;
    office_id: string | null;
    province_code: string | null;
    district_code: string | null;
    office_name: string | null;
    active_devices: number;
  }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.disabled_at, u.office_id,
            o.province_code, o.district_code, o.name AS office_name,
            (SELECT count(*)::int FROM devices d WHERE d.user_id = u.id AND d.revoked_at IS NULL) AS active_devices
       FROM users u LEFT JOIN offices o ON o.id = u.office_id
      ORDER BY u.username`,
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    office:
      r.office_id === null || r.province_code === null
        ? null
        : { id: r.office_id, provinceCode: r.province_code, districtCode: r.district_code, name: r.office_name ?? '' },
    disabledAt: toIso(r.disabled_at),
    activeDevices: r.active_devices,
  }));
}

/** The user row, locked for the rest of the transaction; an AccountError when there is none. */
async function lockUser(tx: SqlQueryable, username: string): Promise<{ id: string; disabledAt: string | null }> {
  const name = username.trim().toLowerCase();
  const { rows } = await tx.query<{ id: string; disabled_at: unknown }>('SELECT id, disabled_at FROM users WHERE username = $1 FOR UPDATE', [name]);
  const row = rows[0];
  if (row === undefined) throw new AccountError(`no user ${name}`);
  return { id: row.id, disabledAt: toIso(row.disabled_at) };
}

/**
 * Refuses the user's logins and revokes every device they have, in one transaction. Tokens of a
 * disabled user are refused as well (authenticateToken), so a login racing with this gains nothing.
 * Disabling a disabled user revokes anything left and keeps the first date.
 */
export async function disableUser(sql: SqlClient, username: string): Promise<{ disabledAt: string; alreadyDisabled: boolean; revokedDevices: number }> {
  return sql.transaction(async (tx) => {
    const user = await lockUser(tx, username);
    let disabledAt = user.disabledAt;
    if (disabledAt === null) {
      const { rows } = await tx.query<{ disabled_at: unknown }>('UPDATE users SET disabled_at = now() WHERE id = $1 RETURNING disabled_at', [user.id]);
      disabledAt = toIso(rows[0]?.disabled_at) ?? new Date().toISOString();
    }
    const revoked = await tx.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [user.id]);
    return { disabledAt, alreadyDisabled: user.disabledAt !== null, revokedDevices: revoked.rows.length };
  });
}

/** Lets the user sign in again. Their devices stay revoked: each computer signs in anew. */
export async function enableUser(sql: SqlClient, username: string): Promise<{ wasDisabled: boolean }> {
  return sql.transaction(async (tx) => {
    const user = await lockUser(tx, username);
    if (user.disabledAt !== null) await tx.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [user.id]);
    return { wasDisabled: user.disabledAt !== null };
  });
}

/**
 * A new password for a user who forgot theirs. Devices already signed in stay signed in (a forgotten
 * password is not a stolen one); revoke-device or disable-user signs them out.
 */
export async function setPassword(sql: SqlClient, username: string, password: string): Promise<{ disabled: boolean }> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  return sql.transaction(async (tx) => {
    const user = await lockUser(tx, username);
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, passwordHash]);
    return { disabled: user.disabledAt !== null };
  });
}
