import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import type { AppUpdater } from 'electron-updater';
import type { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import type { ResolvedUpdateFileInfo } from 'electron-updater/out/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/ipc';
import { startServer, type RunningServer } from '../../server/app';
import { publishUpdate } from '../../server/updates/update-files';
import { fixedUpdateFeed } from './update-feed';
import { UpdateService, type UpdaterLike } from './update-service';

/**
 * The update service against the project's own server (GET /updates/<file>, PGlite store), with an
 * updater that reads the feed with electron-updater's own GenericProvider — the code the installed
 * app runs — over real HTTP. Only Electron's parts (app version, installer launch) are stand-ins.
 */

// electron-updater compares versions with semver too; it ships no types here.
const semver = createRequire(import.meta.url)('semver') as { gt(a: string, b: string): boolean };

// Compile-time proof that main can pass electron-updater's autoUpdater as an UpdaterLike.
export const autoUpdaterFits = (updater: AppUpdater): UpdaterLike => updater;

const installer = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
const sha512 = createHash('sha512').update(installer).digest('base64');

/** latest.yml as electron-builder writes it for an NSIS build. */
function manifest(version: string, file: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${installer.length}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-22T10:00:00.000Z'",
    '',
  ].join('\n');
}

/** electron-updater's generic provider and HTTP client; downloads verify the manifest's sha512. */
class FeedUpdater implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  feedUrl: string | null = null;
  feedSets = 0;
  checks = 0;
  downloaded: Buffer | null = null;
  installCalls: Array<[boolean | undefined, boolean | undefined]> = [];
  readonly #progress: Array<(progress: { percent: number }) => void> = [];
  #files: ResolvedUpdateFileInfo[] = [];

  constructor(
    readonly currentVersion: string,
    readonly platform: 'win32' | 'linux' = 'win32',
  ) {}

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feedUrl = options.url;
    this.feedSets++;
  }

  async checkForUpdates() {
    this.checks++;
    const provider = new GenericProvider(
      { provider: 'generic', url: this.feedUrl ?? '' },
      // The provider reads only these two fields of the updater.
      { channel: null, isAddNoCacheQuery: false } as unknown as AppUpdater,
      // NodeHttpExecutor and ElectronHttpExecutor are both builder-util-runtime HttpExecutors.
      { executor: new NodeHttpExecutor() as unknown as ElectronHttpExecutor, platform: this.platform, isUseMultipleRangeRequest: false },
    );
    const updateInfo = await provider.getLatestVersion();
    this.#files = provider.resolveFiles(updateInfo);
    return { updateInfo, isUpdateAvailable: semver.gt(updateInfo.version, this.currentVersion) };
  }

  async downloadUpdate() {
    const file = this.#files[0];
    if (!file) throw new Error('no file to download');
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${file.url.href}`);
    const data = Buffer.from(await response.arrayBuffer());
    this.#progress.forEach((listener) => listener({ percent: 100 }));
    if (createHash('sha512').update(data).digest('base64') !== file.info.sha512) throw new Error('sha512 checksum mismatch');
    this.downloaded = data;
    return [file.url.href];
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installCalls.push([isSilent, isForceRunAfter]);
  }

  on(_event: 'download-progress', listener: (progress: { percent: number }) => void) {
    this.#progress.push(listener);
    return this;
  }
}

let server: RunningServer;
let release: string;
let updatesDir: string;

beforeAll(async () => {
  release = await mkdtemp(path.join(tmpdir(), 'pd-release-'));
  updatesDir = await mkdtemp(path.join(tmpdir(), 'pd-updates-'));
  await writeFile(path.join(release, 'ProvinceDesk-Setup-0.2.0.exe'), installer);
  await writeFile(path.join(release, 'latest.yml'), manifest('0.2.0', 'ProvinceDesk-Setup-0.2.0.exe'));
  await writeFile(path.join(release, 'ProvinceDesk-0.2.0.AppImage'), installer);
  await writeFile(path.join(release, 'latest-linux.yml'), manifest('0.2.0', 'ProvinceDesk-0.2.0.AppImage'));
  await publishUpdate(release, updatesDir);
  server = await startServer({ store: { kind: 'pglite' }, updatesDir });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(release, { recursive: true, force: true });
  await rm(updatesDir, { recursive: true, force: true });
});

/** The service as main builds it; the feed is the test server's (plain http on loopback: fixedUpdateFeed, which main applies, is tested below). */
function serviceWith(updater: UpdaterLike, overrides: { online?: boolean | null; feedUrl?: string | null; now?: () => Date; enabled?: boolean } = {}) {
  const events: UpdateStatus[] = [];
  const service = new UpdateService({
    updater,
    enabled: overrides.enabled ?? true,
    isOnline: () => (overrides.online === undefined ? true : overrides.online),
    feedUrl: overrides.feedUrl === undefined ? `${server.url}/updates/` : overrides.feedUrl,
    notify: (status) => events.push(status),
    now: overrides.now,
    logger: { info: () => undefined, warn: () => undefined },
  });
  return { service, events };
}

describe('UpdateService with the project server’s update feed', () => {
  it('finds a newer version in latest.yml, downloads it in the background and waits to install on quit', async () => {
    const updater = new FeedUpdater('0.1.0');
    const { service, events } = serviceWith(updater);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);

    const status = await service.check();

    expect(updater.feedUrl).toBe(`${server.url}/updates/`);
    expect(status).toEqual({ state: 'ready', version: '0.2.0' });
    expect(events.map((e) => e.state)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(events[2]).toEqual({ state: 'downloading', version: '0.2.0', percent: 100 });
    expect(updater.downloaded?.equals(installer)).toBe(true);
    // Nothing restarts by itself: the update waits for quit (or "restart now").
    expect(updater.installCalls).toEqual([]);
    expect(service.installNow()).toEqual({ ok: true, value: undefined });
    expect(updater.installCalls).toEqual([[true, true]]);
  });

  it('reads latest-linux.yml for Linux, the way electron-updater names its channel there', async () => {
    const updater = new FeedUpdater('0.1.0', 'linux');
    const { service } = serviceWith(updater);
    expect(await service.check()).toEqual({ state: 'ready', version: '0.2.0' });
  });

  it('says up to date when the running version is the published one', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const updater = new FeedUpdater('0.2.0');
    const { service, events } = serviceWith(updater, { now: () => now });
    expect(await service.check()).toEqual({ state: 'up-to-date', lastCheckedAt: now.toISOString() });
    expect(events.map((e) => e.state)).toEqual(['checking', 'up-to-date']);
    expect(service.installNow()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('never checks while offline, and never without a fixed feed', async () => {
    for (const overrides of [{ online: false }, { online: null }]) {
      const updater = new FeedUpdater('0.1.0');
      const { service } = serviceWith(updater, overrides);
      expect(await service.maybeCheck()).toEqual({ state: 'offline', lastCheckedAt: null });
      expect(await service.check()).toEqual({ state: 'offline', lastCheckedAt: null });
      expect(updater.checks).toBe(0);
    }
    const updater = new FeedUpdater('0.1.0');
    const { service } = serviceWith(updater, { feedUrl: null });
    expect(await service.check()).toEqual({ state: 'unsupported' });
    expect(updater.checks + updater.feedSets).toBe(0);
  });

  it('uses the one feed fixed when it was built, set once: nothing at run time points it elsewhere (issue 18)', async () => {
    const updater = new FeedUpdater('0.2.0');
    const { service } = serviceWith(updater);
    expect(updater).toMatchObject({ feedUrl: `${server.url}/updates/`, feedSets: 1 });
    await service.check();
    await service.check();
    expect(updater).toMatchObject({ feedUrl: `${server.url}/updates/`, feedSets: 1, checks: 2 });
  });

  it('checks automatically at most every six hours, and once even when asked twice at once', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const updater = new FeedUpdater('0.2.0');
    const { service } = serviceWith(updater, { now: () => now });
    await Promise.all([service.maybeCheck(), service.maybeCheck()]);
    expect(updater.checks).toBe(1);
    now = new Date('2026-11-22T15:59:00Z');
    await service.maybeCheck();
    expect(updater.checks).toBe(1);
    now = new Date('2026-11-22T16:01:00Z');
    await service.maybeCheck();
    expect(updater.checks).toBe(2);
    // "Check now" in the settings page does not wait for the interval.
    await service.check();
    expect(updater.checks).toBe(3);
  });

  it('reports a feed without a manifest as an error, in one line', async () => {
    const empty = await startServer({ store: { kind: 'pglite' }, updatesDir: path.join(updatesDir, 'missing') });
    try {
      const updater = new FeedUpdater('0.1.0');
      const { service } = serviceWith(updater, { feedUrl: `${empty.url}/updates/` });
      const status = await service.check();
      expect(updater.feedUrl).toBe(`${empty.url}/updates/`);
      expect(status).toMatchObject({ state: 'error', message: expect.stringContaining('latest.yml') });
      expect(status.state === 'error' && status.message.includes('\n')).toBe(false);
    } finally {
      await empty.close();
    }
  });

  it('does nothing in an unpackaged build', async () => {
    const updater = new FeedUpdater('0.1.0');
    const { service, events } = serviceWith(updater, { enabled: false });
    expect(service.status).toEqual({ state: 'unsupported' });
    expect(await service.check()).toEqual({ state: 'unsupported' });
    expect(updater.checks).toBe(0);
    expect(updater.autoDownload).toBe(true); // untouched
    expect(events).toEqual([]);
  });
});

describe('fixedUpdateFeed', () => {
  it('takes only a plain https address, as the folder the manifests are in', () => {
    expect(fixedUpdateFeed('https://sync.example.go.th/updates')).toBe('https://sync.example.go.th/updates/');
    expect(fixedUpdateFeed('https://sync.example.go.th/provincedesk/updates/')).toBe('https://sync.example.go.th/provincedesk/updates/');
    // Plain http: anyone on the line could swap the installer.
    expect(fixedUpdateFeed('http://sync.example.go.th/updates/')).toBeNull();
    expect(fixedUpdateFeed('http://127.0.0.1:8787/updates/')).toBeNull();
    for (const bad of ['file:///etc/passwd', 'https://user:secret@sync.example.go.th/updates/', 'https://sync.example.go.th/updates/?x=1', 'not a url', '', null, undefined]) {
      expect(fixedUpdateFeed(bad)).toBeNull();
    }
  });
});
