import { uuidv7 } from '../../shared/ids/uuid-v7';
import { AmphoeCode, ProvinceCode } from '../../shared/domain/common';
import type { Role, SessionUser } from '../../shared/sync/protocol';
import type { SqlClient } from '../store/sql-client';
import { toIso } from '../store/sql-client';
import { hashDeviceToken, newDeviceToken } from './device-token';
import { DUMMY_PASSWORD_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password-hash';
import { scopeFor, type Scope } from './scope';

export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export interface Office {
  id: string;
  provinceCode: string;
  districtCode: string | null;
  name: string;
}

export interface AuthenticatedDevice {
  deviceId: string;
  deviceName: string;
  user: SessionUser;
  scope: Scope;
  /** The scope this device last pulled from cursor 0 with; null before its first full pull. */
  syncedScope: string | null;
}

export interface DeviceListing {
  id: string;
  name: string;
  username: string;
  createdAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** wipe-device: when it was asked, and when the device was told (its next contact). */
  wipeRequestedAt: string | null;
  wipeDeliveredAt: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export async function createOffice(sql: SqlClient, input: { provinceCode: string; districtCode?: string | null; name: string }): Promise<Office> {
  const provinceCode = ProvinceCode.parse(input.provinceCode);
  const districtCode = input.districtCode == null ? null : AmphoeCode.parse(input.districtCode);
  if (districtCode !== null && !districtCode.startsWith(provinceCode)) {
    throw new AccountError(`district ${districtCode} is not in province ${provinceCode}`);
  }
  const name = input.name.trim();
  if (name === '') throw new AccountError('an office needs a name');
  const id = uuidv7();
  await sql.query('INSERT INTO offices (id, province_code, district_code, name) VALUES ($1, $2, $3, $4)', [id, provinceCode, districtCode, name]);
  return { id, provinceCode, districtCode, name };
}

export async function listOffices(sql: SqlClient): Promise<Office[]> {
  const { rows } = await sql.query<{ id: string; province_code: string; district_code: string | null; name: string }>(
    'SELECT id, province_code, district_code, name FROM offices ORDER BY province_code, district_code NULLS FIRST, name',
  );
  return rows.map((r) => ({ id: r.id, provinceCode: r.province_code, districtCode: r.district_code, name: r.name }));
}

export async function createUser(
  sql: SqlClient,
  input: { username: string; displayName: string; role: Role; officeId: string | null; password: string },
): Promise<{ id: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AccountError('username: 2–64 of a-z 0-9 . _ - (starting with a letter or digit)');
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (input.displayName.trim() === '') throw new AccountError('a user needs a display name');
  // Records carry it as their author's name, bounded like every synced field (shared/domain DisplayName).
  if (input.displayName.trim().length > 200) throw new AccountError('display name: at most 200 characters');
  if (input.role !== 'admin' && input.officeId === null) throw new AccountError(`a ${input.role} needs an office`);
  if (input.officeId !== null) {
    const { rows } = await sql.query<{ district_code: string | null }>('SELECT district_code FROM offices WHERE id = $1', [input.officeId]);
    const office = rows[0];
    if (office === undefined) throw new AccountError(`no office ${input.officeId}`);
    if (input.role === 'officer' && office.district_code === null) throw new AccountError('an officer needs a district office');
  }
  const existing = await sql.query('SELECT 1 FROM users WHERE username = $1', [username]);
  if (existing.rows.length > 0) throw new AccountError(`username ${username} is taken`);
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  await sql.query('INSERT INTO users (id, username, display_name, role, office_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    username,
    input.displayName.trim(),
    input.role,
    input.officeId,
    passwordHash,
  ]);
  return { id };
}

/** Moves a user to another office (their devices' scope changes: their next pull answers refetch). */
export async function setUserOffice(sql: SqlClient, userId: string, officeId: string | null): Promise<void> {
  const { rows } = await sql.query('UPDATE users SET office_id = $2 WHERE id = $1 RETURNING id', [userId, officeId]);
  if (rows.length === 0) throw new AccountError(`no user ${userId}`);
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled_at: unknown;
  province_code: string | null;
  district_code: string | null;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled_at, o.province_code, o.district_code`;

export type LoginOutcome =
  | { ok: true; session: { token: string; deviceId: string; user: SessionUser } }
  | { ok: false; reason: 'wrong-credentials' }
  | { ok: false; reason: 'disabled'; userId: string };

function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    provinceCode: row.province_code,
    districtCode: row.role === 'officer' ? row.district_code : null,
  };
}

/** Checks the password and registers a new device, unless the credentials are wrong or the user is disabled. */
export async function loginAndRegisterDevice(
  sql: SqlClient,
  input: { username: string; password: string; deviceName: string },
): Promise<LoginOutcome> {
  const { rows } = await sql.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN offices o ON o.id = u.office_id WHERE u.username = $1`,
    [input.username.trim().toLowerCase()],
  );
  const row = rows[0];
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (row === undefined || !ok) return { ok: false, reason: 'wrong-credentials' };
  // Said only after the password matched: a guesser learns nothing about the account.
  if (row.disabled_at !== null) return { ok: false, reason: 'disabled', userId: row.id };
  const token = newDeviceToken();
  const deviceId = uuidv7();
  await sql.query('INSERT INTO devices (id, user_id, name, token_hash, last_seen_at) VALUES ($1, $2, $3, $4, now())', [
    deviceId,
    row.id,
    input.deviceName.trim(),
    hashDeviceToken(token),
  ]);
  return { ok: true, session: { token, deviceId, user: sessionUser(row) } };
}

