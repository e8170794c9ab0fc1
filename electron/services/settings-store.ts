import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, fail, ok, type DeskResult, type Settings } from '../../shared/ipc';
import { describeFileError, writeFileAtomic } from './file-service';

/**
 * The device settings, as a JSON file in the user-data folder. Written atomically (a crash
 * never leaves half a file), readable by the user only, and every change is serialised, so two
 * quick updates from the renderer cannot lose one another.
 */

const FILE_FORMAT = 'provincedesk.settings';
const FILE_VERSION = 1;

// The envelope tells our file from any other JSON that happens to sit at the same path. A
// version this build does not know (written by a newer ProvinceDesk) is set aside like a corrupt
// file: better defaults than guessing at a format we have not seen.
const SettingsFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  settings: z.record(z.string(), z.unknown()),
});

export interface SettingsStoreLogger {
  warn(message: string, error?: unknown): void;
}

export interface SettingsStoreOptions {
  /** The user-data folder (app.getPath('userData') in main). */
  directory: string;
  fileName?: string;
  now?: () => Date;
  logger?: SettingsStoreLogger;
}

export type SettingsListener = (settings: Settings) => void;

/** A file name suffix safe on every OS (no ':' for Windows). */
export function corruptSuffix(now: Date): string {
  return `.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

export class SettingsStore {
  readonly filePath: string;
  readonly #directory: string;
  readonly #now: () => Date;
  readonly #logger: SettingsStoreLogger;
  readonly #listeners = new Set<SettingsListener>();
  #current: Settings | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SettingsStoreOptions) {
    this.#directory = options.directory;
    this.filePath = path.join(options.directory, options.fileName ?? 'settings.json');
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? console;
  }

  get(): Promise<Settings> {
    return this.#serialised(() => this.#load());
  }

  /** Validates the patch (it comes from the renderer), merges, writes, then tells listeners. */
  update(patch: unknown): Promise<DeskResult<Settings>> {
    const parsedPatch = SettingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) {
      return Promise.resolve(fail('invalid-argument', `การตั้งค่าไม่ถูกต้อง — Invalid settings: ${z.prettifyError(parsedPatch.error)}`));
    }
    const changes = Object.fromEntries(Object.entries(parsedPatch.data).filter(([, value]) => value !== undefined));
    return this.#serialised(async () => {
      const current = await this.#load();
      const next = SettingsSchema.parse({ ...current, ...changes });
      if (sameSettings(current, next)) return ok(current);
      try {
        await mkdir(this.#directory, { recursive: true });
        await writeFileAtomic(this.filePath, `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, settings: next }, null, 2)}\n`, { mode: 0o600 });
      } catch (error) {
        this.#logger.warn(`settings: could not write ${this.filePath}`, error);
        return fail('io', describeFileError(error, path.basename(this.filePath)));
      }
      this.#current = next;
      this.#emit(next);
      return ok(next);
    });
  }

  /** Called after every change that reached the disk; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #load(): Promise<Settings> {
    if (this.#current) return this.#current;
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#logger.warn(`settings: could not read ${this.filePath}; using defaults`, error);
      this.#current = DEFAULT_SETTINGS;
      return this.#current;
    }
    const settings = parseSettingsFile(text);
    if (settings) {
      this.#current = settings;
    } else {
      await this.#setAside();
      this.#current = DEFAULT_SETTINGS;
    }
    return this.#current;
  }

  /** Keeps a corrupt or foreign file for support to look at, instead of overwriting it. */
  async #setAside(): Promise<void> {
    const asidePath = `${this.filePath}${corruptSuffix(this.#now())}`;
    try {
      await rename(this.filePath, asidePath);
      this.#logger.warn(`settings: ${this.filePath} was not a valid settings file; moved to ${asidePath}, using defaults`);
    } catch (error) {
      this.#logger.warn(`settings: ${this.filePath} is not valid and could not be moved aside; using defaults`, error);
    }
  }

  #emit(settings: Settings): void {
    for (const listener of this.#listeners) {
      try {
        listener(settings);
      } catch (error) {
        this.#logger.warn('settings: a change listener failed', error);
      }
    }
  }
}

/** The settings in a file's text, or null when it is not a settings file we can trust. */
function parseSettingsFile(text: string): Settings | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const file = SettingsFileSchema.safeParse(json);
  if (!file.success) return null;
  // Fields added after the file was written take their defaults.
  const settings = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...file.data.settings });
  return settings.success ? settings.data : null;
}

/** Settings hold only primitives and null, so a shallow comparison is exact. */
function sameSettings(a: Settings, b: Settings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof Settings>);
  return [...keys].every((key) => a[key] === b[key]);
}
