import type { PullResponse } from '../../shared/sync/protocol';
import { APPEND_ONLY_TABLES } from '../../shared/domain/synced-tables';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { readableSql, syncedViewKey } from '../accounts/scope';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/open-store';
import { toNumber } from '../store/sql-client';
import { lockAllRecordWrites, wireBodySql } from './record-row';
import { CONFLICT_SELECT, conflictToWire, type ConflictDbRow } from './conflict-rows';
import { readSyncState, startEpochAfterUnmarkedRestore } from './server-epoch';
import { REDACTABLE_FIELDS } from '../../shared/domain/redacted-value';
import { redactPersonForViewer } from '../../shared/roster/personal-data-redaction';
import { canExportFullIds, seesNoPersonalData, type Viewer } from '../../shared/roster/reveal-policy';

function refetch(reason: 'restored' | 'pruned' | 'scope'): ApiError {
  return new ApiError(409, 'refetch', undefined, { reason });
}

/**
 * A pulled row: `json` is the record as the page sends it, built by the database from the stored JSONB
 * text and the stored wire stamps. For a person whose data this viewer may not see in full it is null, and
 * the database sends the same JSON in two pieces around the fields that may be withheld (`head` ends inside
 * the values, `tail` closes them) with those fields apart (`personal`: their JSON members as stored, only
 * those present): the policy decides on them here without parsing or writing again the rest of the person.
 */
interface PulledDbRow {
  seq: unknown;
  /**
   * UTF-8 bytes (bytea) from PostgreSQL: the driver hands them over as they are, never decoded to a string and
   * encoded again. Text from PGlite, which would decode bytea in JavaScript, slower than the text itself.
   */
  json: Uint8Array | string | null;
  head: Uint8Array | string | null;
  personal: string | null;
  tail: Uint8Array | string | null;
  district_code: string | null;
  tambon_code: string | null;
}

/** The fields redactPersonForViewer may withhold. */
const PERSONAL_FIELDS = REDACTABLE_FIELDS.members ?? [];

/** The stored JSON members of the personal fields a person has, comma-separated ('' when none). */
const PERSONAL_SQL = `concat_ws(',', ${PERSONAL_FIELDS.map((f) => `CASE WHEN r.vals ? '${f}' THEN '"${f}":' || (r.vals -> '${f}')::text END`).join(', ')})`;

/** The record's JSON up to the end of its values but for the personal fields, the closing brace left off. */
const WITHHELD_HEAD_SQL = `'{"table":' || to_json(r.table_name)::text || ',"id":' || to_json(r.id)::text
    || ',"provinceCode":' || to_json(r.province_code)::text || ',"districtCode":' || coalesce(to_json(r.district_code)::text, 'null')
    || ',"values":' || left((r.vals - '{${PERSONAL_FIELDS.join(',')}}'::text[])::text, -1)`;

/**
 * A page as pullChanges answers it: the records already as JSON, UTF-8 (an array's items, comma-separated), in
 * pieces the response puts together once.
 */
export type PullPage = Omit<PullResponse, 'serverTime' | 'records'> & { recordsJson: Uint8Array[] };

/**
 * One record of a page as JSON: its wire body, kept with it (migration 17), and its seq — as UTF-8 bytes. As
 * text, the driver would decode each record's Thai to a JS string, the page would join 2,000 of them and the
 * response encode them to UTF-8 again: most of a full pull's time in the server (issue 11).
 */
const RECORD_JSON_SQL = `coalesce(r.wire_body, ${wireBodySql('r')}) || ',"seq":' || r.seq::text || '}'`;

/** `text` as the page query returns it: UTF-8 bytes from PostgreSQL, text from PGlite (see PulledDbRow). */
function asPageBytes(bytes: boolean, text: string): string {
  return bytes ? `convert_to(${text}, 'UTF8')` : text;
}

/**
 * The page's records as JSON, UTF-8. The database reads each record's JSON as it was written with the record
 * (only its seq added): parsing 2,000 records to objects and serialising them again was most of the server's
 * work for a pull (issue 11). Only the personal fields of a person this viewer may see in part are decided
 * here (PDPA, reveal-policy.ts): coordinators and admins see everyone's, a viewer who sees none gets the kept form.
 */
