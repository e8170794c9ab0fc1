import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/ipc';
import { SettingsStore, type SettingsStoreLogger } from './settings-store';

let dir: string;
const fixedNow = () => new Date('2022-08-24T02:30:00.000Z');
const quietLogger: SettingsStoreLogger & { messages: string[] } = {
  messages: [],
  warn(message) {
    this.messages.push(message);
  },
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-settings-'));
  quietLogger.messages.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(): SettingsStore {
  return new SettingsStore({ directory: dir, now: fixedNow, logger: quietLogger });
}

describe('SettingsStore', () => {
  it('starts from the defaults without writing anything', async () => {
    expect(await store().get()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('round-trips an update through the file, readable by a new store', async () => {
    const first = store();
    const result = await first.update({ language: 'en', serverUrl: 'https://sync.ect.go.th', deviceName: 'โน้ตบุ๊ก อ.เมือง' });
    const expected: Settings = { ...DEFAULT_SETTINGS, language: 'en', era: 'be', serverUrl: 'https://sync.ect.go.th', deviceName: 'โน้ตบุ๊ก อ.เมือง' };
    expect(result).toEqual({ ok: true, value: expected });
    expect(await store().get()).toEqual(expected);
    const file = JSON.parse(await readFile(first.filePath, 'utf8')) as { format: string; version: number; settings: Settings };
    expect(file).toEqual({ format: 'provincedesk.settings', version: 1, settings: expected });
  });

  (process.platform === 'win32' ? it.skip : it)('writes the file readable by its owner only (0o600)', async () => {
    const s = store();
    await s.update({ era: 'ce' });
    expect((await stat(s.filePath)).mode & 0o777).toBe(0o600);
  });

  it('reads a file written before the backup settings existed, with their defaults', async () => {
    const old = { format: 'provincedesk.settings', version: 1, settings: { language: 'en', era: 'ce', serverUrl: null, deviceName: 'เครื่อง 1' } };
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(old));
    expect(await store().get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', era: 'ce', deviceName: 'เครื่อง 1', backupSchedule: 'daily', backupFolder: null });
    expect(await store().update({ backupSchedule: 'weekly', backupFolder: 'D:\\สำรองข้อมูล' })).toMatchObject({ ok: true, value: { backupSchedule: 'weekly', language: 'en' } });
  });

  it('refuses an invalid patch and keeps the file as it was', async () => {
    const s = store();
    await s.update({ deviceName: 'เครื่อง 1' });
    for (const patch of [{ language: 'fr' }, { serverUrl: 'not a url' }, { backupSchedule: 'hourly' }, { backupFolder: '' }, { deviceName: '   ' }, { admin: true }, 'th', null]) {
      const result = await s.update(patch);
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect((await store().get()).deviceName).toBe('เครื่อง 1');
  });

  it('ignores keys given as undefined', async () => {
    const result = await store().update({ language: undefined, era: 'ce' });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, era: 'ce' } });
  });

  it.each([
    ['not JSON', '{"format": "provincedesk.settings", "vers'],
    ['empty', ''],
    ['foreign JSON', JSON.stringify({ theme: 'dark', windowBounds: [0, 0, 800, 600] })],
    ['a newer format', JSON.stringify({ format: 'provincedesk.settings', version: 2, settings: {} })],
    ['invalid values', JSON.stringify({ format: 'provincedesk.settings', version: 1, settings: { language: 'fr' } })],
  ])('sets aside a file that is %s and uses the defaults', async (_name, content) => {
    const s = store();
    await writeFile(s.filePath, content);
    expect(await s.get()).toEqual(DEFAULT_SETTINGS);
    const aside = path.join(dir, 'settings.json.corrupt-2022-08-24T02-30-00-000Z');
    expect(await readdir(dir)).toEqual([path.basename(aside)]);
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect(quietLogger.messages.join('\n')).toContain('corrupt-');
    // And the next update writes a good file again.
    expect((await s.update({ language: 'en' })).ok).toBe(true);
    expect((await store().get()).language).toBe('en');
  });

  it('fills fields missing from an older file with their defaults', async () => {
    const s = store();
    await writeFile(s.filePath, JSON.stringify({ format: 'provincedesk.settings', version: 1, settings: { language: 'en' } }));
    expect(await s.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  it('serialises concurrent updates: none is lost, each sees the ones before it', async () => {
    const s = store();
    const results = await Promise.all([
      s.update({ language: 'en' }),
      s.update({ era: 'ce' }),
      s.update({ serverUrl: 'https://sync.example.go.th' }),
      ...Array.from({ length: 20 }, (_, i) => s.update({ deviceName: `เครื่อง ${i}` })),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[1]).toMatchObject({ ok: true, value: { language: 'en', era: 'ce' } });
    expect(results.at(-1)).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, language: 'en', era: 'ce', serverUrl: 'https://sync.example.go.th', deviceName: 'เครื่อง 19' },
    });
    expect(await store().get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', era: 'ce', serverUrl: 'https://sync.example.go.th', deviceName: 'เครื่อง 19' });
    expect(await readdir(dir)).toEqual(['settings.json']); // no temp files left
  });

  it('tells listeners about real changes only, and stops after unsubscribe', async () => {
    const s = store();
    const seen: Settings[] = [];
    const unsubscribe = s.onChange((settings) => seen.push(settings));
    await s.update({ language: 'en' });
    await s.update({ language: 'en' }); // no change: no event, no write
    await s.update({ language: 'fr' }); // invalid: no event
    unsubscribe();
    await s.update({ language: 'th' });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, language: 'en' }]);
  });

  it('reports a write failure as an io error and keeps the previous settings', async () => {
    const s = new SettingsStore({ directory: path.join(dir, 'file-not-folder'), now: fixedNow, logger: quietLogger });
    await writeFile(path.join(dir, 'file-not-folder'), 'x');
    const result = await s.update({ language: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await s.get()).toEqual(DEFAULT_SETTINGS);
  });
});
