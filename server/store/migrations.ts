// Versioned migrations, the same SQL for PGlite and PostgreSQL. Append new versions; never edit an
// applied one. Each runs in its own transaction with its row in schema_migrations.

import type { SqlClient } from './sql-client';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE offices (
        id text PRIMARY KEY,
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        district_code text CHECK (district_code ~ '^[0-9]{4}$' AND left(district_code, 2) = province_code),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer', 'editor', 'coordinator', 'admin')),
        office_id text REFERENCES offices (id),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role = 'admin' OR office_id IS NOT NULL)
      );
      CREATE TABLE devices (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz,
        -- the scope ('*', '10' or '10:1001') this device last pulled from cursor 0 with (refetch on change)
        synced_scope text
      );
      CREATE INDEX devices_user ON devices (user_id);
    `,
  },
  {
    version: 2,
    name: 'sync',
    sql: `
      -- One row. last_seq is the global change sequence; writers lock this row (FOR UPDATE), so seqs
      -- commit in order and a reader that saw last_seq = N has seen every change <= N.
      CREATE TABLE sync_state (
        id int PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL,
        min_valid_seq bigint NOT NULL
      );
      INSERT INTO sync_state (id, last_seq, min_valid_seq) VALUES (1, 0, 0);
      CREATE TABLE records (
        table_name text NOT NULL,
        id text NOT NULL,
        province_code text NOT NULL,
        district_code text,
        seq bigint NOT NULL,
        vals jsonb NOT NULL,
        stamps jsonb NOT NULL,
        -- field -> [userId, deviceId] of the write that holds the field, for conflict rows
        authors jsonb NOT NULL,
        PRIMARY KEY (table_name, id)
      );
      CREATE UNIQUE INDEX records_seq ON records (seq);
      CREATE INDEX records_scope_seq ON records (province_code, district_code, seq);
      CREATE INDEX records_attachment_sha ON records ((vals ->> 'sha256')) WHERE table_name = 'attachments';
      CREATE TABLE applied_mutations (
        mutation_id text PRIMARY KEY,
        device_id text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE conflicts (
        id text PRIMARY KEY,
        table_name text NOT NULL,
        record_id text NOT NULL,
        province_code text NOT NULL,
        district_code text,
        field text NOT NULL,
        seq bigint NOT NULL,
        winner_value jsonb NOT NULL,
        winner_stamp text NOT NULL,
        winner_user text,
        winner_device text,
        loser_value jsonb NOT NULL,
        loser_stamp text NOT NULL,
        loser_user text,
        loser_device text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolution text,
        resolved_at timestamptz,
        resolved_by text
      );
      CREATE UNIQUE INDEX conflicts_seq ON conflicts (seq);
      CREATE INDEX conflicts_scope_seq ON conflicts (province_code, district_code, seq);
    `,
  },
  {
    version: 3,
    name: 'blobs',
    sql: `
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY,
        size bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- bytea chunks rather than files: one code path and one backup for PGlite and PostgreSQL.
      CREATE TABLE blob_chunks (
        sha256 text NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
        start_byte bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (sha256, start_byte)
      );
      CREATE TABLE blob_uploaders (
        sha256 text NOT NULL,
        device_id text NOT NULL,
        PRIMARY KEY (sha256, device_id)
      );
      CREATE TABLE blob_uploads (
        sha256 text NOT NULL,
        device_id text NOT NULL,
        total bigint NOT NULL,
        received bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sha256, device_id)
      );
      CREATE TABLE upload_chunks (
        sha256 text NOT NULL,
        device_id text NOT NULL,
        start_byte bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (sha256, device_id, start_byte),
        FOREIGN KEY (sha256, device_id) REFERENCES blob_uploads (sha256, device_id) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 4,
    name: 'pull-index-and-device-mutation-ids',
    sql: `
      -- A province-wide pull reads one province in seq order: without this it sorts the whole province per page.
      CREATE INDEX records_province_seq ON records (province_code, seq);
      -- Mutation ids are unique per device, not globally: another device may use the same local id.
      ALTER TABLE applied_mutations DROP CONSTRAINT applied_mutations_pkey;
      ALTER TABLE applied_mutations ADD PRIMARY KEY (device_id, mutation_id);
    `,
  },
  {
    version: 5,
    name: 'disabled-users',
    sql: `
      -- Set by disable-user, cleared by enable-user: while set, logins are refused and tokens do not work.
      ALTER TABLE users ADD COLUMN disabled_at timestamptz;
    `,
  },
  {
    version: 6,
    name: 'pruned-records',
    sql: `
      -- What prune deleted: the key of each tombstone it dropped, so a late write to one is refused
      -- instead of bringing part of the record back.
      CREATE TABLE pruned_records (
        table_name text NOT NULL,
        id text NOT NULL,
        province_code text NOT NULL,
        district_code text,
        pruned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (table_name, id)
      );
    `,
  },
  {
    version: 7,
    name: 'blob-last-sent',
    sql: `
      -- When a device last sent a blob's bytes, or was told by HEAD that it need not: the record naming a
      -- blob is pushed after it, so prune keeps a blob no live attachment names for --keep-files-days after this.
      ALTER TABLE blobs ADD COLUMN last_sent_at timestamptz NOT NULL DEFAULT now();
      UPDATE blobs SET last_sent_at = created_at;
    `,
  },
  {
    version: 8,
    name: 'rate-limits',
    sql: `
      -- Login attempts per client address and route, shared by every server process (http/sql-rate-limit-store.ts).
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        hits int NOT NULL,
        window_ends timestamptz NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'server-epoch',
    sql: `
      -- server_id: who this database is, set once, kept by backups and restores (a device tells its own
      -- server from another one). epoch: which history the change sequence counts in; mark-restored (or a
      -- pull cursor ahead of last_seq) gives a new one, so devices reconcile instead of trusting their cursor.
      ALTER TABLE sync_state ADD COLUMN server_id text;
      ALTER TABLE sync_state ADD COLUMN epoch text;
      UPDATE sync_state SET server_id = gen_random_uuid()::text, epoch = gen_random_uuid()::text;
      ALTER TABLE sync_state ALTER COLUMN server_id SET NOT NULL;
      ALTER TABLE sync_state ALTER COLUMN epoch SET NOT NULL;
    `,
  },
  {
    // 10 and up: issue 18's server rules (9 is the server epoch of issue 18b).
    version: 10,
    name: 'published-news',
    sql: `
      -- The words of each published news item as they were when it was published, with its photos (attachment
      -- id -> sha256, size, and the user who named the file): the public feed serves these, not the live record.
      CREATE TABLE published_news (
        id text PRIMARY KEY,
        province_code text NOT NULL,
        vals jsonb NOT NULL,
        photos jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX published_news_province ON published_news (province_code);
      -- What is published now is taken as published as it stands.
      INSERT INTO published_news (id, province_code, vals, photos)
      SELECT n.id, n.province_code, n.vals,
             coalesce((SELECT jsonb_object_agg(a.id, jsonb_build_object('sha256', a.vals -> 'sha256', 'width', a.vals -> 'width',
                                                                        'height', a.vals -> 'height', 'namedBy', a.authors -> 'sha256' -> 0))
                         FROM records a
                        WHERE a.table_name = 'attachments'
                          AND n.vals -> 'photos' @> jsonb_build_array(jsonb_build_object('attachmentId', a.id))), '{}'::jsonb)
        FROM records n
       WHERE n.table_name = 'news' AND n.vals ->> 'status' = 'published'
    `,
  },
  {
    version: 11,
    name: 'file-holders',
    sql: `
      -- blob_uploaders now lists the devices that hold a file: that sent its bytes, or were told by HEAD that
      -- they need not while they could read it. An attachment lets devices of its scope read a file only when
      -- the user who named the file in it holds it. The attachments already here are taken as they stand.
      INSERT INTO blob_uploaders (sha256, device_id)
      SELECT DISTINCT r.vals ->> 'sha256', r.authors -> 'sha256' ->> 1
        FROM records r JOIN blobs b ON b.sha256 = r.vals ->> 'sha256'
       WHERE r.table_name = 'attachments' AND r.authors -> 'sha256' ->> 1 IS NOT NULL
      ON CONFLICT DO NOTHING
    `,
  },
  {
    version: 12,
    name: 'device-nodes',
    sql: `
      -- The HLC node each device stamps with, bound by its first push: another user's device pushing stamps of
      -- that node is refused while the owner is signed in, so two devices never issue equal stamps unnoticed.
      CREATE TABLE device_nodes (
        node text PRIMARY KEY,
        device_id text NOT NULL,
        user_id text NOT NULL,
        bound_at timestamptz NOT NULL DEFAULT now()
      )
    `,
  },
  {
    version: 13,
    name: 'device-wipe',
    sql: `
      -- Remote wipe (issue 14): an administrator's wipe-device marks the device; at its next contact it is told
      -- (401 device-wiped) and deletes everything it holds. wipe_delivered_at: when it was told.
      ALTER TABLE devices ADD COLUMN wipe_requested_at timestamptz;
      ALTER TABLE devices ADD COLUMN wipe_delivered_at timestamptz;
      -- What administrators did to devices and when a device learnt of it (revoke, wipe, wipe delivered).
      CREATE TABLE device_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        device_id text NOT NULL,
        username text NOT NULL,
        actor text NOT NULL,
        detail text NOT NULL DEFAULT ''
      );
      CREATE INDEX device_audit_device ON device_audit (device_id);
      -- The escrowed recovery secret of a device's unlock key: a user who forgot their unlock password proves who
      -- they are to this server (user name and password) and gets it back. A wipe deletes the secret (the row
      -- stays, so a wiped device asking for it is told to wipe).
      CREATE TABLE unlock_recovery (
        key_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        device_id text NOT NULL,
        secret text,
        created_at timestamptz NOT NULL DEFAULT now(),
        wiped_at timestamptz
      );
      CREATE INDEX unlock_recovery_device ON unlock_recovery (device_id)
    `,
  },
  {
    version: 14,
    name: 'conflicts-province-seq',
    sql: `
      -- A coordinator's pull reads the province's conflicts after its cursor: without this every pull sorted
      -- the province's conflicts (issue 11), as records_province_seq (v4) saves it for records.
      CREATE INDEX conflicts_province_seq ON conflicts (province_code, seq)
    `,
  },
  {
    version: 15,
    name: 'records-wire-stamps',
    sql: `
      -- A record's stamps as a pull sends them (encodeRecordStamps: "stamps":[…] and, when its fields'
      -- stamps differ, ,"fieldStamps":{…}), written with the record: a pull then builds the page's JSON in
      -- the database, without parsing and encoding every record's stamps again (issue 11).
      ALTER TABLE records ADD COLUMN wire_stamps text;
      -- The same encoding in SQL, for rows written before this column (and by any writer that leaves it out).
      CREATE FUNCTION pd_wire_stamps(stamps jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        WITH fields AS (SELECT key, value #>> '{}' AS stamp, ord FROM jsonb_each(stamps) WITH ORDINALITY AS e(key, value, ord)),
             distinct_stamps AS (SELECT stamp, (row_number() OVER (ORDER BY min(ord))) - 1 AS idx FROM fields GROUP BY stamp)
        SELECT '"stamps":' || coalesce((SELECT json_agg(stamp ORDER BY idx) FROM distinct_stamps)::text, '[]')
               || CASE WHEN (SELECT count(*) FROM distinct_stamps) = 1 THEN ''
                       ELSE ',"fieldStamps":' || coalesce((SELECT json_object_agg(f.key, d.idx ORDER BY f.ord) FROM fields f JOIN distinct_stamps d USING (stamp))::text, '{}') END
      $$;
      UPDATE records SET wire_stamps = pd_wire_stamps(stamps)
    `,
  },
  {
    version: 16,
    name: 'change-sequencer',
    sql: `
      -- Writers (push, resolution, reveal) save records and conflict rows with no seq, under row locks
      -- only; sequence_pending_changes numbers all of them at once under the sync_state lock, in one
      -- statement, so the country's pushes no longer wait for each other's writes and commits (issue 11).
      -- A pull sees a change once it is numbered: last_seq and the seqs commit together, as before.
      ALTER TABLE records ALTER COLUMN seq DROP NOT NULL;
      ALTER TABLE conflicts ALTER COLUMN seq DROP NOT NULL;
      -- The order records were saved in (a push's in its mutations' order): they are numbered in it.
      CREATE SEQUENCE records_write_order;
      ALTER TABLE records ADD COLUMN write_order bigint;
      CREATE INDEX records_unsequenced ON records (write_order) WHERE seq IS NULL;
      CREATE INDEX conflicts_unsequenced ON conflicts (id) WHERE seq IS NULL;
      -- Returns how many changes it numbered. Rows another transaction is writing are skipped: that
      -- writer asks for a run after its own commit. A run with nothing to number takes no lock.
      CREATE FUNCTION sequence_pending_changes(channel text) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        last bigint;
        numbered_records bigint;
        numbered_conflicts bigint;
        record_scopes text[];
        conflict_scopes text[];
        payload text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM records WHERE seq IS NULL) AND NOT EXISTS (SELECT 1 FROM conflicts WHERE seq IS NULL) THEN
          RETURN 0;
        END IF;
        SELECT last_seq INTO last FROM sync_state WHERE id = 1 FOR UPDATE;
        WITH pending AS (SELECT table_name, id, write_order FROM records WHERE seq IS NULL ORDER BY write_order FOR UPDATE SKIP LOCKED),
             numbered AS (SELECT table_name, id, last + row_number() OVER (ORDER BY write_order) AS seq FROM pending),
             done AS (UPDATE records r SET seq = n.seq FROM numbered n WHERE r.table_name = n.table_name AND r.id = n.id
                      RETURNING CASE WHEN r.district_code IS NULL THEN r.province_code ELSE r.province_code || ':' || r.district_code END AS scope)
        SELECT count(*), array_agg(DISTINCT scope) INTO numbered_records, record_scopes FROM done;
        last := last + numbered_records;
        WITH pending AS (SELECT id FROM conflicts WHERE seq IS NULL ORDER BY id FOR UPDATE SKIP LOCKED),
             numbered AS (SELECT id, last + row_number() OVER (ORDER BY id) AS seq FROM pending),
             done AS (UPDATE conflicts c SET seq = n.seq FROM numbered n WHERE c.id = n.id
                      RETURNING CASE WHEN c.district_code IS NULL THEN c.province_code ELSE c.province_code || ':' || c.district_code END AS scope)
        SELECT count(*), array_agg(DISTINCT scope) INTO numbered_conflicts, conflict_scopes FROM done;
        last := last + numbered_conflicts;
        IF numbered_records + numbered_conflicts = 0 THEN
          RETURN 0;
        END IF;
        UPDATE sync_state SET last_seq = last WHERE id = 1;
        -- The poke of change-hub.ts: the changed scopes, or everyone past NOTIFY's payload limit.
        SELECT coalesce(array_to_json(array_agg(DISTINCT s))::text, '[]') INTO payload
          FROM unnest(coalesce(record_scopes, '{}') || coalesce(conflict_scopes, '{}')) AS s;
        IF length(payload) > 7000 THEN
          payload := '"*"';
        END IF;
        PERFORM pg_notify(channel, payload);
        RETURN numbered_records + numbered_conflicts;
      END
      $$
    `,
  },
  {
    version: 17,
    name: 'records-wire-body',
    sql: `
      -- The record as a pull sends it, but for its seq: {"table":…,"id":…,"provinceCode":…,"districtCode":…,
      -- "values":…,"stamps":…[,"fieldStamps":…] — written once with the record, so a page is read, not
      -- written, by the database (issue 11: each record is pulled by every device of its province).
      ALTER TABLE records ADD COLUMN wire_body text;
      UPDATE records SET wire_body = '{"table":' || to_json(table_name)::text || ',"id":' || to_json(id)::text
        || ',"provinceCode":' || to_json(province_code)::text || ',"districtCode":' || coalesce(to_json(district_code)::text, 'null')
        || ',"values":' || vals::text || ',' || coalesce(wire_stamps, pd_wire_stamps(stamps))
    `,
  },
  {
    version: 18,
    name: 'push-in-two-statements',
    sql: `
      -- A push's reads under its locks, and its writes, each in one statement (issue 11): on a loaded server
      -- every round trip to the database waits for the busy event loop and costs a socket write, and a push
      -- made ten of them while holding its record locks.
      -- save_records: records saved with no seq, numbered later in the order saved (change sequencer).
      -- (plpgsql, not sql: its plan is kept for the session, not made again at every call.)
      CREATE FUNCTION save_records(p_rows jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO records (table_name, id, province_code, district_code, seq, write_order, vals, stamps, wire_stamps, wire_body, authors)
        SELECT r.table_name, r.id, r.province_code, r.district_code, NULL, nextval('records_write_order'), r.vals, r.stamps, r.wire_stamps,
               '{"table":' || to_json(r.table_name)::text || ',"id":' || to_json(r.id)::text
                 || ',"provinceCode":' || to_json(r.province_code)::text || ',"districtCode":' || coalesce(to_json(r.district_code)::text, 'null')
                 || ',"values":' || r.vals::text || ',' || coalesce(r.wire_stamps, pd_wire_stamps(r.stamps)),
               r.authors
          FROM ROWS FROM (jsonb_to_recordset(p_rows)
            AS (table_name text, id text, province_code text, district_code text, vals jsonb, stamps jsonb, wire_stamps text, authors jsonb))
            WITH ORDINALITY AS r(table_name, id, province_code, district_code, vals, stamps, wire_stamps, authors, n)
         ORDER BY r.n
        ON CONFLICT (table_name, id) DO UPDATE
          SET seq = NULL, write_order = EXCLUDED.write_order, vals = EXCLUDED.vals, stamps = EXCLUDED.stamps,
              wire_stamps = EXCLUDED.wire_stamps, wire_body = EXCLUDED.wire_body, authors = EXCLUDED.authors;
      END
      $$;
      -- A record writer's locks (lockRecords in record-row.ts and push_read call this one definition): the
      -- shared side of the writers' lock that maintenance takes whole, then each record's, in key order.
      CREATE FUNCTION lock_records(p_keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('provincedesk-writes:' || current_schema()), 0);
        PERFORM count(pg_advisory_xact_lock(hashtext('provincedesk-record:' || current_schema()), key))
           FROM (SELECT DISTINCT hashtext((k ->> 0) || '/' || (k ->> 1)) AS key FROM jsonb_array_elements(p_keys) AS k ORDER BY key) AS keys;
      END
      $$;
      -- The push's locks, in the order the push took them one by one (the device's, the shared side of the
      -- writers' lock, each record's in key order), then what it reads under them: the device's applied ids
      -- among the batch's, the owners of the batch's stamp nodes, the records, and which of them prune forgot
      -- (as json: text put together, cheaper than building jsonb that is only sent).
      CREATE FUNCTION push_read(p_device text, p_keys jsonb, p_mutation_ids jsonb, p_nodes jsonb) RETURNS json LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('provincedesk-push:' || current_schema() || ':' || p_device));
        PERFORM lock_records(p_keys);
        RETURN json_build_object(
          'applied', (SELECT coalesce(json_agg(m.mutation_id), '[]'::json) FROM applied_mutations m
                       WHERE m.device_id = p_device AND m.mutation_id IN (SELECT jsonb_array_elements_text(p_mutation_ids))),
          'owners', (SELECT coalesce(json_agg(json_build_object('node', n.node, 'device_id', n.device_id, 'user_id', n.user_id,
                                                                  'revoked', d.id IS NULL OR d.revoked_at IS NOT NULL, 'name', d.name)), '[]'::json)
                       FROM device_nodes n LEFT JOIN devices d ON d.id = n.device_id
                      WHERE n.node IN (SELECT jsonb_array_elements_text(p_nodes))),
          'records', (SELECT coalesce(json_agg(json_build_object('table_name', r.table_name, 'id', r.id, 'province_code', r.province_code,
                                                                   'district_code', r.district_code, 'vals', r.vals, 'stamps', r.stamps, 'authors', r.authors)), '[]'::json)
                        FROM records r WHERE (r.table_name, r.id) IN (SELECT k ->> 0, k ->> 1 FROM jsonb_array_elements(p_keys) AS k)),
          'pruned', (SELECT coalesce(json_agg(json_build_array(p.table_name, p.id)), '[]'::json) FROM pruned_records p
                      WHERE (p.table_name, p.id) IN (SELECT k ->> 0, k ->> 1 FROM jsonb_array_elements(p_keys) AS k)));
      END
      $$;
      -- The push's writes: its records, its conflict rows (numbered later, as records are), its applied ids.
      CREATE FUNCTION push_write(p_records jsonb, p_conflicts jsonb, p_device text, p_applied jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF jsonb_array_length(p_records) > 0 THEN
          PERFORM save_records(p_records);
        END IF;
        IF jsonb_array_length(p_conflicts) > 0 THEN
          INSERT INTO conflicts (id, table_name, record_id, province_code, district_code, field, seq,
                                 winner_value, winner_stamp, winner_user, winner_device,
                                 loser_value, loser_stamp, loser_user, loser_device)
          SELECT c.id, c.table_name, c.record_id, c.province_code, c.district_code, c.field, NULL,
                 coalesce(c.winner_value, 'null'::jsonb), c.winner_stamp, c.winner_user, c.winner_device,
                 coalesce(c.loser_value, 'null'::jsonb), c.loser_stamp, c.loser_user, c.loser_device
            FROM jsonb_to_recordset(p_conflicts) AS c(id text, table_name text, record_id text, province_code text, district_code text, field text,
                 winner_value jsonb, winner_stamp text, winner_user text, winner_device text, loser_value jsonb, loser_stamp text, loser_user text, loser_device text);
        END IF;
        IF jsonb_array_length(p_applied) > 0 THEN
          INSERT INTO applied_mutations (device_id, mutation_id) SELECT p_device, m FROM jsonb_array_elements_text(p_applied) AS m;
        END IF;
      END
      $$
    `,
  },
  {
    version: 19,
    name: 'withheld-body',
    sql: `
      -- A person as a viewer who may see no personal data receives it (an editor: the ID masked, the contacts
      -- withheld; shared/roster/personal-data-redaction.ts), kept with the record like wire_body (issue 11): an
      -- editor's first pull of a province no longer has the database write out, and the server patch, every
      -- person again. Computed by the writer (record-row.ts, recordRowsJson), null for other tables and for rows
      -- written before this migration (the pull then withholds as before). A change of that policy must
      -- rewrite this column.
      ALTER TABLE records ADD COLUMN withheld_body text;
      CREATE OR REPLACE FUNCTION save_records(p_rows jsonb) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO records (table_name, id, province_code, district_code, seq, write_order, vals, stamps, wire_stamps, wire_body, withheld_body, authors)
        SELECT r.table_name, r.id, r.province_code, r.district_code, NULL, nextval('records_write_order'), r.vals, r.stamps, r.wire_stamps,
               r.head || r.vals::text || r.tail,
               CASE WHEN r.withheld_vals IS NOT NULL THEN r.head || r.withheld_vals::text || r.tail END,
               r.authors
          FROM (SELECT r.*,
                       '{"table":' || to_json(r.table_name)::text || ',"id":' || to_json(r.id)::text
                         || ',"provinceCode":' || to_json(r.province_code)::text || ',"districtCode":' || coalesce(to_json(r.district_code)::text, 'null')
                         || ',"values":' AS head,
                       ',' || coalesce(r.wire_stamps, pd_wire_stamps(r.stamps)) AS tail
                  FROM ROWS FROM (jsonb_to_recordset(p_rows)
                    AS (table_name text, id text, province_code text, district_code text, vals jsonb, withheld_vals jsonb, stamps jsonb, wire_stamps text, authors jsonb))
                    WITH ORDINALITY AS r(table_name, id, province_code, district_code, vals, withheld_vals, stamps, wire_stamps, authors, n)) AS r
         ORDER BY r.n
        ON CONFLICT (table_name, id) DO UPDATE
          SET seq = NULL, write_order = EXCLUDED.write_order, vals = EXCLUDED.vals, stamps = EXCLUDED.stamps,
              wire_stamps = EXCLUDED.wire_stamps, wire_body = EXCLUDED.wire_body, withheld_body = EXCLUDED.withheld_body, authors = EXCLUDED.authors;
      END
      $$;
    `,
  },
];

/** Applies the missing migrations; safe when several server processes start at once on one database. */
export async function migrate(sql: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return sql.transaction(async (tx) => {
    // Serialises concurrent starters; the key is per schema so parallel test schemas do not wait on each other.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('provincedesk-migrate:' || current_schema()))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/**
 * Extended-protocol queries take one statement each. A statement ends with ';' at the end of a line,
 * outside a $$-quoted function body; our migrations have no such ';' inside literals.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  sql.split('$$').forEach((part, i) => {
    if (i % 2 === 1) {
      current += `$$${part}$$`;
      return;
    }
    const pieces = part.split(/;\s*(?:\n|$)/);
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  });
  statements.push(current);
  return statements.map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
}
