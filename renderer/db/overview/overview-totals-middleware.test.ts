// The overview totals are kept by a middleware inside every write's transaction. Whatever the writes
// (the record writer, a pull's storeMerged, bulk imports, hard deletes, a cleared table), the totals
// must equal a count from scratch of the records; a write that changes no fact writes no totals; and
// a write touches only the partition of its amphoe.
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordOf, SyncedTable } from '../../../shared/domain/synced-tables';
import { formatStamp } from '../../../shared/sync/hybrid-logical-clock';
import { openDeskData, type DeskData } from '../desk-data';
import { SCHEMA_VERSIONS } from '../schema-versions';
import { createTestDatabase } from '../test-database';
import { TRACKED_TABLES, type TotalsRow } from './overview-facts';
import { countOverviewTotals } from './overview-totals-rebuild';
import { attendanceRecord, centreRecord, eventRecord, memberRecord, newsRecord } from './test-support/overview-records';

const REMOTE_NODE = 'abcdef0123456789';
let remoteMillis = Date.UTC(2026, 0, 1);

/** A record as a pull stores it: every field stamped by another device. */
function pulled<T extends SyncedTable>(record: RecordOf<T>): RecordOf<T> & { _stamps: Record<string, string> } {
  const stamp = formatStamp({ millis: remoteMillis++, counter: 0, node: REMOTE_NODE });
  return { ...record, _stamps: Object.fromEntries(Object.keys(record).map((f) => [f, stamp])) };
}

async function storePulled<T extends SyncedTable>(data: DeskData, table: T, records: RecordOf<T>[]): Promise<void> {
  await data.db.transaction('rw', data.db.table(table), () => data.writer.storeMerged(table, records.map((r) => pulled<T>(r))));
}

const withoutRevision = (rows: Iterable<TotalsRow>) =>
  Object.fromEntries([...rows].filter((r) => Object.keys(r.counts).length > 0).map((r) => [r.key, r.counts]));

async function expectTotalsMatchRecords(data: DeskData): Promise<void> {
  const kept = await data.db.overviewTotals.toArray();
  const counted = await data.db.transaction('r', TRACKED_TABLES.map((t) => data.db.table(t)), () => countOverviewTotals((name) => data.db.table(name)));
  expect(withoutRevision(kept)).toEqual(withoutRevision(counted.values()));
}

