import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import type { AppInfo } from 'app-builder-lib/out/appInfo';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseUpdateUrl } from './build-electron.mjs';

/**
 * The Electron binary cannot be fetched on the build machine we develop on, so `npm run dist`
 * cannot run here: this checks electron-builder.yml with electron-builder's own schema and
 * macro expander instead, plus the promises the installers make (per-user Windows install,
 * the targets, .pdbackup files, updates from our own server).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// js-yaml ships no types; electron-builder reads its YAML config with this same library.
const yaml = require('js-yaml') as { load(text: string): unknown };

let config: Configuration;

beforeAll(async () => {
  config = yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
});

type PublishEntry = { provider: string; url?: string };

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: it rejects a misplaced option', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, title: 'x' } as Configuration['nsis'] }, new DebugLogger(false))).rejects.toThrow(/title/);
  });

  it('names the app and points at the packed main process', async () => {
    expect(config.appId).toBe('th.go.ect.provincedesk');
    expect(config.productName).toBe('ProvinceDesk');
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string; description: string };
    expect(config.extraMetadata?.main).toBe(pkg.main);
    expect(pkg.description).toMatch(/Election Commission of Thailand/);
    // Thai and English descriptions for the Linux packages and the .desktop entry.
    expect(config.linux?.description).toMatch(/[\u0E00-\u0E7F]/);
    expect(config.linux?.description).toMatch(/Election Commission of Thailand/);
    expect(config.linux?.desktop?.entry?.['Comment[th]']).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('builds NSIS x64 for Windows, installed per user without administrator rights', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds AppImage and deb for Linux and a dmg for macOS', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('opens ProvinceDesk backup files', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations];
    expect(associations).toContainEqual(expect.objectContaining({ ext: 'pdbackup', name: 'ProvinceDesk Backup' }));
  });

  it('uses the icons generated into build/', async () => {
    for (const icon of [config.icon, config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(icon).toMatch(/^build\//);
      await expect(stat(path.join(root, icon as string))).resolves.toBeTruthy(); // build/icons is a folder of PNGs
    }
  });

  it('publishes to the organisation’s own server, taken from PROVINCEDESK_UPDATE_URL at build time', () => {
    const publish = config.publish as PublishEntry;
    expect(publish.provider).toBe('generic');
    expect(publish.url).toBe('${env.PROVINCEDESK_UPDATE_URL}');
    // electron-builder's own expander, as PublishManager applies it to every publish option.
    const appInfo = {} as AppInfo;
    const previous = process.env.PROVINCEDESK_UPDATE_URL;
    try {
      process.env.PROVINCEDESK_UPDATE_URL = 'https://sync.example.go.th/updates/';
      expect(expandMacro(publish.url ?? '', null, appInfo)).toBe('https://sync.example.go.th/updates/');
      delete process.env.PROVINCEDESK_UPDATE_URL;
      expect(() => expandMacro(publish.url ?? '', null, appInfo)).toThrow(/PROVINCEDESK_UPDATE_URL is not defined/);
    } finally {
      if (previous === undefined) delete process.env.PROVINCEDESK_UPDATE_URL;
      else process.env.PROVINCEDESK_UPDATE_URL = previous;
    }
  });

  it('refuses to build a release whose update feed is plain http (the address is baked into main, https only)', () => {
    expect(releaseUpdateUrl({ PROVINCEDESK_UPDATE_URL: 'https://sync.example.go.th/updates/' })).toBe('https://sync.example.go.th/updates/');
    expect(() => releaseUpdateUrl({ PROVINCEDESK_UPDATE_URL: 'http://sync.example.go.th/updates/' })).toThrow(/must be https/);
    expect(() => releaseUpdateUrl({ PROVINCEDESK_UPDATE_URL: 'sync.example.go.th' })).toThrow(/not an address/);
    // A development build has none (and does not update itself).
    expect(releaseUpdateUrl({})).toBeNull();
  });

  it('signs Windows builds with a certificate from the environment, and installed apps verify an update’s signature', () => {
    const win = config.win as NonNullable<Configuration['win']> & { signtoolOptions?: Record<string, unknown> };
    // No certificate or password in the file: WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_*) at build time.
    expect(win.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'] });
    // A developer's build without them still builds (unsigned); CI adds -c.forceCodeSigning=true.
    expect(config.forceCodeSigning).toBeUndefined();
    // The publisher name is the certificate's own (not set to null, which would switch the check off).
    expect(win.verifyUpdateCodeSignature).toBe(true);
    expect(win.signtoolOptions).not.toHaveProperty('publisherName');
  });

  it('flips Electron’s fuses, as electron-builder hands them to @electron/fuses', async () => {
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const { PlatformPackager } = await import('app-builder-lib');
    // electron-builder's own translation of electronFuses into the fuse wire it flips before signing.
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>> }).generateFuseConfig;
    expect(await generate.call({}, config.electronFuses)).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    });
    // The app is packed into an asar archive, which OnlyLoadAppFromAsar requires.
    expect(config.asar).toBe(true);
  });
});
