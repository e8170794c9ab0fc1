import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainMissingElectron, findElectronBinary, resolveElectronPackageDir } from './electron-binary.mjs';

let dir: string;
let packageDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-electron-binary-'));
  packageDir = path.join(dir, 'node_modules', 'electron');
  await mkdir(packageDir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{"name":"app"}');
  await writeFile(path.join(packageDir, 'package.json'), '{"name":"electron","version":"40.0.0","main":"index.js"}');
  await writeFile(path.join(packageDir, 'index.js'), 'module.exports = "x"');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function download(executable = 'electron'): Promise<string> {
  await writeFile(path.join(packageDir, 'path.txt'), executable);
  const executablePath = path.join(packageDir, 'dist', executable);
  await mkdir(path.dirname(executablePath), { recursive: true });
  await writeFile(executablePath, '');
  return executablePath;
}

describe('findElectronBinary', () => {
  it('finds the downloaded runtime through path.txt', async () => {
    const executablePath = await download('electron');
    expect(resolveElectronPackageDir(dir)).toBe(packageDir);
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ ok: true, executablePath });
  });

  it('follows path.txt on macOS and Windows layouts', async () => {
    const executablePath = await download(path.join('Electron.app', 'Contents', 'MacOS', 'Electron'));
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ ok: true, executablePath });
  });

  it('reports not-downloaded when install.js never ran (ELECTRON_SKIP_BINARY_DOWNLOAD, offline)', () => {
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ ok: false, reason: 'not-downloaded', packageDir });
  });

  it('reports missing-executable when path.txt is there but dist is not', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ ok: false, reason: 'missing-executable', packageDir });
  });

  it('reports not-installed when the package is absent', async () => {
    // A folder of its own: under `dir`, resolution would walk up to dir/node_modules.
    const empty = await mkdtemp(path.join(tmpdir(), 'provincedesk-no-electron-'));
    try {
      expect(resolveElectronPackageDir(empty)).toBeNull();
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    expect(findElectronBinary({ packageDir: null, env: {} })).toMatchObject({ ok: false, reason: 'not-installed' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const custom = path.join(dir, 'custom-electron');
    await mkdir(custom);
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: custom } })).toMatchObject({ ok: false, reason: 'missing-executable' });
    await writeFile(path.join(custom, 'electron'), '');
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: custom } })).toEqual({ ok: true, executablePath: path.join(custom, 'electron') });
  });
});

describe('explainMissingElectron', () => {
  it('says what happened, what to run, the browser alternative, and one line in Thai', () => {
    const text = explainMissingElectron({ ok: false, reason: 'not-downloaded', packageDir }, {});
    expect(text).toContain('runtime was never downloaded');
    expect(text).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(text).toContain('npm rebuild electron');
    expect(text).toContain('node node_modules/electron/install.js');
    expect(text).toContain('npm run start:web');
    expect(text.split('\n').filter((line) => /[ก-๙]/.test(line))).toHaveLength(1);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('warns when ELECTRON_SKIP_BINARY_DOWNLOAD is still set in the shell', () => {
    const text = explainMissingElectron({ ok: false, reason: 'not-downloaded', packageDir }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(text).toContain('unset it first');
  });

  it('asks for npm install when the package itself is missing', () => {
    expect(explainMissingElectron({ ok: false, reason: 'not-installed', packageDir: null }, {})).toContain('run `npm install` first');
  });
});