/** The device behind a bearer token, or undefined if unknown, revoked, or its user is disabled. */
export async function authenticateToken(sql: SqlClient, token: string): Promise<AuthenticatedDevice | undefined> {
  const { rows } = await sql.query<UserRow & { device_id: string; device_name: string; synced_scope: string | null; seen_due: boolean }>(
    `SELECT ${USER_COLUMNS}, d.id AS device_id, d.name AS device_name, d.synced_scope,
            (d.last_seen_at IS NULL OR d.last_seen_at < now() - interval '1 minute') AS seen_due
       FROM devices d JOIN users u ON u.id = d.user_id LEFT JOIN offices o ON o.id = u.office_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [hashDeviceToken(token)],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  // Written at most once a minute, and only then a second round trip: a busy device does not write a row
  // (or wait for one more query) on every request.
  if (row.seen_due) {
    await sql.query(
      `UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
      [row.device_id],
    );
  }
  return {
    deviceId: row.device_id,
    deviceName: row.device_name,
    user: sessionUser(row),
    scope: scopeFor(row.role, row.province_code, row.district_code),
    syncedScope: row.synced_scope,
  };
}

export async function revokeDevice(sql: SqlClient, deviceId: string): Promise<boolean> {
  const { rows } = await sql.query('UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [deviceId]);
  return rows.length > 0;
}

export async function listDevices(sql: SqlClient, username?: string): Promise<DeviceListing[]> {
  const { rows } = await sql.query<{ id: string; name: string; username: string; created_at: unknown; last_seen_at: unknown; revoked_at: unknown; wipe_requested_at: unknown; wipe_delivered_at: unknown }>(
    `SELECT d.id, d.name, u.username, d.created_at, d.last_seen_at, d.revoked_at, d.wipe_requested_at, d.wipe_delivered_at
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE $1::text IS NULL OR u.username = $1
      ORDER BY d.created_at`,
    [username?.toLowerCase() ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    username: r.username,
    createdAt: toIso(r.created_at),
    lastSeenAt: toIso(r.last_seen_at),
    revokedAt: toIso(r.revoked_at),
    wipeRequestedAt: toIso(r.wipe_requested_at),
    wipeDeliveredAt: toIso(r.wipe_delivered_at),
  }));
}
