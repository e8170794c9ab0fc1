// Runs inside Chromium on the app's own origin (bundled by bench/roster/run.ts and served at
// /__bench/roster.html by request interception), so it sees the app's IndexedDB database. It uses
// the app's data layer: DeskDatabase with its schema, the record writer's store for pulled records
// (derived search tokens), the roster's sort-key hook, and the real people search.
import Dexie from 'dexie';
import { DEFAULT_DATABASE_NAME, DeskDatabase } from '../../renderer/db/database';
import { openDeskData } from '../../renderer/db/desk-data';
import { searchPeople } from '../../renderer/db/repositories/people-search';
import { nameSearchToken } from '../../shared/roster/person-name-key';
import { normaliseThaiText } from '../../shared/thai/search-tokens';
import type { Member } from '../../shared/domain/member';
import { benchPerson, type BenchQuery } from './people-fixture';
import { Keyring } from '../../renderer/security/keyring';

/**
 * The app's database with the app's own keys (the browser shell's keyring, no lock set): people are sealed at
 * rest as the app seals them (issue 14), so seeding, search and the screens measure encryption on.
 */
async function appDatabase(): Promise<DeskDatabase> {
  const keyring = await Keyring.load();
  const keys = (await keyring.openWithoutLock()).atRest;
  keyring.close();
  const db = new DeskDatabase(DEFAULT_DATABASE_NAME);
  db.atRestKeys = () => keys;
  return db;
}

/** Rows per bulk write while seeding: large enough to be quick, small enough to keep memory flat. */
const SEED_CHUNK = 5000;
/** What the people screen asks of search (PeopleSearchPage: a screenful, 100, plus one to know there are more). */
const SCREEN_LIMIT = 101;

/** Stores `count` people in the app's database as a pull would (stamped, derived fields, no outbox). */
async function seedPeople(count: number, tambonCodes: string[], provinceCode: string): Promise<{ ms: number; live: number }> {
  const data = await openDeskData(await appDatabase());
  const started = performance.now();
  for (let from = 0; from < count; from += SEED_CHUNK) {
    const stamp = data.clock.tick();
    const rows: Array<Member & { _stamps: Record<string, string> }> = [];
    for (let i = from; i < Math.min(count, from + SEED_CHUNK); i++) {
      const person = benchPerson(i, tambonCodes, provinceCode);
      rows.push({ ...person, _stamps: Object.fromEntries(Object.keys(person).map((f) => [f, stamp])) });
    }
    await data.db.transaction('rw', data.db.members, () => data.writer.storeMerged('members', rows));
  }
  const ms = performance.now() - started;
  const live = await data.db.members.orderBy('sortKey').count();
  data.db.close();
  return { ms, live };
}

/**
 * Each query through the real search, beside the baseline: one raw read of the search index for
 * the query's first word (the lookup search itself starts from), same limit. Interleaved, so both
 * see the same machine.
 */
async function searchTimes(queries: BenchQuery[], warmUp: string[]): Promise<{ search: number[]; raw: number[]; hits: number[] }> {
  const db = await appDatabase();
  await db.open();
  for (const q of warmUp) await searchPeople(db, q, SCREEN_LIMIT);
  const search: number[] = [];
  const raw: number[] = [];
  const hits: number[] = [];
  for (const q of queries) {
    const first = normaliseThaiText(q.text).split(' ')[0]!.replace(/-/g, '');
    const token = /^\d+$/.test(first) ? first : nameSearchToken(first);
    let t0 = performance.now();
    await db.members.where('searchTokens').startsWith(token).limit(SCREEN_LIMIT).toArray();
    raw.push(performance.now() - t0);
    t0 = performance.now();
    const found = await searchPeople(db, q.text, SCREEN_LIMIT);
    search.push(performance.now() - t0);
    hits.push(found.length);
  }
  db.close();
  return { search, raw, hits };
}

/**
 * The raw baseline of the import: the member rows the import wrote, read back (not timed) and
 * written with one bulkPut into a fresh database of the same schema (timed, `ms`) and into a store with
 * no index at all (`noIndexMs`): the floor of any write that keeps one stored row per person.
 */
async function rawBulkPutOfImported(): Promise<{ records: number; ms: number; noIndexMs: number }> {
  // Read through the app's keys (values in clear), written unsealed: the baseline includes no encryption.
  const app = await appDatabase();
  await app.open();
  const rows = (await app.members.toArray()).map((row) => ({ ...row }));
  app.close();
  const name = `bench-raw-${Date.now()}`;
  const fresh = new DeskDatabase(name);
  await fresh.open();
  const started = performance.now();
  await fresh.members.bulkPut(rows);
  const ms = performance.now() - started;
  fresh.close();
  await DeskDatabase.delete(name);
  return { records: rows.length, ms, noIndexMs: await bulkPutWithoutIndexes(rows) };
}

async function bulkPutWithoutIndexes(rows: object[]): Promise<number> {
  const name = `bench-no-index-${Date.now()}`;
  const bare = new Dexie(name);
  bare.version(1).stores({ members: 'id' });
  await bare.open();
  const started = performance.now();
  await bare.table('members').bulkPut(rows);
  const ms = performance.now() - started;
  bare.close();
  await Dexie.delete(name);
  return ms;
}

Object.assign(window, { rosterBench: { seedPeople, searchTimes, rawBulkPutOfImported } });
