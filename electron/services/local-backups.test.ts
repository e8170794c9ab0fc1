import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadLocalBackupRequestSchema } from '../../shared/ipc';
import { LocalBackups, localBackupName } from './local-backups';

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'provincedesk-backups-'));
  dir = path.join(root, 'backups');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A clock that moves one minute per call, like backups taken one after another. */
function steppingClock(start = Date.parse('2026-11-22T03:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 60_000));
}

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('LocalBackups', () => {
  it('a remote wipe deletes every backup it made in a folder, and nothing else there', async () => {
    const backups = new LocalBackups({ directory: () => dir, now: steppingClock() });
    await backups.write(new Uint8Array([1]), 'daily');
    await backups.write(new Uint8Array([2]), 'before-restore');
    await writeFile(path.join(dir, 'notes.txt'), 'not a backup');
    expect(await backups.deleteAllIn(dir)).toBe(2);
    expect(await readdir(dir)).toEqual(['notes.txt']);
    expect(await backups.deleteAllIn(path.join(root, 'never-made'))).toBe(0);
  });

  it('writes timestamped files, lists them newest first and reads one back', async () => {
    const backups = new LocalBackups({ directory: () => dir, now: steppingClock() });
    expect(await backups.list()).toEqual({ ok: true, value: [] });
    const first = await backups.write(new Uint8Array([1, 2, 3]), 'daily');
    const second = await backups.write(new Uint8Array([4, 5]), 'before-restore');
    expect(first).toEqual({ ok: true, value: { name: 'provincedesk-20261122T030100000Z-daily.pdbackup', size: 3, createdAt: '2026-11-22T03:01:00.000Z', reason: 'daily' } });
    expect(second.ok && second.value.name).toBe('provincedesk-20261122T030200000Z-before-restore.pdbackup');

    const listed = await backups.list();
    expect(listed.ok && listed.value.map((b) => [b.reason, b.size, b.createdAt])).toEqual([
      ['before-restore', 2, '2026-11-22T03:02:00.000Z'],
      ['daily', 3, '2026-11-22T03:01:00.000Z'],
    ]);
    const read = await backups.read('provincedesk-20261122T030100000Z-daily.pdbackup');
    expect(read.ok && [...read.value.data]).toEqual([1, 2, 3]);
  });

  it('keeps only the newest N and leaves other files in the folder alone', async () => {
    const backups = new LocalBackups({ directory: () => dir, keep: 3, now: steppingClock() });
    await backups.write(new Uint8Array([0]), 'manual');
    await writeFile(path.join(dir, 'notes.txt'), 'ของผู้ใช้');
    for (let i = 1; i <= 4; i += 1) await backups.write(new Uint8Array([i]), 'daily');
    const names = (await readdir(dir)).sort();
    expect(names).toEqual([
      'notes.txt',
      'provincedesk-20261122T030300000Z-daily.pdbackup',
      'provincedesk-20261122T030400000Z-daily.pdbackup',
      'provincedesk-20261122T030500000Z-daily.pdbackup',
    ]);
    expect([...(await readFile(path.join(dir, names[3]!)))]).toEqual([4]);
  });

  it('gives two backups of the same millisecond two files, also when written at once', async () => {
    const fixed = new Date('2026-11-22T03:00:00Z');
    const backups = new LocalBackups({ directory: () => dir, now: () => fixed });
    const [a, b] = await Promise.all([backups.write(new Uint8Array([1]), 'daily'), backups.write(new Uint8Array([2]), 'daily')]);
    expect(a.ok && b.ok && a.value.name !== b.value.name).toBe(true);
    expect(await readdir(dir)).toHaveLength(2);
  });

  posixOnly('makes the folder and the files private to the user', async () => {
    const backups = new LocalBackups({ directory: () => dir });
    const written = await backups.write(new Uint8Array([1]), 'manual');
    expect(written.ok).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, written.ok ? written.value.name : ''))).mode & 0o777).toBe(0o600);
  });

  it('reads only names it made: no paths, no other files', async () => {
    const backups = new LocalBackups({ directory: () => dir });
    await writeFile(path.join(root, 'secret.txt'), 'x');
    for (const name of ['../secret.txt', 'provincedesk-20261122T030100000Z-daily.pdbackup/../../secret.txt', 'notes.txt']) {
      const read = await backups.read(name);
      expect(read.ok ? 'read' : read.error.code).toBe('invalid-argument');
      expect(ReadLocalBackupRequestSchema.safeParse({ name }).success).toBe(false);
    }
    const missing = await backups.read(localBackupName(new Date('2026-01-01T00:00:00Z'), 'daily'));
    expect(missing.ok ? 'read' : missing.error.code).toBe('not-found');
  });

  it('answers an io error as data when the folder cannot be made', async () => {
    await writeFile(path.join(root, 'file'), 'x');
    const backups = new LocalBackups({ directory: () => path.join(root, 'file', 'backups') });
    const written = await backups.write(new Uint8Array([1]), 'daily');
    expect(written.ok ? 'written' : written.error.code).toBe('io');
  });
});
