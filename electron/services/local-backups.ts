import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, LOCAL_BACKUP_NAME_PATTERN, ok, type DeskResult, type LocalBackupInfo, type LocalBackupReason, type OpenedFile } from '../../shared/ipc';
import { describeFileError, writeFileAtomic } from './file-service';

/**
 * Rolling local backups: whole-database backup files the renderer exports (daily, before a schema
 * migration, before a restore), kept in one folder of the user-data folder. Only the newest `keep`
 * stay. Files are written atomically and readable by the user only (they hold personal data), and
 * only names this class made are ever read or deleted, so a name from the renderer cannot reach
 * another file.
 */
export interface LocalBackupsOptions {
  /** The folder, asked at every call (the user may choose another one in the settings). */
  directory: () => string | Promise<string>;
  /** How many backups to keep; older ones are deleted after each write. */
  keep?: number;
  now?: () => Date;
}

export const DEFAULT_KEEP_LOCAL_BACKUPS = 10;

/** `20261122T173005123Z`: sortable as text, no ':' (Windows). */
function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function dateOfStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp;
}

export function localBackupName(createdAt: Date, reason: LocalBackupReason): string {
  return `provincedesk-${stampOf(createdAt)}-${reason}.pdbackup`;
}

export class LocalBackups {
  readonly #directory: () => string | Promise<string>;
  readonly #keep: number;
  readonly #now: () => Date;
  /** Writes and prunes one at a time: two quick writes must not prune each other's file. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: LocalBackupsOptions) {
    this.#directory = options.directory;
    this.#keep = Math.max(1, options.keep ?? DEFAULT_KEEP_LOCAL_BACKUPS);
    this.#now = options.now ?? (() => new Date());
  }

  write(data: Uint8Array, reason: LocalBackupReason): Promise<DeskResult<LocalBackupInfo>> {
    const run = this.#queue.then(() => this.#write(data, reason));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #write(data: Uint8Array, reason: LocalBackupReason): Promise<DeskResult<LocalBackupInfo>> {
    const directory = await this.#directory();
    let created = this.#now();
    try {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const existing = new Set(await readdir(directory));
      // Two backups in the same millisecond still get two files.
      while (existing.has(localBackupName(created, reason))) created = new Date(created.getTime() + 1);
      const name = localBackupName(created, reason);
      await writeFileAtomic(path.join(directory, name), data, { mode: 0o600 });
      await this.#prune(directory);
      return ok({ name, size: data.byteLength, createdAt: created.toISOString(), reason });
    } catch (error) {
      return fail('io', describeFileError(error, localBackupName(created, reason)));
    }
  }

  /** Newest first. A folder that does not exist yet holds no backups. */
  async list(): Promise<DeskResult<LocalBackupInfo[]>> {
    try {
      return ok(await this.#list(await this.#directory()));
    } catch (error) {
      return fail('io', describeFileError(error, 'backups'));
    }
  }

  async read(name: string): Promise<DeskResult<OpenedFile>> {
    if (!LOCAL_BACKUP_NAME_PATTERN.test(name)) return fail('invalid-argument', `ไม่ใช่ชื่อไฟล์สำรองในเครื่อง — "${name.slice(0, 100)}" is not a local backup name.`);
    try {
      const data = new Uint8Array(await readFile(path.join(await this.#directory(), name)));
      return ok({ name, size: data.byteLength, data });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(code === 'ENOENT' ? 'not-found' : 'io', describeFileError(error, name));
    }
  }

  /** Remote wipe: deletes every local backup this class made in `directory` (only names of its shape). */
  async deleteAllIn(directory: string): Promise<number> {
    const backups = await this.#list(directory);
    for (const backup of backups) await unlink(path.join(directory, backup.name));
    return backups.length;
  }

  async directory(): Promise<string> {
    return this.#directory();
  }

  async #list(directory: string): Promise<LocalBackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const backups: LocalBackupInfo[] = [];
    for (const name of names) {
      const match = LOCAL_BACKUP_NAME_PATTERN.exec(name);
      if (!match) continue;
      const info = await stat(path.join(directory, name)).catch(() => null);
      if (!info?.isFile()) continue;
      backups.push({ name, size: info.size, createdAt: dateOfStamp(match[1]!), reason: match[2] as LocalBackupReason });
    }
    return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async #prune(directory: string): Promise<void> {
    const backups = await this.#list(directory);
    for (const old of backups.slice(this.#keep)) await unlink(path.join(directory, old.name)).catch(() => undefined);
  }
}
