import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { DeskDatabase } from './database';
import type { SchemaVersion } from './schema-versions';

/** A fresh database on fake-indexeddb, for Node tests of the data layer. */
export function createTestDatabase(versions?: SchemaVersion[], name = `test-${uuidv7()}`): DeskDatabase {
  return new DeskDatabase(name, { indexedDB, IDBKeyRange }, versions);
}
