// Runs inside Chromium on the app's own origin (bundled by bench/overview/run.ts, served at
// /__bench/overview.html), so it sees the app's IndexedDB. Seeds the province through the app's data
// layer as a pull stores records (RecordWriter.storeMerged: derived fields, and the overview totals
// kept by their middleware in the same transactions).
import type { SyncedTable, RecordOf } from '../../shared/domain/synced-tables';
import { DEFAULT_DATABASE_NAME, DeskDatabase } from '../../renderer/db/database';
import { openDeskData, type DeskData } from '../../renderer/db/desk-data';
import { SCHEMA_VERSIONS } from '../../renderer/db/schema-versions';
import { activityOf, ACTIVITIES, ACTIVITIES_WITH_CHECK_INS, centreOf, centreTambons, CHECK_INS_PER_ACTIVITY, checkInOf, NEWS, newsOf, PEOPLE, personOf } from './overview-fixture';

const CHUNK = 5000;

async function store<T extends SyncedTable>(data: DeskData, table: T, records: RecordOf<T>[]): Promise<void> {
  for (let from = 0; from < records.length; from += CHUNK) {
    const stamp = data.clock.tick();
    const rows = records.slice(from, from + CHUNK).map((r) => ({ ...r, _stamps: Object.fromEntries(Object.keys(r).map((f) => [f, stamp])) }));
    await data.db.transaction('rw', data.db.table(table), () => data.writer.storeMerged(table, rows));
  }
}

async function seedOverview(tambons: string[], amphoes: string[], provinceCode: string): Promise<{ ms: Record<string, number>; counts: Record<string, number>; totalsRows: number }> {
  const data = await openDeskData(new DeskDatabase(DEFAULT_DATABASE_NAME));
  const withCentre = centreTambons(tambons);
  const ms: Record<string, number> = {};
  const time = async (name: string, work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    ms[name] = Math.round(performance.now() - t0);
  };
  await time('centres', () => store(data, 'centres', withCentre.map((t, i) => centreOf(i, t, provinceCode))));
  for (let from = 0; from < PEOPLE; from += 20_000) {
    const people = Array.from({ length: Math.min(20_000, PEOPLE - from) }, (_, k) => personOf(from + k, tambons, withCentre, provinceCode));
    const t0 = performance.now();
    await store(data, 'members', people);
    ms.people = (ms.people ?? 0) + Math.round(performance.now() - t0);
  }
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => activityOf(i, amphoes, provinceCode));
  await time('activities', () => store(data, 'events', activities));
  const checkIns = activities.slice(0, ACTIVITIES_WITH_CHECK_INS).flatMap((e, a) => Array.from({ length: CHECK_INS_PER_ACTIVITY }, (_, k) => checkInOf(a * CHECK_INS_PER_ACTIVITY + k, e)));
  await time('checkIns', () => store(data, 'attendance', checkIns));
  await time('news', async () => {
    for (let from = 0; from < NEWS; from += 2000) await store(data, 'news', Array.from({ length: Math.min(2000, NEWS - from) }, (_, k) => newsOf(from + k, amphoes, provinceCode)));
  });
  const counts = { centres: await data.db.centres.count(), people: await data.db.members.count(), activities: await data.db.events.count(), checkIns: await data.db.attendance.count(), news: await data.db.news.count() };
  const totalsRows = await data.db.overviewTotals.count();
  data.db.close();
  return { ms, counts, totalsRows };
}

/** One person's term edited through the writer: which totals rows the write changed (by their revision). */
async function editOnePerson(): Promise<{ changedRows: string[]; totalsRows: number; ms: number }> {
  const data = await openDeskData(new DeskDatabase(DEFAULT_DATABASE_NAME));
  const before = new Map((await data.db.overviewTotals.toArray()).map((r) => [r.key, r.revision]));
  const person = await data.db.members.orderBy('sortKey').first();
  const t0 = performance.now();
  await data.writer.update('members', person!.id, { termEnd: '2030-03-31' });
  const ms = performance.now() - t0;
  const after = await data.db.overviewTotals.toArray();
  data.db.close();
  return { changedRows: after.filter((r) => before.get(r.key) !== r.revision).map((r) => r.key), totalsRows: after.length, ms: Math.round(ms) };
}

/**
 * What keeping the totals costs a pull: the same 20,000 people stored as a pull stores them, into a
 * database at the current schema and into one at the schema before the totals (no middleware work).
 */
async function writeOverhead(tambons: string[], provinceCode: string): Promise<{ withTotalsMs: number; withoutTotalsMs: number }> {
  const people = Array.from({ length: 20_000 }, (_, i) => personOf(i, tambons, centreTambons(tambons), provinceCode));
  const run = async (versions: typeof SCHEMA_VERSIONS) => {
    const name = `bench-overhead-${Date.now()}-${versions.length}`;
    const data = await openDeskData(new DeskDatabase(name, undefined, versions));
    const t0 = performance.now();
    await store(data, 'members', people);
    const ms = performance.now() - t0;
    data.db.close();
    await DeskDatabase.delete(name);
    return ms;
  };
  const before = SCHEMA_VERSIONS.filter((v) => v.version < 7);
  // Interleaved, twice each, so both see the same machine.
  const without = [await run(before)];
  const withTotals = [await run(SCHEMA_VERSIONS)];
  without.push(await run(before));
  withTotals.push(await run(SCHEMA_VERSIONS));
  return { withTotalsMs: Math.round(Math.min(...withTotals)), withoutTotalsMs: Math.round(Math.min(...without)) };
}

Object.assign(window, { overviewBench: { seedOverview, editOnePerson, writeOverhead } });
