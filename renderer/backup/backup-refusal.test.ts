import './test-support/node-file-api';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../db/schema-versions';
import { createTestDatabase } from '../db/test-database';
import { BackupError, type BackupErrorCode } from './backup-error';
import { exportBackup } from './backup-export';
import { encodeBackupFile, sha256Hex, splitBackupFile, type BackupHeader } from './backup-format';
import { inspectBackup, schemaVersionsUpTo } from './backup-inspect';
import { restoreBackup } from './backup-restore';
import { fakeDatabaseFactory, seededDeskData, snapshotOf } from './test-support/backup-fixtures';

async function codeOf(promise: Promise<unknown>): Promise<BackupErrorCode> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return (error as BackupError).code;
}

/** A file whose header was rewritten (and whose body hash still matches, unless the body changed). */
async function rewritten(file: Uint8Array, change: (header: BackupHeader, body: string) => { header: BackupHeader; body: string }): Promise<Uint8Array> {
  const split = await splitBackupFile(file);
  const next = change({ ...split.header }, new TextDecoder().decode(split.body));
  const body = new TextEncoder().encode(next.body);
  return encodeBackupFile({ ...next.header, bodyBytes: body.byteLength, bodySha256: await sha256Hex(body) }, body);
}

describe('a bad backup is refused and the current data stays as it was', () => {
  it('refuses truncated, altered, foreign and newer files before touching anything', async () => {
    const source = await seededDeskData();
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    const live = await seededDeskData('ข้อมูลปัจจุบัน');
    const before = await snapshotOf(live.db);

    const flipped = file.slice();
    flipped[flipped.length - 10] = flipped.at(-10)! ^ 0x01;
    const plainDexieExport = file.subarray(file.indexOf(0x0a) + 1);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const cases: [string, Uint8Array, BackupErrorCode][] = [
      ['truncated', file.subarray(0, file.byteLength - 200), 'damaged'],
      ['only the header', file.subarray(0, file.indexOf(0x0a) + 1), 'damaged'],
      ['one bit flipped', flipped, 'damaged'],
      ['empty', new Uint8Array(), 'foreign'],
      ['a PNG', png, 'foreign'],
      ['a plain Dexie export', plainDexieExport, 'foreign'],
      ['another JSON file', new TextEncoder().encode('{"format":"someone-else","formatVersion":1}\n{}'), 'foreign'],
      ['a newer format', await rewritten(file, (h, b) => ({ header: { ...h, formatVersion: 2 }, body: b })), 'newer-format'],
      [
        'a newer schema',
        await rewritten(file, (h, b) => ({ header: { ...h, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, body: b.replace(`"databaseVersion":${CURRENT_SCHEMA_VERSION}`, `"databaseVersion":${CURRENT_SCHEMA_VERSION + 1}`) })),
        'newer-schema',
      ],
      ['a schema this app never had', await rewritten(file, (h, b) => ({ header: { ...h, schemaVersion: 3 }, body: b })), 'unknown-schema'],
      ['header counts that lie', await rewritten(file, (h, b) => ({ header: { ...h, counts: { ...h.counts, news: 5 } }, body: b })), 'counts-mismatch'],
      ['body counts that lie', await rewritten(file, (h, b) => ({ header: h, body: b.replace('"name":"blobs","schema":"sha256","rowCount":2', '"name":"blobs","schema":"sha256","rowCount":1') })), 'counts-mismatch'],
      ['a body that is not an export', await rewritten(file, (h) => ({ header: h, body: '[1,2,3]' })), 'damaged'],
    ];
    for (const [name, bytes, expected] of cases) {
      expect(await codeOf(inspectBackup(bytes)), name).toBe(expected);
    }
    expect(await snapshotOf(live.db)).toEqual(before);
  });

  it('leaves the data untouched when the import fails midway through the file', async () => {
    const source = await seededDeskData();
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    // Same id twice in the attachments table (after news has been imported): the copy's bulkAdd fails.
    const duplicated = await rewritten(file, (h, b) => {
      const split = JSON.parse(b) as { data: { data: { tableName: string; rows: unknown[] }[]; tables: { name: string; rowCount: number }[] } };
      const attachments = split.data.data.find((t) => t.tableName === 'attachments')!;
      attachments.rows.push(attachments.rows[0]);
      split.data.tables.find((t) => t.name === 'attachments')!.rowCount += 1;
      return { header: { ...h, counts: { ...h.counts, attachments: (h.counts.attachments ?? 0) + 1 } }, body: JSON.stringify(split) };
    });
    const live = await seededDeskData('ข้อมูลปัจจุบัน');
    const before = await snapshotOf(live.db);
    const inspected = await inspectBackup(duplicated);
    expect(await codeOf(restoreBackup(live.db, inspected, { createDatabase: fakeDatabaseFactory, chunkSizeBytes: 512 }))).toBe('import-failed');
    expect(await snapshotOf(live.db)).toEqual(before);
  });

  it('leaves the data untouched when writing the live tables fails after some were already replaced', async () => {
    const source = await seededDeskData('ข่าวจากไฟล์สำรอง');
    const { file } = await exportBackup(source.db, { appVersion: '0.1.0' });
    const live = await seededDeskData('ข้อมูลปัจจุบัน');
    const before = await snapshotOf(live.db);
    // A real write error late in the one transaction: news, events, … are already cleared and refilled.
    let newsWritten = false;
    live.db.news.hook('creating', () => {
      newsWritten = true;
    });
    live.db.blobs.hook('creating', () => {
      throw new Error('disk full');
    });
    expect(await codeOf(restoreBackup(live.db, await inspectBackup(file), { createDatabase: fakeDatabaseFactory }))).toBe('import-failed');
    expect(newsWritten).toBe(true);
    expect(await snapshotOf(live.db)).toEqual(before);
  });

  it('upgrades a backup taken with an older schema while restoring it', async () => {
    const old = createTestDatabase(schemaVersionsUpTo(4));
    await old.open();
    await old.table('events').put({ id: 'e1', start: '2022-08-24', end: '2022-08-25', type: 'seminar', districtCode: null, title: 'สัมมนา', _stamps: {} });
    const { header, file } = await exportBackup(old, { appVersion: '0.0.9' });
    expect(header.schemaVersion).toBe(4);
    const live = createTestDatabase();
    await live.open();
    await restoreBackup(live, await inspectBackup(file), { createDatabase: fakeDatabaseFactory });
    // v5's upgrade gave the activity its icsUid.
    expect(await live.events.get('e1')).toMatchObject({ id: 'e1', title: 'สัมมนา', icsUid: null });
  });
});
