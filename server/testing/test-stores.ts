import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../store/open-store';

/**
 * The stores a store-level suite runs against: PGlite (in memory) always, and the PostgreSQL server of
 * DATABASE_URL when it is set, each run in a schema of its own that is dropped afterwards.
 */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Options for a fresh, empty store (a new schema on PostgreSQL). */
  options(): StoreOptions;
  open(): Promise<Store>;
  /** Drops what options()/open() created. */
  cleanUp(): Promise<void>;
}

function pgliteBackend(): TestBackend {
  return {
    name: 'pglite',
    options: () => ({ kind: 'pglite' }),
    open: () => openStore({ kind: 'pglite' }),
    cleanUp: async () => {},
  };
}

function postgresBackend(url: string): TestBackend {
  const schemas: string[] = [];
  const options = (): StoreOptions => {
    const schema = `pd_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return { kind: 'postgres', url, schema };
  };
  return {
    name: 'postgres',
    options,
    open: () => openStore(options()),
    async cleanUp() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteBackend(), postgresBackend(url)] : [pgliteBackend()];
}
