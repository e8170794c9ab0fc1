// Revealing a person's full national ID (issue 18, PDPA): always through the server, which checks the
// user's role and office and writes the audit entry itself (POST /v1/people/:id/reveal). Offline there is
// no reveal — the user is told it needs the server — so no reveal ever goes unrecorded.

import type { SyncRunResult } from './sync-agent';
import { SyncCallError, SyncClient, type SyncRequester } from './sync-client';

export type RevealOutcome =
  | { ok: true; nationalId: string | null }
  | {
      ok: false;
      /** offline: no server; signed-out: no sign-in; not-allowed: the role or office may not; not-found: not on the server. */
      reason: 'offline' | 'signed-out' | 'not-allowed' | 'not-found' | 'failed';
      /** The server's own Thai sentence, when it gave one. */
      message: string | null;
    };

export interface PersonRevealOptions {
  request: SyncRequester;
  isSignedIn: () => Promise<boolean>;
  /** A sync run: the person may not be on the server yet, and the server's audit entry comes down with it. */
  sync: (reason: string) => Promise<SyncRunResult>;
}

export class PersonReveal {
  private readonly client: SyncClient;

  constructor(private readonly options: PersonRevealOptions) {
    this.client = new SyncClient(options.request);
  }

  async nationalId(memberId: string): Promise<RevealOutcome> {
    if (!(await this.options.isSignedIn().catch(() => false))) return { ok: false, reason: 'signed-out', message: null };
    let outcome = await this.ask(memberId);
    if (!outcome.ok && outcome.reason === 'not-found') {
      // A person typed here and not sent yet: send, then ask again.
      const synced = await this.options.sync('reveal');
      if (synced.ok) outcome = await this.ask(memberId);
    }
    // The audit entry the server wrote comes down with the next pull; fetch it now.
    if (outcome.ok) void this.options.sync('reveal');
    return outcome;
  }

  private async ask(memberId: string): Promise<RevealOutcome> {
    try {
      const answer = await this.client.revealNationalId(memberId);
      return { ok: true, nationalId: answer.nationalId };
    } catch (error) {
      if (!(error instanceof SyncCallError)) return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : null };
      if (error.kind === 'network') return { ok: false, reason: 'offline', message: null };
      if (error.code === 'unauthorized') return { ok: false, reason: 'signed-out', message: error.message };
      if (error.code === 'forbidden') return { ok: false, reason: 'not-allowed', message: error.message };
      if (error.code === 'not-found') return { ok: false, reason: 'not-found', message: error.message };
      return { ok: false, reason: 'failed', message: error.message };
    }
  }
}