function pageRecordsJson(rows: readonly PulledDbRow[], viewer: Viewer): Uint8Array[] {
  const parts: Array<Uint8Array | string> = [];
  rows.forEach((row, i) => {
    if (i > 0) parts.push(',');
    if (row.json !== null) parts.push(row.json);
    else parts.push(...personJsonForViewer(row, viewer));
  });
  // Text (PGlite) is joined and encoded once; bytes (PostgreSQL) are only put together.
  if (parts.every((part) => typeof part === 'string')) return [Buffer.from(parts.join(''))];
  return parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
}

/** A person's record as `viewer` may receive it, as UTF-8 pieces, from those the database sent (see PulledDbRow). */
function personJsonForViewer(row: PulledDbRow, viewer: Viewer): Array<Uint8Array | string> {
  const personal = JSON.parse(`{${row.personal ?? ''}}`) as Record<string, unknown>;
  const shown = redactPersonForViewer({ ...personal, tambonCode: row.tambon_code ?? '' }, row.district_code, viewer);
  const members = Object.keys(personal).map((field) => `${JSON.stringify(field)}:${JSON.stringify(shown[field])}`);
  const head = row.head ?? '';
  // The head ends inside the values object: after its opening brace when the person has no other value.
  const last = typeof head === 'string' ? head.at(-1) : String.fromCharCode(head[head.length - 1] ?? 0);
  const joint = members.length === 0 || last === '{' ? '' : ',';
  return [head, joint + members.join(','), row.tail ?? ''];
}

/**
 * Changes after `cursor` within the device's scope, in seq order. The high-water mark is read first:
 * writers lock sync_state, so every change with seq <= last_seq is already visible to the queries after it.
 */
export async function pullChanges(
  store: Store,
  device: AuthenticatedDevice,
  query: { cursor: number; limit: number; epoch?: string },
  log?: { warn(message: string): void },
): Promise<PullPage> {
  const { sql } = store;
  const { lastSeq, minValidSeq, serverId, epoch } = await readSyncState(sql);
  const key = syncedViewKey(device.scope, device.user.role);

  if (query.cursor > 0) {
    // A cursor counts in one history: from another epoch (the database was restored since) it means nothing.
    if (query.epoch !== epoch) throw refetch('restored');
    // Ahead of the server in this epoch: restored from an older backup without mark-restored. Every
    // device's cursor is suspect then, not only this one's: a new epoch makes them all reconcile.
    if (query.cursor > lastSeq) {
      if (await startEpochAfterUnmarkedRestore(sql, epoch)) {
        log?.warn(`device ${device.deviceId} pulled with cursor ${query.cursor} > last seq ${lastSeq}: the database was restored without mark-restored; started a new epoch`);
      }
      throw refetch('restored');
    }
    if (query.cursor < minValidSeq) throw refetch('pruned');
    if (device.syncedScope !== key) throw refetch('scope');
  } else if (device.syncedScope !== key) {
    await sql.query('UPDATE devices SET synced_scope = $2 WHERE id = $1', [device.deviceId, key]);
  }

  await store.statistics.refreshIfStale();
  const viewer: Viewer = { role: device.user.role, districtCode: device.user.districtCode };
  // A device catching up (a first pull, or the page after a full one) takes the catch-up lane.
  const build = () => buildPage(store, device, query, lastSeq, viewer);
  const { recordsJson, conflicts, cursor, hasMore } = store.catchUp.isCatchingUp(device.deviceId, query.cursor) ? await store.catchUp.run(build) : await build();
  store.catchUp.noteAnswered(device.deviceId, cursor, hasMore);
  return { recordsJson, conflicts, cursor, hasMore, lastSeq, serverId, epoch };
}

