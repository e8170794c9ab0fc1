import { resolveServerUrl, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from './sync-transport';

/**
 * "Online" means "our sync server answers", not "the OS has a network": a district office
 * often has Wi-Fi without a route to the server, and navigator.onLine / net.isOnline() say
 * yes there. So: probe GET {serverUrl}/v1/health with a short timeout, every interval and on
 * demand (main calls check() on resume from sleep and when the server address changes), and
 * report changes only.
 */

export interface IntervalTimer {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface OnlineMonitorOptions {
  getServerUrl: () => Promise<string | null> | string | null;
  /** Called with the first result, then only when it changes. */
  onChange: (online: boolean) => void;
  intervalMs?: number;
  timeoutMs?: number;
  timer?: IntervalTimer;
  fetch?: typeof fetch;
}

const systemTimer: IntervalTimer = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class OnlineMonitor {
  readonly #options: OnlineMonitorOptions;
  readonly #timer: IntervalTimer;
  readonly #fetch: typeof fetch;
  #handle: unknown = null;
  #online: boolean | null = null;
  #sequence = 0;
  #stopped = false;

  constructor(options: OnlineMonitorOptions) {
    this.#options = options;
    this.#timer = options.timer ?? systemTimer;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** null until the first probe has answered. */
  get online(): boolean | null {
    return this.#online;
  }

  start(): void {
    if (this.#handle !== null) return;
    this.#stopped = false;
    this.#handle = this.#timer.setInterval(() => void this.check(), this.#options.intervalMs ?? 30_000);
    void this.check();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#handle !== null) this.#timer.clearInterval(this.#handle);
    this.#handle = null;
  }

  /** Probes now. When probes overlap, the one started last decides. */
  async check(): Promise<boolean> {
    const sequence = ++this.#sequence;
    const online = await this.#probe();
    if (sequence === this.#sequence && !this.#stopped && online !== this.#online) {
      this.#online = online;
      this.#options.onChange(online);
    }
    return online;
  }

  async #probe(): Promise<boolean> {
    const serverUrl = await this.#options.getServerUrl();
    const url = serverUrl ? resolveServerUrl(serverUrl, '/v1/health') : null;
    if (!url) return false; // no usable server address: nothing to sync with
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#options.timeoutMs ?? 3_000);
    try {
      const response = await this.#fetch(url, {
        headers: { [SYNC_PROTOCOL_HEADER]: SYNC_PROTOCOL_VERSION },
        signal: controller.signal,
        redirect: 'manual',
        cache: 'no-store',
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
