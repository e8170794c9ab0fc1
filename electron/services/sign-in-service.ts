import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  fail,
  ok,
  SettingsPatchSchema,
  SyncSessionSchema,
  type DeskResult,
  type Settings,
  type SettingsPatch,
  type SignInRequest,
  type SyncHttpRequest,
  type SyncHttpResponse,
  type SyncSession,
} from '../../shared/ipc';
import { LoginResponse } from '../../shared/sync/protocol';
import { writeFileAtomic } from './file-service';

/**
 * Sign-in on the main side (issue 3): the renderer sends server address, user name, password and device
 * name; main logs in through the SyncTransport, keeps the token encrypted (CredentialsStore) and hands back
 * only who signed in. The session (no secret in it) is a small JSON file next to the settings.
 *
 * Order matters: the old token is dropped before the server address changes, so it is never sent to
 * another server; a token is saved before the session file, so a session never exists without one. That
 * holds for every way the address changes: a sign-in to another server, and a new address in Settings
 * (updateSettings), which signs the computer out first (issue 18). The outbox stays: it is pushed after the
 * next sign-in, wherever that is (the renderer asks the user first, in Thai).
 */

export interface SignInTransport {
  request(request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>>;
}

export interface SignInCredentials {
  getServerToken(): Promise<DeskResult<string | null>>;
  setServerToken(token: string): Promise<DeskResult<void>>;
  clearServerToken(): Promise<DeskResult<void>>;
}

export interface SignInSettings {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<DeskResult<Settings>>;
}

export interface SignInServiceOptions {
  directory: string;
  transport: SignInTransport;
  credentials: SignInCredentials;
  settings: SignInSettings;
  /** main sends it to the renderer as a 'session-changed' event. */
  onSessionChange?: (session: SyncSession | null) => void;
  now?: () => Date;
  fileName?: string;
  logger?: { warn(message: string, error?: unknown): void };
}

const FILE_FORMAT = 'provincedesk.session';
const SessionFileSchema = z.object({ format: z.literal(FILE_FORMAT), version: z.literal(1), session: SyncSessionSchema });

const ErrorAnswer = z.object({ error: z.string(), message: z.string() });

export const SIGN_IN_MESSAGES = {
  wrongPassword: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
  badAnswer: 'เซิร์ฟเวอร์ตอบกลับในรูปแบบที่ไม่รู้จัก ตรวจสอบที่อยู่เซิร์ฟเวอร์อีกครั้ง',
  serverError: 'เซิร์ฟเวอร์ขัดข้อง กรุณาลองใหม่ภายหลัง',
} as const;

export class SignInService {
  readonly filePath: string;
  readonly #options: SignInServiceOptions;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SignInServiceOptions) {
    this.#options = options;
    this.filePath = path.join(options.directory, options.fileName ?? 'session.json');
  }