async function buildPage(
  store: Store,
  device: AuthenticatedDevice,
  query: { cursor: number; limit: number },
  lastSeq: number,
  viewer: Viewer,
): Promise<Pick<PullPage, 'recordsJson' | 'conflicts' | 'cursor' | 'hasMore'>> {
  const { sql } = store;
  const bytes = sql.kind === 'postgres';
  // Personal data by role (PDPA): what the user may not see never reaches the device. The stamps stay.
  const redact = !canExportFullIds(viewer);
  const scope = readableSql(device.scope, 'r', 6);
  // A person is sent whole, or as kept for viewers who see no personal data (withheld_body, migration 19), or
  // in pieces around its personal fields for the policy to decide here (an officer's, or a row written before).
  const { rows } = await sql.query<PulledDbRow>(
    `SELECT r.seq,
            CASE WHEN NOT r.redacted THEN ${asPageBytes(bytes, RECORD_JSON_SQL)}
                 WHEN NOT r.pieces THEN ${asPageBytes(bytes, `r.withheld_body || ',"seq":' || r.seq::text || '}'`)} END AS json,
            CASE WHEN r.pieces THEN ${asPageBytes(bytes, WITHHELD_HEAD_SQL)} END AS head,
            CASE WHEN r.pieces THEN ${PERSONAL_SQL} END AS personal,
            CASE WHEN r.pieces THEN ${asPageBytes(bytes, `'},' || coalesce(r.wire_stamps, pd_wire_stamps(r.stamps)) || ',"seq":' || r.seq::text || '}'`)} END AS tail,
            CASE WHEN r.pieces THEN r.district_code END AS district_code, CASE WHEN r.pieces THEN r.vals ->> 'tambonCode' END AS tambon_code
       FROM (SELECT r.*, r.redacted AND NOT ($5::boolean AND r.withheld_body IS NOT NULL) AS pieces
               FROM (SELECT r.*, $4::boolean AND r.table_name = 'members' AS redacted
                       FROM records r
                      WHERE r.seq > $1 AND r.seq <= $2 AND ${scope.sql}
                      ORDER BY r.seq
                      LIMIT $3) r) r
      ORDER BY r.seq`,
    [query.cursor, lastSeq, query.limit + 1, redact, seesNoPersonalData(viewer), ...scope.params],
  );
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const cursor = hasMore ? toNumber(page[page.length - 1]?.seq) : Math.max(lastSeq, query.cursor);
  const recordsJson = pageRecordsJson(page, viewer);

  let conflicts: PullResponse['conflicts'] = [];
  if (device.user.role === 'coordinator' || device.user.role === 'admin') {
    const conflictScope = readableSql(device.scope, 'c', 3);
    const result = await sql.query<ConflictDbRow>(
      `${CONFLICT_SELECT} WHERE c.seq > $1 AND c.seq <= $2 AND ${conflictScope.sql} ORDER BY c.seq`,
      [query.cursor, cursor, ...conflictScope.params],
    );
    conflicts = result.rows.map(conflictToWire);
  }
  return { recordsJson, conflicts, cursor, hasMore };
}

/** Raises min_valid_seq and drops what it makes unreachable: old tombstones and resolved conflicts. */
export async function pruneHistory(store: Store, upToSeq?: number): Promise<{ minValidSeq: number; records: number; conflicts: number }> {
  return store.sql.transaction(async (tx) => {
    // No writer between the read of a record and its save (a push that read a tombstone would bring it back).
    await lockAllRecordWrites(tx);
    const state = (await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE')).rows[0];
    const target = Math.min(upToSeq ?? toNumber(state?.last_seq), toNumber(state?.last_seq));
    // The keys stay behind (pruned_records): a late write to a pruned record is refused, not revived.
    // History (revisions, workflow steps, audit entries) is never pruned, even marked deleted.
    const records = await tx.query(
      `WITH gone AS (DELETE FROM records WHERE seq <= $1 AND vals ->> 'deleted' = 'true' AND NOT (table_name = ANY($2::text[]))
                     RETURNING table_name, id, province_code, district_code)
       INSERT INTO pruned_records (table_name, id, province_code, district_code) SELECT table_name, id, province_code, district_code FROM gone
       ON CONFLICT (table_name, id) DO NOTHING RETURNING id`,
      [target, Object.keys(APPEND_ONLY_TABLES)],
    );
    const conflicts = await tx.query('DELETE FROM conflicts WHERE seq <= $1 AND resolution IS NOT NULL RETURNING id', [target]);
    await tx.query('UPDATE sync_state SET min_valid_seq = GREATEST(min_valid_seq, $1) WHERE id = 1', [target]);
    return { minValidSeq: target, records: records.rows.length, conflicts: conflicts.rows.length };
  });
}
