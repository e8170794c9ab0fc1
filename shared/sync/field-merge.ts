// Per-field last-writer-wins merge of synced records (DESIGN.md, "Sync protocol (v1)").
//
// Every synced field carries the HLC stamp of its last write; per field the later stamp wins, and since
// a stamp ends with the writer's node id, equal stamps can only be the same write replayed. That makes
// merging a join: commutative, associative and idempotent, so replicas converge whatever order and
// however often they receive writes. A delete is the field `deleted` with its own stamp (a tombstone),
// so it wins or loses like any other field.
//
// LWW alone would silently drop the loser of two concurrent edits. Like CouchDB, the winner is chosen
// deterministically but the loser is kept: `detectConflicts` gives the server the conflict records.

import { canonicalJson } from './canonical-json';
import { compareStamps, InvalidStampError, isStamp, parseStamp } from './hybrid-logical-clock';

export interface StampedRecord {
  values: Record<string, unknown>;
  stamps: Record<string, string>;
}

export type FieldWrite = { value: unknown; stamp: string };

/** `prev`: the stamp of the value the writer saw when it wrote; null if the field was new to it. */
export type FieldChange = FieldWrite & { prev: string | null };

export type AuthoredWrite = FieldWrite & { node: string };

export interface FieldConflict {
  field: string;
  winner: AuthoredWrite;
  loser: AuthoredWrite;
}

export interface ApplyFieldWritesResult {
  record: StampedRecord;
  /** Fields whose write won, or was already there (same stamp: a replay). */
  accepted: string[];
  /** Fields whose write lost to a later stamp. */
  rejected: string[];
}

export interface MergeRemoteResult {
  record: StampedRecord;
  /** Fields that took the remote write, so a UI showing them should refresh. */
  changed: string[];
  /** Pending local edits a later remote write replaced; the push will land them as conflicts on the server. */
  overriddenPending: string[];
}

// Field names come from the network: read and write own properties only, so that a field called
// `constructor` or `__proto__` is a field and not Object.prototype.
function own<T>(record: Record<string, T>, field: string): T | undefined {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

function setOwn(record: Record<string, unknown>, field: string, value: unknown): void {
  Object.defineProperty(record, field, { value, enumerable: true, writable: true, configurable: true });
}

type Outcome = 'applied' | 'same' | 'rejected';

function mergeWrites(
  current: StampedRecord | undefined,
  writes: Record<string, FieldWrite>,
): { record: StampedRecord; outcomes: Array<[string, Outcome]> } {
  // Shallow copies: the input is never mutated; field values themselves are treated as immutable.
  const record: StampedRecord = { values: { ...current?.values }, stamps: { ...current?.stamps } };
  const outcomes: Array<[string, Outcome]> = [];
  for (const field of Object.keys(writes)) {
    const write = own(writes, field);
    if (write === undefined) continue;
    // A malformed stamp such as "zzz" would sort after every real stamp and win forever.
    if (!isStamp(write.stamp)) throw new InvalidStampError(write.stamp, `in the write of field "${field}"`);
    const currentStamp = own(record.stamps, field);
    const order = currentStamp === undefined ? 1 : compareStamps(write.stamp, currentStamp);
    if (order > 0) {
      setOwn(record.values, field, write.value);
      setOwn(record.stamps, field, write.stamp);
      outcomes.push([field, 'applied']);
    } else {
      outcomes.push([field, order === 0 ? 'same' : 'rejected']);
    }
  }
  return { record, outcomes };
}

/** Applies writes field by field, the later stamp winning. Pure: returns a new record. */
export function applyFieldWrites(
  current: StampedRecord | undefined,
  writes: Record<string, FieldWrite>,
): ApplyFieldWritesResult {
  const { record, outcomes } = mergeWrites(current, writes);
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const [field, outcome] of outcomes) (outcome === 'rejected' ? rejected : accepted).push(field);
  return { record, accepted, rejected };
}

/**
 * True when the field holds a value the writer had not seen: two people wrote it without seeing each
 * other's value, whichever of the two stamps is later.
 *
 * - nothing there yet: nothing is overwritten;
 * - current is the change itself (a replayed push): not a conflict with itself;
 * - prev null while a value exists: the writer never saw it;
 * - current === prev: a sequential edit;
 * - current older than prev: the writer's replica already held a later value, which by LWW had
 *   superseded current; only current newer than prev is unseen.
 */
export function isConcurrentOverwrite(currentStamp: string | undefined, change: FieldChange): boolean {
  if (currentStamp === undefined) return false;
  if (currentStamp === change.stamp) return false;
  if (change.prev === null) return true;
  return compareStamps(currentStamp, change.prev) > 0;
}

/**
 * The conflicts a batch of changes would create on `current`: concurrent writes whose values differ
 * (canonical JSON, so key order does not matter). The winner is the later stamp, as `applyFieldWrites`
 * decides; the loser is what the server keeps so nothing a user typed is lost.
 */
export function detectConflicts(
  current: StampedRecord | undefined,
  changes: Record<string, FieldChange>,
): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  if (current === undefined) return conflicts;
  for (const field of Object.keys(changes)) {
    const change = own(changes, field);
    if (change === undefined) continue;
    const currentStamp = own(current.stamps, field);
    if (currentStamp === undefined || !isConcurrentOverwrite(currentStamp, change)) continue;
    const currentValue = own(current.values, field);
    if (canonicalJson(currentValue) === canonicalJson(change.value)) continue;

    const existing: AuthoredWrite = { value: currentValue, stamp: currentStamp, node: parseStamp(currentStamp).node };
    const incoming: AuthoredWrite = { value: change.value, stamp: change.stamp, node: parseStamp(change.stamp).node };
    const incomingWins = compareStamps(change.stamp, currentStamp) > 0;
    conflicts.push({
      field,
      winner: incomingWins ? incoming : existing,
      loser: incomingWins ? existing : incoming,
    });
  }
  return conflicts;
}

/**
 * The device's pull side: remote writes merged into the local record by the same LWW rule. Pending local
 * edits get no special treatment: they keep their stamps and win only if later, so device and server
 * agree on the winner. A pending edit that loses is still pushed, and the server keeps it as a conflict.
 */
export function mergeRemoteIntoLocal(
  local: StampedRecord | undefined,
  remoteWrites: Record<string, FieldWrite>,
  pendingLocalFields: Set<string>,
): MergeRemoteResult {
  const { record, outcomes } = mergeWrites(local, remoteWrites);
  const changed: string[] = [];
  const overriddenPending: string[] = [];
  for (const [field, outcome] of outcomes) {
    if (outcome !== 'applied') continue;
    changed.push(field);
    if (pendingLocalFields.has(field)) overriddenPending.push(field);
  }
  return { record, changed, overriddenPending };
}
