import './node-file-api';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type Dexie from 'dexie';
import { NewsPhotoRepository } from '../../db/repositories/news-photo-repository';
import { DeskDatabase } from '../../db/database';
import { openDeskData, type DeskData } from '../../db/desk-data';
import type { SchemaVersion } from '../../db/schema-versions';
import { createTestDatabase } from '../../db/test-database';
import { DERIVED_LOCAL_TABLES } from '../../db/overview/overview-facts';
import type { DatabaseFactory } from '../backup-restore';

/** Temporary databases of a restore live on the same fake-indexeddb as the test's database. */
export const fakeDatabaseFactory: DatabaseFactory = (name: string, versions: SchemaVersion[]) => new DeskDatabase(name, { indexedDB, IDBKeyRange }, versions);

const author = { userId: 'u1', displayName: 'สมศรี ใจดี' };
const scope = { provinceCode: '57', districtCode: null };

/** A database written through the real repositories: news with two photos (Blobs), outbox, device clock. */
export async function seededDeskData(title = 'เสวนาเครือข่าย ศส.ปชต.'): Promise<DeskData> {
  const data = await openDeskData(createTestDatabase());
  const item = await data.news.createDraft({ title }, author, scope);
  await new NewsPhotoRepository(data.db, data.writer).addPhotos(item.id, [
    { fileName: 'a.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array(3000).map((_, i) => i % 251), width: 800, height: 600 },
    { fileName: 'b.png', mimeType: 'image/png', bytes: new Uint8Array([0, 255, 10, 13, 0x0a, 0x22]), width: 2, height: 3 },
  ]);
  return data;
}

/**
 * Every table's rows, with Blobs turned into their type and bytes, for deep equality. The overview's
 * counters are left out: they are derived from the rest (and counted again by a restore).
 */
export async function snapshotOf(db: Dexie): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (DERIVED_LOCAL_TABLES.includes(table.name)) continue;
    const rows = await table.toArray();
    snapshot[table.name] = await Promise.all(rows.map(materialise));
  }
  return snapshot;
}

async function materialise(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blobType: value.type, bytes: Array.from(new Uint8Array(await value.arrayBuffer())) };
  if (Array.isArray(value)) return Promise.all(value.map(materialise));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await materialise(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
