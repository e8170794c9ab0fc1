import type { UpdateStatus } from '../../shared/ipc';
import { fail, ok, type DeskResult } from '../../shared/ipc';

/**
 * Self-update from the organisation's own update feed (electron-updater's generic provider), at the one
 * https address fixed when the release was built (update-feed.ts) — never the server address in Settings.
 * The rules the offices asked for:
 *  - check only when the sync server answers (OnlineMonitor), at most every few hours;
 *  - download in the background, never ask in the middle of work;
 *  - install when the app quits (or on "restart now"), so nothing typed is lost: every edit is
 *    already in IndexedDB and unsynced changes wait in the outbox, which survives the restart;
 *  - tell the renderer each step (an 'update-status' desk event) for a Thai notice.
 * electron-updater's autoUpdater imports 'electron', so main passes it in as an UpdaterLike.
 */

export interface UpdateInfoLike {
  version: string;
}

export interface UpdateCheckResultLike {
  updateInfo: UpdateInfoLike;
  /** electron-updater ≥ 6.3 says whether the feed's version is newer than the running one. */
  isUpdateAvailable: boolean;
}

/** The part of electron-updater's AppUpdater this service uses (autoUpdater satisfies it). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<UpdateCheckResultLike | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
}

export interface UpdateServiceLogger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
}

export interface UpdateServiceOptions {
  updater: UpdaterLike;
  /** false in an unpackaged build and wherever self-update is not possible (deb: the package manager updates). */
  enabled: boolean;
  /** OnlineMonitor's answer: null until the first probe. */
  isOnline: () => boolean | null;
  /** The fixed feed (fixedUpdateFeed of the build's address); null: this build does not update itself. */
  feedUrl: string | null;
  notify: (status: UpdateStatus) => void;
  /** Automatic checks at most this often; default 6 hours. A manual check ignores it. */
  minIntervalMs?: number;
  now?: () => Date;
  logger?: UpdateServiceLogger;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

export class UpdateService {
  readonly #options: UpdateServiceOptions;
  readonly #now: () => Date;
  readonly #logger: UpdateServiceLogger;
  #status: UpdateStatus;
  #lastCheckedAt: Date | null = null;
  #running: Promise<UpdateStatus> | null = null;

  constructor(options: UpdateServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? console;
    this.#status = this.#enabled ? { state: 'idle', lastCheckedAt: null } : { state: 'unsupported' };
    if (!this.#enabled) return;
    // We download ourselves after a check, so a check never starts a download we did not decide on.
    options.updater.autoDownload = false;
    options.updater.autoInstallOnAppQuit = true;
    // Set once: nothing at run time can point the updater anywhere else.
    options.updater.setFeedURL({ provider: 'generic', url: options.feedUrl as string });
    options.updater.on('download-progress', (progress) => {
      if (this.#status.state === 'downloading') this.#set({ ...this.#status, percent: Math.round(progress.percent) });
    });
  }

  get #enabled(): boolean {
    return this.#options.enabled && this.#options.feedUrl !== null;
  }

  get status(): UpdateStatus {
    return this.#status;
  }

  /**
   * For timers and "we are online again": checks only if online, nothing is under way or ready,
   * and the last check is older than the interval.
   */
  async maybeCheck(): Promise<UpdateStatus> {
    if (!this.#enabled || this.#running) return this.#status;
    if (this.#status.state === 'ready' || this.#status.state === 'downloading') return this.#status;
    const last = this.#lastCheckedAt;
    if (last && this.#now().getTime() - last.getTime() < (this.#options.minIntervalMs ?? SIX_HOURS)) return this.#status;
    return this.check();
  }

  /** "Check now" from the settings page: still only when online. */
  check(): Promise<UpdateStatus> {
    if (!this.#enabled) return Promise.resolve(this.#status);
    if (this.#status.state === 'ready') return Promise.resolve(this.#status);
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Restart into the downloaded update now. */
  installNow(): DeskResult<void> {
    if (this.#status.state !== 'ready') return fail('not-found', 'ยังไม่มีรุ่นใหม่ที่ดาวน์โหลดเสร็จ — No update has been downloaded yet');
    this.#logger.info(`update: restarting into ${this.#status.version}`);
    // Silent: the per-user installer needs no questions; force-run: the app comes back by itself.
    this.#options.updater.quitAndInstall(true, true);
    return ok(undefined);
  }

  async #run(): Promise<UpdateStatus> {
    const lastCheckedAt = this.#lastCheckedAt?.toISOString() ?? null;
    const feed = this.#options.feedUrl;
    if (this.#options.isOnline() !== true) return this.#set({ state: 'offline', lastCheckedAt });

    this.#set({ state: 'checking' });
    try {
      const result = await this.#options.updater.checkForUpdates();
      this.#lastCheckedAt = this.#now();
      if (!result || !result.isUpdateAvailable) return this.#set({ state: 'up-to-date', lastCheckedAt: this.#lastCheckedAt.toISOString() });

      const version = result.updateInfo.version;
      this.#logger.info(`update: ${version} found at ${feed}, downloading`);
      this.#set({ state: 'downloading', version, percent: 0 });
      await this.#options.updater.downloadUpdate();
      this.#logger.info(`update: ${version} downloaded; installs when ProvinceDesk closes`);
      return this.#set({ state: 'ready', version });
    } catch (error) {
      this.#lastCheckedAt ??= this.#now();
      this.#logger.warn(`update: check or download from ${feed} failed`, error);
      return this.#set({ state: 'error', message: shortMessage(error), lastCheckedAt: this.#lastCheckedAt.toISOString() });
    }
  }

  #set(status: UpdateStatus): UpdateStatus {
    this.#status = status;
    this.#options.notify(status);
    return status;
  }
}

/** The first line only: electron-updater's messages carry a stack and the whole HTTP response. */
function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
