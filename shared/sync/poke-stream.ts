import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION } from './protocol';

export interface PokeStreamOptions {
  serverUrl: () => string | null;
  token: () => string | null;
  /** The server said records in this device's scope changed: pull soon. */
  onPoke: () => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Listens to the server's `GET /v1/events` (server-sent events) and reports each `poke`.
 * Uses fetch rather than EventSource, which cannot send the Authorization header. Reconnects with
 * a growing pause; stops for good on 401 (signed out) or when stopped. Runs in main and in the
 * browser shell alike.
 */
export class PokeStream {
  private controller: AbortController | null = null;
  private retryMs = 2_000;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PokeStreamOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get running(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.loop(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = null;
    });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const serverUrl = this.options.serverUrl();
      const token = this.options.token();
      if (!serverUrl || !token) return;
      try {
        const response = await this.fetch(new URL('v1/events', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`), {
          headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION), Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          signal,
        });
        if (response.status === 401) return;
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.retryMs = 2_000;
        await this.read(response.body, signal);
      } catch {
        if (signal.aborted) return;
      }
      await this.sleep(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 60_000);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: ?poke$/m.test(message)) this.options.onPoke();
      }
    }
  }
}
