// The wire format of sync protocol v1, shared by the device's sync agent and the central server.
// docs/sync-protocol.md is the prose version of this file; keep the two true to each other.

import { z } from 'zod';
import { AmphoeCode, ProvinceCode, RecordId } from '../domain/common';
import { SYNCED_TABLES, type SyncedTable } from '../domain/synced-tables';
import { STAMP_REGEX } from './hybrid-logical-clock';
import { MutationSchema } from './mutation';
import { isStorableText } from './storable-json';

/** Bumped on any incompatible change of endpoints or bodies. */
export const PROTOCOL_VERSION = 1;
/**
 * Bumped when the synced record schemas (shared/domain) change.
 * 2: news revisions and workflow transitions, PDPA audit entries, member merge/erasure fields,
 *    partner placeCode, event icsUid.
 * 3: event rdates and timeZone, several rules (RRULE/EXRULE lines) in an event's rrule; pulls carry the
 *    server's epoch (a restore from backup starts a new one) and people's personal fields arrive redacted
 *    where the user's role may not see them (issues 15, 18).
 */
export const SCHEMA_VERSION = 3;
/**
 * The oldest client schema the server still accepts; older clients are told to update (426).
 * A client of schema 2 would fail to expand an activity with several rules, knows no epoch (after a restore
 * it would drop data only it holds, or skip changes) and would store redacted values as typed ones, so it
 * must update.
 */
export const MIN_CLIENT_SCHEMA_VERSION = 3;

/** Header names are lower case: HTTP headers are case-insensitive and Node hands them over lower-cased. */
export const PROTOCOL_HEADER = 'x-provincedesk-protocol';
export const SCHEMA_HEADER = 'x-provincedesk-schema';
/** HEAD /v1/blobs/:sha256 answers how many bytes of an unfinished upload the server already holds. */
export const BLOB_RECEIVED_HEADER = 'x-provincedesk-received';

export const MAX_PUSH_MUTATIONS = 500;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;

export const ERROR_CODES = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'update-required',
  'unsupported-version',
  'payload-too-large',
  'rate-limited',
  'clock-ahead',
  'refetch',
  'upload-offset-mismatch',
  'hash-mismatch',
  'range-not-satisfiable',
  'already-resolved',
  'account-disabled',
  'node-in-use',
  /** An administrator wiped this device (wipe-device): delete everything local, keys included. */
  'device-wiped',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every error answer. `message` is Thai, meant for the user; clients switch on `error`. */
export const ErrorBody = z.object({
  error: ErrorCode,
  message: z.string(),
  /** clock-ahead: the server's clock, so the device can reset its HLC and re-stamp. */
  serverTime: z.string().optional(),
  /** upload-offset-mismatch: the length the server holds; resume from there. */
  received: z.number().int().min(0).optional(),
  /** refetch: why the cursor is no longer valid (for logs; the device acts on the epoch it pulls next). */
  reason: z.enum(['restored', 'pruned', 'scope']).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ROLES = ['officer', 'editor', 'coordinator', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Stamp = z.string().regex(STAMP_REGEX, 'invalid HLC stamp');

// ---- auth ----

/** Text the server stores or looks up: no U+0000 or unpaired surrogate, which PostgreSQL refuses. */
const StorableText = z.string().refine(isStorableText, 'ข้อความมีอักขระที่บันทึกไม่ได้');

export const LoginRequest = z.object({
  username: StorableText.trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  deviceName: StorableText.trim().min(1).max(100),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  provinceCode: ProvinceCode.nullable(),
  districtCode: AmphoeCode.nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  /** Bearer token: send as `Authorization: Bearer <token>`. Shown once; the server keeps only its hash. */
  token: z.string(),
  deviceId: z.string(),
  user: SessionUser,
  serverTime: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/**
 * The recovery secret of a device's unlock key (issue 14), kept by the server for the signed-in user: a user who
 * forgot their unlock password signs in to the server again and gets it back. A wipe deletes it.
 */
export const RecoveryKeyId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'invalid key id');
export const UnlockRecoveryStoreRequest = z.object({ keyId: RecoveryKeyId, secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'invalid secret') });
export type UnlockRecoveryStoreRequest = z.infer<typeof UnlockRecoveryStoreRequest>;
export const UnlockRecoveryRequest = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024), keyId: RecoveryKeyId });
export type UnlockRecoveryRequest = z.infer<typeof UnlockRecoveryRequest>;
export const UnlockRecoveryResponse = z.object({ secret: z.string() });
export type UnlockRecoveryResponse = z.infer<typeof UnlockRecoveryResponse>;

// ---- push ----

