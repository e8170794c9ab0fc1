import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc';
import { buildDiagnosticsZip, collectSystemInfo, diagnosticsFileName, redactPersonalData } from './diagnostics';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-diagnostics-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// What a real log line may quote: a server error echoing a record, a request with its headers.
const PERSONAL = {
  ids: ['1103700012345', '3-1012-00345-67-1', '3 1012 00345 67 1'],
  phones: ['0812345678', '081-234-5678', '02-123-4567', '053 123 456', '+66 81 234 5678', '+66812345678'],
  emails: ['somchai.j@ect.go.th', 'malee+roster@gmail.com'],
  tokens: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl', 's3cr3t-T0ken_value'],
};

const LOG = [
  '[2026-11-22 17:28:31.123] [info]  ProvinceDesk 0.1.0 started on linux 6.8.0 (electron 40.0.0)',
  `[2026-11-22 17:28:32.456] [warn]  sync: server rejected roster row: {"nationalId":"${PERSONAL.ids[0]}","phone":"${PERSONAL.phones[0]}"}`,
  `[2026-11-22 17:28:33.000] [error] import: person ${PERSONAL.ids[1]} / ${PERSONAL.ids[2]} tel ${PERSONAL.phones[1]}, office ${PERSONAL.phones[2]} or ${PERSONAL.phones[3]}`,
  `[2026-11-22 17:28:34.000] [warn]  contact ${PERSONAL.emails[0]}, ${PERSONAL.emails[1]}, mobile ${PERSONAL.phones[4]} / ${PERSONAL.phones[5]}`,
  `[2026-11-22 17:28:35.000] [warn]  GET /v1/pull failed, headers {"Authorization":"Bearer ${PERSONAL.tokens[0]}"}, body {"token":"${PERSONAL.tokens[1]}"}`,
  '[2026-11-22 17:28:36.000] [error] EACCES: open /home/somchai/.config/ProvinceDesk/settings.json',
  '',
].join('\n');

function expectNoPersonalData(text: string): void {
  for (const value of [...PERSONAL.ids, ...PERSONAL.phones, ...PERSONAL.emails, ...PERSONAL.tokens, 'somchai']) {
    expect(text, `${value} leaked`).not.toContain(value);
  }
  // Nor the same numbers written another way (digits only).
  for (const value of [...PERSONAL.ids, ...PERSONAL.phones]) expect(text.replace(/[- ]/g, '')).not.toContain(value.replace(/[- +]/g, '').replace(/^66/, ''));
}

describe('redactPersonalData', () => {
  it('replaces ID numbers, Thai phone numbers, e-mails, tokens and the home folder', () => {
    const redacted = redactPersonalData(LOG, { homeDir: '/home/somchai' });
    expectNoPersonalData(redacted);
    expect(redacted).toContain('"nationalId":"[id]"');
    expect(redacted).toContain('tel [phone], office [phone] or [phone]');
    expect(redacted).toContain('contact [e-mail], [e-mail]');
    expect(redacted).toContain('{"Authorization":[redacted]}, body {"token":[redacted]}');
    expect(redactPersonalData('curl -H "authorisation: Bearer abc.def"')).toBe('curl -H "authorisation: Bearer [redacted]"');
    expect(redacted).toContain('open ~/.config/ProvinceDesk/settings.json');
  });

  it('keeps what support needs: times, versions, messages', () => {
    const redacted = redactPersonalData(LOG);
    expect(redacted).toContain('[2026-11-22 17:28:31.123] [info]  ProvinceDesk 0.1.0 started on linux 6.8.0 (electron 40.0.0)');
    expect(redacted).toContain('sync: server rejected roster row');
    expect(redactPersonalData('listening on 127.0.0.1:8080, took 1234 ms, 42 rows')).toBe('listening on 127.0.0.1:8080, took 1234 ms, 42 rows');
  });

  it('redacts Windows home folders, also inside JSON strings', () => {
    const home = 'C:\\Users\\somchai';
    const text = `path C:\\Users\\somchai\\AppData and ${JSON.stringify({ folder: 'C:\\Users\\somchai\\Backups' })}`;
    expect(redactPersonalData(text, { homeDir: home })).toBe('path ~\\AppData and {"folder":"~\\\\Backups"}');
  });
});

describe('buildDiagnosticsZip', () => {
  it('bundles logs, system info and settings, with no ID numbers, phone numbers, e-mails or tokens in any file', async () => {
    const mainLog = path.join(dir, 'main.log');
    await writeFile(mainLog, LOG);
    await writeFile(path.join(dir, 'main.old.log'), `[2026-11-20 08:00:00.000] [info]  old session for ${PERSONAL.emails[0]}\n`);
    const zipBytes = await buildDiagnosticsZip({
      logFiles: [mainLog, path.join(dir, 'main.old.log'), path.join(dir, 'renderer.log')],
      system: collectSystemInfo({ name: 'ProvinceDesk', version: '0.1.0', packaged: false }, new Date('2026-11-22T10:00:00Z')),
      settings: { ...DEFAULT_SETTINGS, serverUrl: 'https://user:pw@sync.example.go.th/path?token=abc', deviceName: 'โต๊ะคุณสมชาย 0812345678', backupFolder: '/home/somchai/Backups' },
      homeDir: '/home/somchai',
    });

    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).sort()).toEqual(['README.txt', 'info.json', 'logs/', 'logs/main.log', 'logs/main.old.log', 'settings.json']);
    for (const file of Object.values(zip.files)) {
      if (!file.dir) expectNoPersonalData(await file.async('string'));
    }

    const info = JSON.parse(await zip.file('info.json')!.async('string')) as Record<string, unknown>;
    expect(info).toMatchObject({ app: 'ProvinceDesk', version: '0.1.0', platform: process.platform, createdAt: '2026-11-22T10:00:00.000Z' });
    const settings = JSON.parse(await zip.file('settings.json')!.async('string')) as Record<string, unknown>;
    expect(settings).toMatchObject({ serverUrl: 'https://sync.example.go.th', deviceName: 'โต๊ะคุณสมชาย [phone]', backupFolder: '~/Backups', language: 'th' });
    expect(await zip.file('logs/main.log')!.async('string')).toContain('ProvinceDesk 0.1.0 started');
    expect(await zip.file('README.txt')!.async('string')).toContain('Log files not found: renderer.log');
  });

  it('keeps only the end of a long log, from a whole line', async () => {
    const log = path.join(dir, 'main.log');
    await writeFile(log, Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n'));
    const zip = await JSZip.loadAsync(await buildDiagnosticsZip({ logFiles: [log], system: {}, settings: DEFAULT_SETTINGS, maxLogBytes: 100 }));
    const text = await zip.file('logs/main.log')!.async('string');
    expect(text).toMatch(/^\[… \d+ earlier bytes left out\]\nline 9\d\d\n/);
    expect(text.endsWith('line 999')).toBe(true);
  });

  it('names the file with a date and no characters Windows refuses', () => {
    expect(diagnosticsFileName(new Date('2026-11-22T10:05:09Z'))).toBe('provincedesk-diagnostics-2026-11-22-10-05-09.zip');
  });
});
