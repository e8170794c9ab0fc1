import path from 'node:path';
import log from 'electron-log/node';
import { redactPersonalData } from './diagnostics';

/**
 * The main process's log: electron-log (its Node build, so this stays plain Node and testable)
 * writing `logs/main.log` in the user-data folder, where support and the diagnostics bundle find
 * it. electron-log rotates at maxBytes to main.old.log, so two files at most. Every line passes
 * the personal-data redactor before it is written: a log is the last place an ID number belongs.
 */

export interface AppLogger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface AppLog {
  logger: AppLogger;
  /** The current log file and its rotated predecessor: what diagnostics bundles. */
  files(): string[];
  /** Logs uncaught exceptions and unhandled rejections instead of dying silently. */
  catchErrors(): void;
}

export interface AppLogOptions {
  /** Folder for the log files: path.join(app.getPath('userData'), 'logs') in main. */
  directory: string;
  fileName?: string;
  /** Rotate at this size; default 1 MB. */
  maxBytes?: number;
  /** Also print to the terminal (development). */
  console?: boolean;
  homeDir?: string;
}

let instances = 0;

export function createAppLog(options: AppLogOptions): AppLog {
  const fileName = options.fileName ?? 'main.log';
  const filePath = path.join(options.directory, fileName);
  // A separate instance per call: tests create several, each with its own folder.
  const instance = log.create({ logId: `provincedesk-${++instances}` });
  instance.transports.file.resolvePathFn = () => filePath;
  instance.transports.file.maxSize = options.maxBytes ?? 1024 * 1024;
  instance.transports.file.level = 'info';
  instance.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  instance.transports.console.level = options.console ? 'info' : false;
  instance.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) => redactPersonalData(describe(part), { homeDir: options.homeDir })),
  }));

  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...details: unknown[]) =>
      instance[level](message, ...details);
  return {
    logger: { info: write('info'), warn: write('warn'), error: write('error') },
    files: () => [filePath, path.join(options.directory, `${path.basename(fileName, path.extname(fileName))}.old${path.extname(fileName)}`)],
    catchErrors: () => instance.errorHandler.startCatching({ showDialog: false }),
  };
}

/** Errors keep their stack (with source maps, it points at electron/*.ts); objects become JSON. */
function describe(part: unknown): string {
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
