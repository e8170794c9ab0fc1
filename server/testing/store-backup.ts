// For tests: a real backup of a server's store, and a real restore of it, as docs/deploy.md says an
// administrator does — pg_dump/pg_restore on PostgreSQL, a copy of the data folder for PGlite. The
// server is stopped around both (PGlite's folder belongs to one process; the deploy procedure stops it).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { StoreOptions } from '../store/open-store';

const run = promisify(execFile);

export interface StoreBackup {
  /** Puts the store back as it was when the backup was taken. */
  restore(): Promise<void>;
  discard(): Promise<void>;
}

export async function backUpStore(options: StoreOptions): Promise<StoreBackup> {
  const folder = await mkdtemp(path.join(tmpdir(), 'provincedesk-backup-'));
  if (options.kind === 'pglite') {
    if (options.dataDir === undefined) throw new Error('backUpStore: a PGlite store in memory has no folder to copy');
    const dataDir = options.dataDir;
    const copy = path.join(folder, 'data');
    await cp(dataDir, copy, { recursive: true });
    return {
      async restore() {
        await rm(dataDir, { recursive: true, force: true });
        await cp(copy, dataDir, { recursive: true });
      },
      discard: () => rm(folder, { recursive: true, force: true }),
    };
  }
  const file = path.join(folder, 'provincedesk.dump');
  const schema = options.schema ? ['--schema', options.schema] : [];
  await run('pg_dump', ['--format=custom', `--file=${file}`, ...schema, options.url]);
  return {
    async restore() {
      await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${options.url}`, file]);
    },
    discard: () => rm(folder, { recursive: true, force: true }),
  };
}
