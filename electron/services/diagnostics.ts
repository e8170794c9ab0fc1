import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Settings } from '../../shared/ipc';

/**
 * The "save diagnostics" bundle for support: the log files, versions and OS, and the settings,
 * in one zip. Support needs to see what went wrong, never whom the office serves, so every text
 * that goes in passes through redactPersonalData first (logs should hold no personal data, but a
 * server error message may quote a record). The token is never in it: it lives in
 * credentials-store, which this module does not read.
 */

const REDACTED = '[redacted]';

// Thai national ID: 13 digits, alone or as 1-2345-67890-12-3 (also with spaces). Also hits a
// 13-digit epoch-milliseconds number, which costs support nothing.
const NATIONAL_ID = /(?<![\d-])\d(?:[- ]?\d){12}(?![\d-])/g;
// Thai phone numbers: 0 + 8 digits (landline 02-123-4567, 053-123-456) or 0 + 9 (mobile
// 081-234-5678), or +66 without the leading 0; separated by '-' or spaces or not at all.
const THAI_PHONE = /(?<![\d+])(?:\+66[- ]?|0)\d(?:[- ]?\d){7,8}(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
// "token": "…", password=…, Authorization: … in JSON, query strings and headers.
const SECRET_FIELD = /((?:["']?)(?:token|access_?token|refresh_?token|password|secret|authorization|cookie)(?:["']?)\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi;

export interface RedactOptions {
  /** The user's home folder: replaced by ~ so a Windows/Linux user name never appears in paths. */
  homeDir?: string;
}

export function redactPersonalData(text: string, options: RedactOptions = {}): string {
  let result = text;
  if (options.homeDir && options.homeDir.length > 1) {
    result = result.split(options.homeDir).join('~');
    // Paths inside JSON strings on Windows have doubled backslashes.
    const escaped = JSON.stringify(options.homeDir).slice(1, -1);
    if (escaped !== options.homeDir) result = result.split(escaped).join('~');
  }
  return result
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_FIELD, `$1${REDACTED}`)
    .replace(EMAIL, '[e-mail]')
    .replace(NATIONAL_ID, '[id]')
    .replace(THAI_PHONE, '[phone]');
}

/** The settings support may see: the device name and folders pass the redactor like any text. */
function settingsForSupport(settings: Settings): Record<string, unknown> {
  return { ...settings, serverUrl: settings.serverUrl ? safeOrigin(settings.serverUrl) : null };
}

/** Only scheme, host and port: a URL can carry a user name or a token in its query. */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return REDACTED;
  }
}

export type SystemInfo = Record<string, string | number | boolean | null>;

/** Versions and OS facts; nothing that names the user (no host name, no user name). */
export function collectSystemInfo(app: { name: string; version: string; packaged: boolean }, now: Date = new Date()): SystemInfo {
  return {
    app: app.name,
    version: app.version,
    packaged: app.packaged,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    osVersion: typeof os.version === 'function' ? os.version() : null,
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    freeMemoryMb: Math.round(os.freemem() / 1024 / 1024),
    cpus: os.cpus().length,
    uptimeHours: Math.round(process.uptime() / 36) / 100,
    createdAt: now.toISOString(),
  };
}

export interface DiagnosticsInput {
  /** Log files to include; missing ones are skipped (a fresh install has no old log). */
  logFiles: readonly string[];
  system: SystemInfo;
  settings: Settings;
  homeDir?: string;
  /** Only the end of a long log goes in: the recent past is what support reads. Default 2 MB. */
  maxLogBytes?: number;
}

/** Builds the zip: info.json, settings.json, logs/<file>; every text redacted. */
export async function buildDiagnosticsZip(input: DiagnosticsInput): Promise<Uint8Array> {
  const redact = (text: string) => redactPersonalData(text, { homeDir: input.homeDir ?? os.homedir() });
  const zip = new JSZip();
  zip.file('info.json', redact(`${JSON.stringify(input.system, null, 2)}\n`));
  zip.file('settings.json', redact(`${JSON.stringify(settingsForSupport(input.settings), null, 2)}\n`));
  const missing: string[] = [];
  for (const file of input.logFiles) {
    const text = await readTail(file, input.maxLogBytes ?? 2 * 1024 * 1024);
    if (text === null) missing.push(path.basename(file));
    else zip.file(`logs/${path.basename(file)}`, redact(text));
  }
  zip.file(
    'README.txt',
    [
      'ProvinceDesk diagnostics — ข้อมูลวินิจฉัยสำหรับฝ่ายสนับสนุน',
      'Personal data (ID numbers, phone numbers, e-mail addresses, tokens) has been replaced by [id], [phone], [e-mail], [redacted].',
      'เลขประจำตัวประชาชน เบอร์โทรศัพท์ อีเมล และโทเค็น ถูกแทนที่ด้วย [id] [phone] [e-mail] [redacted] แล้ว',
      missing.length > 0 ? `Log files not found: ${missing.join(', ')}` : '',
      '',
    ].join('\n'),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export function diagnosticsFileName(now: Date): string {
  return `provincedesk-diagnostics-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`;
}

/** The last maxBytes of a file as text (starting at a line), or null when it does not exist. */
async function readTail(file: string, maxBytes: number): Promise<string | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    if (length === size) return text;
    const firstLine = text.indexOf('\n');
    return `[… ${size - length} earlier bytes left out]\n${firstLine >= 0 ? text.slice(firstLine + 1) : text}`;
  } finally {
    await handle.close();
  }
}
