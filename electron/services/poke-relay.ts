import type { DeskResult, SyncSession } from '../../shared/ipc';
import { PokeStream } from '../../shared/sync/poke-stream';

export interface PokeRelayOptions {
  getSession(): Promise<DeskResult<SyncSession | null>>;
  getToken(): Promise<DeskResult<string | null>>;
  onPoke(): void;
  fetch?: typeof fetch;
}

/**
 * Main's listener for the server's live pokes, relayed to the renderer as 'poke' events. Follows
 * the session: started when someone is signed in, restarted on a new session or after the network
 * comes back, stopped on sign-out. The token stays in main.
 */
export class PokeRelay {
  #serverUrl: string | null = null;
  #token: string | null = null;
  readonly #stream: PokeStream;

  constructor(private readonly options: PokeRelayOptions) {
    this.#stream = new PokeStream({ serverUrl: () => this.#serverUrl, token: () => this.#token, onPoke: options.onPoke, fetch: options.fetch });
  }

  get listening(): boolean {
    return this.#stream.running;
  }

  async refresh(): Promise<void> {
    this.#stream.stop();
    const session = await this.options.getSession();
    const token = await this.options.getToken();
    this.#serverUrl = session.ok && session.value ? session.value.serverUrl : null;
    this.#token = token.ok ? token.value : null;
    if (this.#serverUrl && this.#token) this.#stream.start();
  }

  stop(): void {
    this.#stream.stop();
  }
}
