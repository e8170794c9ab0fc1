import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The desktop app's update files, as electron-builder writes them for the generic provider:
 * latest.yml / latest-linux.yml / latest-mac.yml manifests, the installers and their
 * .blockmap files. The server only serves what an administrator published into one folder.
 */
const UPDATE_FILE = /^(latest(-[a-z0-9]+)?\.yml|[A-Za-z0-9][A-Za-z0-9._ -]{0,200}\.(exe|AppImage|deb|dmg|zip|blockmap))$/;

export function isUpdateFileName(name: string): boolean {
  return UPDATE_FILE.test(name) && !name.includes('..');
}

export function isManifest(name: string): boolean {
  return /^latest(-[a-z0-9]+)?\.yml$/.test(name);
}

/** The path of a published file, or undefined when the name is not one we serve or the file is missing. */
export async function resolveUpdateFile(updatesDir: string, name: string): Promise<{ path: string; size: number } | undefined> {
  if (!isUpdateFileName(name)) return undefined;
  const filePath = path.join(updatesDir, name);
  try {
    const info = await stat(filePath);
    return info.isFile() ? { path: filePath, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

export function contentTypeOfUpdate(name: string): string {
  if (name.endsWith('.yml')) return 'text/yaml; charset=utf-8';
  return 'application/octet-stream';
}

/** A single `bytes=start-end` range within size, or 'invalid'; undefined when there is no Range header. */
export function parseByteRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : 'invalid';
}

/**
 * Publishes a release folder: installers and blockmaps first, the manifests last, each by copy to
 * a temporary name and rename — a device never sees a manifest that names a file not yet there.
 */
export async function publishUpdate(fromDir: string, updatesDir: string): Promise<string[]> {
  const names = (await readdir(fromDir)).filter(isUpdateFileName);
  if (!names.some(isManifest)) throw new Error(`no latest*.yml in ${fromDir}: build the release with electron-builder first`);
  await mkdir(updatesDir, { recursive: true });
  const ordered = [...names.filter((n) => !isManifest(n)), ...names.filter(isManifest)];
  for (const name of ordered) {
    const temporary = path.join(updatesDir, `.${name}.partial`);
    await copyFile(path.join(fromDir, name), temporary);
    await rename(temporary, path.join(updatesDir, name));
  }
  return ordered;
}