describe('overview totals middleware', () => {
  it('counts records written every way there is, and equals a count from scratch', async () => {
    const data = await openDeskData(createTestDatabase());
    const centre = centreRecord({ tambonCode: '570101' });
    await data.writer.create('centres', centre);
    await data.writer.createMany('members', [memberRecord({ tambonCode: '570101', centreId: centre.id, role: 'ประธาน' }), memberRecord({ tambonCode: '570102' })]);
    const event = eventRecord({ start: new Date(2023, 2, 5, 9).toISOString(), expected: [{ group: 'ผู้นำชุมชน', count: 40 }], actual: [{ group: 'ผู้นำชุมชน', count: 35 }], districtCode: '5701' });
    await data.writer.create('events', event);
    await data.writer.create('events', eventRecord({ start: new Date(2023, 0, 2, 9).toISOString(), rrule: 'FREQ=WEEKLY;BYDAY=MO' }));
    await data.writer.create('news', newsRecord({ status: 'published', publishedAt: '2023-03-06T03:00:00.000Z', eventId: event.id }));
    await storePulled(data, 'members', Array.from({ length: 30 }, (_, i) => memberRecord({ tambonCode: i % 2 ? '570101' : '570801', termEnd: i % 3 ? '2027-03-31' : null })));
    await storePulled(data, 'attendance', [attendanceRecord({ eventId: event.id }), attendanceRecord({ eventId: event.id, group: 'สื่อมวลชน' })]);
    await expectTotalsMatchRecords(data);

    const counts = (await data.db.overviewTotals.get('events\u001f57\u001f5701'))!.counts;
    expect(counts).toEqual({ [`o\u001f2023-03\u001ftraining\u001f${event.id}`]: 1, 'x\u001f2023-03\u001fผู้นำชุมชน': 40, 'a\u001f2023-03\u001fผู้นำชุมชน': 35 });

    // A move to another month, a tombstone, a hard delete of pulled rows, a cleared table.
    await data.writer.update('events', event.id, { start: new Date(2023, 3, 1, 9).toISOString(), end: new Date(2023, 3, 1, 12).toISOString() });
    await data.writer.remove('centres', centre.id);
    const some = (await data.db.members.limit(10).primaryKeys()) as string[];
    await data.db.members.bulkDelete(some);
    await data.db.attendance.clear();
    await expectTotalsMatchRecords(data);
    expect(await data.db.overviewTotals.where('key').startsWith('attendance').count()).toBe(0);
  });

  it('writes nothing for a change that moves no count, and only the amphoe’s row for one that does', async () => {
    const data = await openDeskData(createTestDatabase());
    const mueang = memberRecord({ tambonCode: '570101' });
    await data.writer.create('members', mueang);
    await data.writer.create('members', memberRecord({ tambonCode: '570801' }));
    const revisions = async () => Object.fromEntries((await data.db.overviewTotals.toArray()).map((r) => [r.key, r.revision]));
    const before = await revisions();

    await data.writer.update('members', mueang.id, { phone: '0812345678', firstName: 'สมศักดิ์' });
    expect(await revisions()).toEqual(before);

    await data.writer.update('members', mueang.id, { termEnd: '2026-12-31' });
    const after = await revisions();
    expect(after['members\u001f57\u001f5701']).toBe(before['members\u001f57\u001f5701']! + 1);
    expect(after['members\u001f57\u001f5708']).toBe(before['members\u001f57\u001f5708']);
  });

  it('tells live queries which totals rows a write changed (the parts liveQuery listens to)', async () => {
    const data = await openDeskData(createTestDatabase());
    const heard: string[][] = [];
    const listen = (parts: Record<string, unknown>) => heard.push(Object.keys(parts).filter((p) => p.startsWith(`idb://${data.db.name}/`)).map((p) => p.slice(`idb://${data.db.name}/`.length)));
    Dexie.on('storagemutated', listen);
    try {
      await data.writer.create('members', memberRecord({ tambonCode: '570101' }));
      expect(heard.flat()).toContain('overviewTotals/');
      heard.length = 0;
      await storePulled(data, 'news', [newsRecord({ status: 'in_review' })]);
      expect(heard.flat()).toEqual(expect.arrayContaining(['overviewTotals/', 'arrivals/', 'arrivals/at']));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
  });

  it('leaves nothing half-counted when the write fails', async () => {
    const data = await openDeskData(createTestDatabase());
    const first = memberRecord({ tambonCode: '570101' });
    await data.writer.create('members', first);
    await expect(data.writer.createMany('members', [memberRecord({ tambonCode: '570101' }), first])).rejects.toThrow();
    await expectTotalsMatchRecords(data);
    expect(await data.db.members.count()).toBe(1);
  });

  it('counts what a database already holds when it is upgraded to the version with totals', async () => {
    const name = `overview-upgrade-${Date.now()}`;
    const old = createTestDatabase(SCHEMA_VERSIONS.filter((v) => v.version < 7), name);
    await old.open();
    await old.table('members').bulkPut([memberRecord({ tambonCode: '570101' }), memberRecord({ tambonCode: '570101', deleted: true }), memberRecord({ tambonCode: '570201' })].map((m) => ({ ...m, _stamps: {} })));
    await old.table('news').put({ ...newsRecord({ status: 'published', publishedAt: '2023-03-06T03:00:00.000Z' }), _stamps: {} });
    old.close();

    const data = await openDeskData(createTestDatabase(undefined, name));
    expect(await data.db.overviewTotals.count()).toBeGreaterThan(0);
    await expectTotalsMatchRecords(data);
    expect((await data.db.overviewTotals.get('members\u001f57\u001f5701'))!.counts).toEqual({ 'm\u001f570101\u001f\u001fother\u001f2022-04-01\u001f2027-03-31': 1 });
    // Written after the upgrade: kept incrementally from there on.
    await data.writer.create('members', memberRecord({ tambonCode: '570101' }));
    await expectTotalsMatchRecords(data);
  });

  it('logs what other people’s changes brought, not this device’s own', async () => {
    const data = await openDeskData(createTestDatabase());
    await data.writer.create('news', newsRecord({ title: 'ร่างของฉันเอง', status: 'in_review' }));
    expect(await data.db.arrivals.count()).toBe(0);

    const submitted = newsRecord({ title: 'ข่าวจากอำเภอแม่สาย', status: 'in_review', authorName: 'จนท.แม่สาย', districtCode: '5708' });
    await storePulled(data, 'news', [submitted]);
    await storePulled(data, 'news', [submitted]); // the same again: nothing new arrived
    await storePulled(data, 'events', [eventRecord({ title: 'ประชุมใหม่', start: '2023-03-01T02:00:00.000Z', districtCode: '5708' })]);
    await storePulled(data, 'members', Array.from({ length: 25 }, () => memberRecord({ tambonCode: '570801' })));
    const rows = await data.db.arrivals.orderBy('seq').toArray();
    expect(rows.map((r) => [r.kind, r.title, r.who, r.count, r.districtCode])).toEqual([
      ['news-submitted', 'ข่าวจากอำเภอแม่สาย', 'จนท.แม่สาย', 1, '5708'],
      ['event-added', 'ประชุมใหม่', 'สำนักงาน กกต. จังหวัดเชียงราย', 1, '5708'],
      ['people-added', '', '', 25, '5708'],
    ]);
  });

  it('stays equal to a count from scratch under any mix of local writes, pulls and deletes', async () => {
    const tambons = ['570101', '570102', '570801', '571501'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('person' as const), tambon: fc.constantFrom(...tambons), role: fc.constantFrom('ประธาน', 'เลขานุการ', 'กรรมการ'), end: fc.constantFrom('2026-12-31', '2027-03-31', null), remote: fc.boolean() }),
      fc.record({ kind: fc.constant('event' as const), month: fc.integer({ min: 0, max: 23 }), district: fc.constantFrom('5701', '5708', null), recurring: fc.boolean(), count: fc.integer({ min: 0, max: 50 }), remote: fc.boolean() }),
      fc.record({ kind: fc.constant('news' as const), status: fc.constantFrom('draft', 'in_review', 'published', 'archived'), month: fc.integer({ min: 0, max: 23 }), remote: fc.boolean() }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), field: fc.constantFrom('deleted', 'termEnd', 'start', 'status') }),
      fc.record({ kind: fc.constant('hard-delete' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const data = await openDeskData(createTestDatabase());
        const ids: { table: 'members' | 'events' | 'news'; id: string }[] = [];
        for (const o of ops) {
          if (o.kind === 'person' || o.kind === 'event' || o.kind === 'news') {
            const month = o.kind === 'person' ? 0 : o.month;
            const record =
              o.kind === 'person'
                ? { table: 'members' as const, value: memberRecord({ tambonCode: o.tambon, role: o.role, termEnd: o.end }) }
                : o.kind === 'event'
                  ? { table: 'events' as const, value: eventRecord({ start: new Date(2022, 9 + month, 3, 9).toISOString(), districtCode: o.district, rrule: o.recurring ? 'FREQ=MONTHLY' : null, expected: [{ group: 'ก', count: o.count }] }) }
                  : { table: 'news' as const, value: newsRecord({ status: o.status, publishedAt: o.status === 'published' || o.status === 'archived' ? new Date(2022, 9 + month, 3).toISOString() : null }) };
            if (o.remote) await storePulled(data, record.table, [record.value as never]);
            else await data.writer.create(record.table, record.value as never);
            ids.push({ table: record.table, id: record.value.id });
          } else if (ids.length > 0) {
            const target = ids[o.pick % ids.length]!;
            if (o.kind === 'hard-delete') {
              await data.db.table(target.table).delete(target.id);
              ids.splice(o.pick % ids.length, 1);
              continue;
            }
            const patch: Record<string, unknown> =
              o.field === 'deleted' ? { deleted: true } : target.table === 'members' ? { termEnd: '2030-01-01' } : target.table === 'events' ? { start: new Date(2024, 1, 1).toISOString(), end: new Date(2024, 1, 1).toISOString() } : { status: 'published', publishedAt: new Date(2024, 1, 1).toISOString() };
            await data.writer.update(target.table, target.id, patch as never);
          }
        }
        await expectTotalsMatchRecords(data);
        data.db.close();
      }),
      { numRuns: 40 },
    );
  });
});