export const PushRequest = z.object({
  mutations: z.array(MutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const REJECT_REASONS = ['out-of-scope', 'scope-change', 'unknown-field', 'invalid-value', 'not-allowed', 'deleted', 'stamp-collision'] as const;
export const RejectReason = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReason>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: RejectReason, message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull ----

export const PullQuery = z.object({
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  /** The epoch the cursor counts in (from the page that gave the cursor); required with a cursor above 0. */
  epoch: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

/**
 * A record as pulled. Stamps are sent compactly: `stamps` lists the record's distinct stamps and
 * `fieldStamps` maps each field to an index in it. When every field carries `stamps[0]` (a record written
 * in one go, the common case) `fieldStamps` is left out.
 */
export const PulledRecord = z.object({
  table: z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]),
  id: RecordId,
  provinceCode: ProvinceCode,
  districtCode: AmphoeCode.nullable(),
  seq: z.number().int().min(1),
  values: z.record(z.string(), z.unknown()),
  stamps: z.array(Stamp).min(1),
  fieldStamps: z.record(z.string(), z.number().int().min(0)).optional(),
});
export type PulledRecord = z.infer<typeof PulledRecord>;

export const ConflictAuthor = z.object({
  userId: z.string(),
  deviceId: z.string(),
  displayName: z.string(),
});

export const ConflictWrite = z.object({
  value: z.unknown(),
  stamp: Stamp,
  author: ConflictAuthor.nullable(),
});

export const RESOLUTIONS = ['winner', 'loser', 'merged'] as const;
export const Resolution = z.enum(RESOLUTIONS);

export const ConflictWire = z.object({
  id: z.string(),
  table: z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]),
  recordId: RecordId,
  provinceCode: ProvinceCode,
  districtCode: AmphoeCode.nullable(),
  field: z.string(),
  seq: z.number().int().min(1),
  winner: ConflictWrite,
  loser: ConflictWrite,
  createdAt: z.string(),
  resolution: Resolution.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type ConflictWire = z.infer<typeof ConflictWire>;

export const PullResponse = z.object({
  records: z.array(PulledRecord),
  /** Only for coordinators and admins; officers and editors always get []. */
  conflicts: z.array(ConflictWire),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** The server's newest change when this page was read: cursor / lastSeq says how far a long pull has come. */
  lastSeq: z.number().int().min(0),
  /** This server's identity: set once when its database is created, kept by backups and restores. */
  serverId: z.string(),
  /**
   * The history `cursor` counts in: new whenever the database is restored from a backup (the seqs after the
   * backup are handed out again for other changes). Send it back with the cursor.
   */
  epoch: z.string(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- conflicts ----

export const ResolveConflictRequest = z
  .object({ resolution: Resolution, value: z.unknown().optional() })
  .refine((r) => r.resolution !== 'merged' || r.value !== undefined, { message: 'merged needs a value', path: ['value'] });
export type ResolveConflictRequest = z.infer<typeof ResolveConflictRequest>;

export const ResolveConflictResponse = z.object({ conflict: ConflictWire, serverTime: z.string() });
export type ResolveConflictResponse = z.infer<typeof ResolveConflictResponse>;

// ---- people ----

/**
 * POST /v1/people/:id/reveal: the full national ID (null: none on record), for a role allowed to see it;
 * the server writes the audit entry (`auditEntryId`, null when there was nothing to see) and it syncs.
 */
export const RevealResponse = z.object({
  nationalId: z.string().nullable(),
  auditEntryId: z.string().nullable(),
  serverTime: z.string(),
});
export type RevealResponse = z.infer<typeof RevealResponse>;

// ---- blobs ----

export const BlobPutResponse = z.object({
  sha256: z.string(),
  complete: z.boolean(),
  received: z.number().int().min(0),
  size: z.number().int().min(0).nullable(),
});
export type BlobPutResponse = z.infer<typeof BlobPutResponse>;

// ---- info ----

export const SyncInfoResponse = z.object({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  minClientSchemaVersion: z.number().int(),
  maxPushMutations: z.number().int(),
  maxDriftMs: z.number().int(),
  serverTime: z.string(),
});
export type SyncInfoResponse = z.infer<typeof SyncInfoResponse>;

// ---- stamp encoding ----

/** Field → stamp, as both ends keep it, to the compact wire form of PulledRecord. */
export function encodeRecordStamps(stampsByField: Record<string, string>): Pick<PulledRecord, 'stamps' | 'fieldStamps'> {
  const stamps: string[] = [];
  const indexOf = new Map<string, number>();
  const fieldStamps: Record<string, number> = {};
  for (const field of Object.keys(stampsByField)) {
    const stamp = stampsByField[field] as string;
    let index = indexOf.get(stamp);
    if (index === undefined) {
      index = stamps.length;
      stamps.push(stamp);
      indexOf.set(stamp, index);
    }
    setOwn(fieldStamps, field, index);
  }
  if (stamps.length === 1) return { stamps };
  return { stamps, fieldStamps };
}

/** The inverse of encodeRecordStamps; `fields` are the record's fields (the keys of `values`). */
export function decodeRecordStamps(record: Pick<PulledRecord, 'stamps' | 'fieldStamps'>, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const index = record.fieldStamps === undefined ? 0 : Object.hasOwn(record.fieldStamps, field) ? record.fieldStamps[field] : undefined;
    const stamp = index === undefined ? undefined : record.stamps[index];
    if (stamp === undefined) throw new RangeError(`decodeRecordStamps: no stamp for field "${field}"`);
    setOwn(out, field, stamp);
  }
  return out;
}

/**
 * Sets an own property, also for a field named "__proto__" (where plain assignment would set the
 * prototype). defineProperty for every field is what made a 50,000-record pull slow, so only that one.
 */
function setOwn<V>(target: Record<string, V>, field: string, value: V): void {
  if (field === '__proto__') Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
  else target[field] = value;
}
