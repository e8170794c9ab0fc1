import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Is the Electron runtime on disk? The `electron` npm package is only a launcher: its
 * postinstall (install.js) downloads the runtime into node_modules/electron/dist and writes
 * the executable's name to path.txt. Offline installs, or ELECTRON_SKIP_BINARY_DOWNLOAD=1,
 * leave both out, and then `require('electron')` throws an unhelpful "failed to install
 * correctly". The same lookup as node_modules/electron/index.js, without the throw.
 */

/** The folder of the installed `electron` package, or null when it is not installed. */
export function resolveElectronPackageDir(fromDir = process.cwd()) {
  try {
    const require = createRequire(path.join(fromDir, 'package.json'));
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * @returns {{ ok: true, executablePath: string } | { ok: false, reason: 'not-installed' | 'not-downloaded' | 'missing-executable', packageDir: string | null }}
 */
export function findElectronBinary({ packageDir, env = process.env } = {}) {
  if (!packageDir || !existsSync(path.join(packageDir, 'package.json'))) {
    return { ok: false, reason: 'not-installed', packageDir: packageDir ?? null };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executableName = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executablePath = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName || 'electron');
    return existsSync(executablePath) ? { ok: true, executablePath } : { ok: false, reason: 'missing-executable', packageDir };
  }
  if (!executableName) return { ok: false, reason: 'not-downloaded', packageDir };
  const executablePath = path.join(packageDir, 'dist', executableName);
  return existsSync(executablePath) ? { ok: true, executablePath } : { ok: false, reason: 'missing-executable', packageDir };
}

/** What to tell a person who ran `npm start` without the runtime: what happened, what to do. */
export function explainMissingElectron(result, env = process.env) {
  const what =
    result.reason === 'not-installed'
      ? 'The electron package is not installed (node_modules/electron is missing): run `npm install` first.'
      : 'The electron package is installed, but its runtime was never downloaded (node_modules/electron/dist is missing or incomplete).\n' +
        'That happens when `npm install` ran without internet access or with ELECTRON_SKIP_BINARY_DOWNLOAD=1.';
  const skipSet = env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? ['', 'ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell: unset it first, or the download is skipped again.']
    : [];
  return [
    'ProvinceDesk cannot start as a desktop app: the Electron runtime is not on this computer.',
    '',
    what,
    ...skipSet,
    '',
    'To get it, with an internet connection, run one of:',
    '  npm rebuild electron',
    '  node node_modules/electron/install.js',
    '',
    'In the meantime, `npm run start:web` runs the same app in your web browser.',
    '',
    'ยังไม่มีโปรแกรม Electron ในเครื่องนี้ — ต่ออินเทอร์เน็ตแล้วรัน npm rebuild electron หรือใช้ npm run start:web เพื่อเปิดโปรแกรมในเว็บเบราว์เซอร์',
  ].join('\n');
}