  signIn(request: SignInRequest): Promise<DeskResult<SyncSession>> {
    return this.#serialised(async () => {
      const { transport, credentials, settings } = this.#options;
      const before = await this.#readSession();
      const current = await settings.get();
      // A previous registration on this computer: revoke it if its server is still the one asked for
      // (best effort), and forget its token before the address changes.
      if (before !== null && sameServer(current.serverUrl, request.serverUrl)) await this.#logoutQuietly();
      const cleared = await credentials.clearServerToken();
      if (!cleared.ok) return cleared;
      await this.#removeSessionFile();

      const saved = await settings.update({ serverUrl: request.serverUrl, deviceName: request.deviceName });
      if (!saved.ok) return saved;

      const answer = await transport.request({
        method: 'POST',
        path: '/v1/auth/login',
        body: { username: request.username, password: request.password, deviceName: request.deviceName },
        timeoutMs: 20_000,
      });
      if (!answer.ok) return answer;
      const { status, body } = answer.value;
      // 403: the account is disabled; like a wrong password, trying again will not help.
      if (status !== 200) return fail([400, 401, 403, 426].includes(status) ? 'invalid-argument' : 'network', errorMessage(status, body));
      const login = LoginResponse.safeParse(body);
      if (!login.success) return fail('internal', SIGN_IN_MESSAGES.badAnswer);

      const stored = await credentials.setServerToken(login.data.token);
      if (!stored.ok) return stored;
      const session: SyncSession = {
        serverUrl: request.serverUrl,
        deviceId: login.data.deviceId,
        user: login.data.user,
        signedInAt: (this.#options.now?.() ?? new Date()).toISOString(),
      };
      try {
        await writeFileAtomic(this.filePath, JSON.stringify({ format: FILE_FORMAT, version: 1, session }, null, 2), { mode: 0o600 });
      } catch (error) {
        this.#options.logger?.warn(`sign-in: could not write ${this.filePath}`, error);
        await credentials.clearServerToken();
        return fail('io', 'บันทึกการเข้าสู่ระบบไม่ได้ — The sign-in could not be saved on this computer.');
      }
      this.#options.onSessionChange?.(session);
      return ok(session);
    });
  }

  signOut(): Promise<DeskResult<void>> {
    return this.#serialised(() => this.#signOutNow());
  }

  /**
   * Every settings change from the renderer goes through here: one that changes the server address signs
   * out first (the old server is told, with its own token; the token is then forgotten), so no token or
   * session outlives the address it belongs to. Other changes are saved as they are.
   */
  updateSettings(patch: unknown): Promise<DeskResult<Settings>> {
    return this.#serialised(async () => {
      const { settings } = this.#options;
      const parsed = SettingsPatchSchema.safeParse(patch);
      // The store says what is wrong with a bad patch, in its own words; nothing else happens.
      if (!parsed.success) return settings.update(patch as SettingsPatch);
      const next = parsed.data.serverUrl;
      if (next !== undefined && !sameAddress((await settings.get()).serverUrl, next)) {
        const signedOut = await this.#signOutNow();
        if (!signedOut.ok) return signedOut;
      }
      return settings.update(parsed.data);
    });
  }

  /** Remote wipe: forgets the token and the session without calling the server (it already revoked the device). */
  forget(): Promise<DeskResult<void>> {
    return this.#serialised(async () => {
      const cleared = await this.#options.credentials.clearServerToken();
      await this.#removeSessionFile();
      this.#options.onSessionChange?.(null);
      return cleared;
    });
  }

  async #signOutNow(): Promise<DeskResult<void>> {
    await this.#logoutQuietly();
    const cleared = await this.#options.credentials.clearServerToken();
    await this.#removeSessionFile();
    this.#options.onSessionChange?.(null);
    return cleared;
  }

  /** The session, or null when nobody is signed in (or its token is gone). */
  getSession(): Promise<DeskResult<SyncSession | null>> {
    return this.#serialised(async () => {
      const session = await this.#readSession();
      if (session === null) return ok(null);
      const token = await this.#options.credentials.getServerToken();
      if (!token.ok) return token;
      return ok(token.value === null ? null : session);
    });
  }

  async #logoutQuietly(): Promise<void> {
    const token = await this.#options.credentials.getServerToken();
    if (!token.ok || token.value === null) return;
    const answer = await this.#options.transport.request({ method: 'POST', path: '/v1/auth/logout', timeoutMs: 5_000 });
    if (!answer.ok) this.#options.logger?.warn(`sign-out: the server could not be told (${answer.error.message}); the token is forgotten here anyway`);
  }

  async #readSession(): Promise<SyncSession | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = SessionFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.session : null;
    } catch {
      return null;
    }
  }

  async #removeSessionFile(): Promise<void> {
    await rm(this.filePath, { force: true }).catch((error: unknown) => this.#options.logger?.warn(`sign-in: could not remove ${this.filePath}`, error));
  }

  #serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function sameServer(a: string | null, b: string): boolean {
  if (a === null) return false;
  try {
    return new URL(a).href.replace(/\/+$/, '') === new URL(b).href.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/** An address set in Settings (null: none) is the same as before: both none, or the same server. */
function sameAddress(before: string | null, after: string | null): boolean {
  return after === null ? before === null : sameServer(before, after);
}

function errorMessage(status: number, body: unknown): string {
  const parsed = ErrorAnswer.safeParse(body);
  if (status === 401) return parsed.success ? parsed.data.message : SIGN_IN_MESSAGES.wrongPassword;
  if (parsed.success) return parsed.data.message;
  return status >= 500 ? SIGN_IN_MESSAGES.serverError : SIGN_IN_MESSAGES.badAnswer;
}
