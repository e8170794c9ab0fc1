import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPickedFiles, saveFileTo, writeFileAtomic } from './file-service';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-files-'));
});

afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const posixOnly = process.platform === 'win32' ? it.skip : it;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('writeFileAtomic', () => {
  it('writes text and bytes, replacing the old content, and leaves no temp file', async () => {
    const target = path.join(dir, 'ข่าว.html');
    await writeFileAtomic(target, '<p>ร่าง</p>');
    await writeFileAtomic(target, '<p>ฉบับจริง</p>');
    expect(await readFile(target, 'utf8')).toBe('<p>ฉบับจริง</p>');
    const bytes = path.join(dir, 'photo.bin');
    await writeFileAtomic(bytes, new Uint8Array([0, 1, 2, 255]));
    expect([...(await readFile(bytes))]).toEqual([0, 1, 2, 255]);
    expect((await readdir(dir)).sort()).toEqual(['photo.bin', 'ข่าว.html']);
  });

  posixOnly('creates the file with the requested mode', async () => {
    const target = path.join(dir, 'secret.json');
    await writeFileAtomic(target, '{}', { mode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content and cleans up when the write fails', async () => {
    const target = path.join(dir, 'settings.json');
    await writeFile(target, 'old');
    // A folder in place of the target: the rename fails after the temp file was written.
    const blocked = path.join(dir, 'blocked');
    await mkdir(path.join(blocked, 'inner'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['blocked', 'settings.json']);
  });

  it('fails when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('saveFileTo', () => {
  it('reports the saved file name', async () => {
    const result = await saveFileTo(path.join(dir, 'รายงาน.docx'), new Uint8Array([80, 75]));
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'รายงาน.docx' } });
  });

  it('returns an io error in plain words, without the folder, when the write fails', async () => {
    const notAFolder = path.join(dir, 'file.txt');
    await writeFile(notAFolder, 'x');
    const result = await saveFileTo(path.join(notAFolder, 'ข่าว.pdf'), 'x');
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) {
      expect(result.error.message).toContain('ข่าว.pdf');
      expect(result.error.message).not.toContain(dir);
    }
  });

  // Root ignores folder permissions, so this one runs only as a normal user.
  (process.platform !== 'win32' && !isRoot ? it : it.skip)('returns an io error in plain words, without the path, when the folder is read-only', async () => {
    const locked = path.join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    const result = await saveFileTo(path.join(locked, 'ข่าว.pdf'), 'x');
    await chmod(locked, 0o700);
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) {
      expect(result.error.message).toContain('ข่าว.pdf');
      expect(result.error.message).toContain('No permission');
      expect(result.error.message).not.toContain(dir);
    }
  });
});

describe('readPickedFiles', () => {
  it('reads the picked files as name, size and exact bytes', async () => {
    const a = path.join(dir, 'รายชื่อ.csv');
    const b = path.join(dir, 'photo.jpg');
    await writeFile(a, 'ชื่อ,นามสกุล\n');
    await writeFile(b, new Uint8Array([0xff, 0xd8, 0xff]));
    const result = await readPickedFiles([a, b], 1024);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((f) => [f.name, f.size])).toEqual([['รายชื่อ.csv', Buffer.byteLength('ชื่อ,นามสกุล\n')], ['photo.jpg', 3]]);
    expect(new TextDecoder().decode(result.value[0]?.data)).toBe('ชื่อ,นามสกุล\n');
    const photo = result.value[1]?.data;
    expect(photo && [...photo]).toEqual([0xff, 0xd8, 0xff]);
    // Its own buffer, not a window into a larger one (IPC would copy the whole buffer).
    expect(photo?.buffer.byteLength).toBe(3);
  });

  it('accepts a file exactly at the limit and refuses one byte more, naming the file and both sizes', async () => {
    const exact = path.join(dir, 'exact.bin');
    const over = path.join(dir, 'ภาพกิจกรรม.jpg');
    await writeFile(exact, new Uint8Array(2048));
    await writeFile(over, new Uint8Array(2049));
    expect((await readPickedFiles([exact], 2048)).ok).toBe(true);
    const result = await readPickedFiles([exact, over], 2048);
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) {
      expect(result.error.message).toContain('ภาพกิจกรรม.jpg');
      expect(result.error.message).toContain('too large');
      expect(result.error.message).toContain('3 KB');
      expect(result.error.message).toContain('2 KB');
    }
  });

  it('reads a file larger than one read chunk', async () => {
    const big = path.join(dir, 'big.bin');
    const content = new Uint8Array(9 * 1024 * 1024).map((_, i) => i % 251);
    await writeFile(big, content);
    const result = await readPickedFiles([big], content.byteLength);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Buffer.from(result.value[0]!.data).equals(Buffer.from(content))).toBe(true);
  });

  it('fails clearly for a missing file or a folder', async () => {
    const missing = await readPickedFiles([path.join(dir, 'gone.csv')], 100);
    expect(missing).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!missing.ok) expect(missing.error.message).toContain('gone.csv');
    const folder = await readPickedFiles([dir], 100);
    expect(folder).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('returns an empty list for no files', async () => {
    expect(await readPickedFiles([], 100)).toEqual({ ok: true, value: [] });
  });
});
