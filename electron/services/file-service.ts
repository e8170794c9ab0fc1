import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type DeskResult, type OpenedFile, type SaveFileResult } from '../../shared/ipc';

export interface WriteFileAtomicOptions {
  /** File mode of the new file (POSIX; Windows keeps only the read-only bit). Default 0o644. */
  mode?: number;
}

/**
 * Writes `data` so that `filePath` holds either the old content or the whole new content,
 * never a torn file, even if the laptop loses power mid-write: write a temp file in the same
 * folder, fsync it, rename it over the target (atomic on one file system), fsync the folder.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const directory = path.dirname(filePath);
  const tempPath = path.join(directory, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': fail rather than follow a planted file or symlink at the temp name.
  const handle = await open(tempPath, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals it. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems (network shares) refuse fsync on a folder; the data itself is synced.
  } finally {
    await handle.close();
  }
}

const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A sentence for the user about a file-system error, in Thai and English, without paths. */
export function describeFileError(error: unknown, fileName: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `ไม่พบไฟล์ "${fileName}" — "${fileName}" was not found.`;
    case 'EACCES':
    case 'EPERM':
      return `ไม่มีสิทธิ์เข้าถึงไฟล์ "${fileName}" — No permission to use "${fileName}".`;
    case 'ENOSPC':
      return `พื้นที่ดิสก์เต็ม บันทึก "${fileName}" ไม่ได้ — The disk is full; "${fileName}" was not saved.`;
    case 'EROFS':
      return `ตำแหน่งนี้เขียนไม่ได้ (อ่านอย่างเดียว) — "${fileName}" is on a read-only disk.`;
    case 'EBUSY':
      return `ไฟล์ "${fileName}" ถูกเปิดใช้อยู่ในโปรแกรมอื่น — "${fileName}" is open in another program.`;
    case 'EISDIR':
      return `"${fileName}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — "${fileName}" is a folder, not a file.`;
    default:
      return `ใช้ไฟล์ "${fileName}" ไม่ได้ — Could not use "${fileName}" (${code ?? 'unknown error'}).`;
  }
}

/** The saveFile handler after the native save dialog: write, and report failure as data. */
export async function saveFileTo(filePath: string, data: string | Uint8Array): Promise<DeskResult<SaveFileResult>> {
  const fileName = path.basename(filePath);
  try {
    await writeFileAtomic(filePath, data);
    return ok({ saved: true, fileName });
  } catch (error) {
    return fail('io', describeFileError(error, fileName));
  }
}

/**
 * Reads the files the user picked in the native open dialog. All or nothing: one file over
 * the limit (or unreadable) fails the whole call with a sentence naming it, so an import never
 * starts on half a selection.
 */
export async function readPickedFiles(paths: readonly string[], maxBytesPerFile: number): Promise<DeskResult<OpenedFile[]>> {
  const files: OpenedFile[] = [];
  for (const filePath of paths) {
    const name = path.basename(filePath);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return fail('io', describeFileError(Object.assign(new Error(), { code: 'EISDIR' }), name));
      if (info.size > maxBytesPerFile) return fail('io', tooLarge(name, info.size, maxBytesPerFile));
      const data = await readAtMost(filePath, maxBytesPerFile);
      // The file may have grown since stat: check what was actually read.
      if (data === null) return fail('io', tooLarge(name, Math.max(info.size, maxBytesPerFile + 1), maxBytesPerFile));
      files.push({ name, size: data.byteLength, data });
    } catch (error) {
      return fail('io', describeFileError(error, name));
    }
  }
  return ok(files);
}

function tooLarge(name: string, size: number, limit: number): string {
  return `ไฟล์ "${name}" ใหญ่เกินไป (${formatSize(size)} เกินกำหนด ${formatSize(limit)}) — "${name}" is too large: ${formatSize(size)}, the limit is ${formatSize(limit)}.`;
}

/** The file's bytes, or null if it holds more than `limit` bytes. */
async function readAtMost(filePath: string, limit: number): Promise<Uint8Array | null> {
  const handle = await open(filePath, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(4 * MB, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return null;
      chunks.push(chunk.subarray(0, bytesRead));
    }
    // One exact-size copy: a view into a larger buffer would send the whole buffer over IPC.
    const data = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      data.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return data;
  } finally {
    await handle.close();
  }
}
