import type { z } from 'zod';
import { DESK_METHODS, fail, type DeskApi, type DeskMethod, type DeskResult } from '../../shared/ipc';
import { isAppUrl } from './app-protocol';

/**
 * The single door into main (STYLE.md "One door into main"; Electron security checklist 17,
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages):
 * every ipcMain.handle goes through handleDeskCall, which checks the sender frame, parses the
 * argument from `unknown` with the shared schema and turns any throw into a result object.
 */

export type DeskRequest<M extends DeskMethod> = z.output<(typeof DESK_METHODS)[M]['request']>;
export type DeskValue<M extends DeskMethod> = Awaited<ReturnType<DeskApi[M]>> extends DeskResult<infer V> ? V : never;
export type DeskHandler<M extends DeskMethod> = (request: DeskRequest<M>) => Promise<DeskResult<DeskValue<M>>> | DeskResult<DeskValue<M>>;
/** One handler per desk method: main cannot forget one, the compiler says so. */
export type DeskHandlers = { [M in DeskMethod]: DeskHandler<M> };

export interface IpcGuardLogger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

export interface IpcGuardOptions {
  /** Origin of the Vite dev server (from parseDevServerUrl), trusted only in development. */
  devServerOrigin?: string | null;
  logger?: IpcGuardLogger;
}

/** Only frames showing the app itself (app://provincedesk/…, or the dev server in development). */
export function isTrustedSender(senderFrameUrl: string | undefined, options: Pick<IpcGuardOptions, 'devServerOrigin'> = {}): boolean {
  return isAppUrl(senderFrameUrl, options.devServerOrigin);
}

function isDeskMethod(method: string): method is DeskMethod {
  // hasOwn, not `in`: 'toString' or '__proto__' must not pass for a method.
  return Object.hasOwn(DESK_METHODS, method);
}

const MAX_DETAIL_LENGTH = 500;

function describeIssues(error: z.ZodError): string {
  const details = error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return details.length > MAX_DETAIL_LENGTH ? `${details.slice(0, MAX_DETAIL_LENGTH)}…` : details;
}

/** An error as the log may keep it: its class, its code, where it was thrown — never its message. */
export function errorWithoutMessage(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}${typeof code === 'string' ? ` (${code})` : ''}`, ...frames].join('\n');
}

export async function handleDeskCall(
  method: string,
  senderUrl: string | undefined,
  rawArgument: unknown,
  handlers: DeskHandlers,
  options: IpcGuardOptions = {},
): Promise<DeskResult<unknown>> {
  const logger = options.logger ?? console;
  // The sender first: an untrusted frame learns nothing, not even which methods exist.
  if (!isTrustedSender(senderUrl, options)) {
    logger.warn(`desk: refused ${JSON.stringify(method).slice(0, 80)} from an untrusted frame ${JSON.stringify(senderUrl ?? null).slice(0, 200)}`);
    return fail('forbidden-sender', 'คำขอนี้ไม่ได้มาจากหน้าต่างของโปรแกรม — This request did not come from the ProvinceDesk window.');
  }
  if (!isDeskMethod(method)) {
    return fail('invalid-argument', `ไม่รู้จักคำสั่งนี้ — Unknown desk method ${JSON.stringify(method).slice(0, 80)}.`);
  }
  return runHandler(method, rawArgument, handlers, logger);
}

async function runHandler(
  method: DeskMethod,
  rawArgument: unknown,
  handlers: DeskHandlers,
  logger: IpcGuardLogger,
): Promise<DeskResult<unknown>> {
  const parsed = (DESK_METHODS[method].request as z.ZodType).safeParse(rawArgument);
  if (!parsed.success) {
    return fail('invalid-argument', `ข้อมูลที่ส่งมาไม่ถูกต้อง — Invalid argument for ${method}: ${describeIssues(parsed.error)}`);
  }
  // TypeScript cannot tie handlers[method] to DESK_METHODS[method] for a union-typed key; the
  // pair is right by construction (DeskHandlers is a mapped type over the same keys).
  const handler = handlers[method] as (request: unknown) => ReturnType<DeskHandler<DeskMethod>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    // Logged in main by its kind and stack, not its message: a message may quote what the renderer sent (a
    // record, a file named after a person), and the log must hold no personal data (issue 14). The renderer
    // gets a plain sentence and no details.
    logger.error(`desk: ${method} failed: ${errorWithoutMessage(error)}`);
    return fail('internal', `เกิดข้อผิดพลาดภายในโปรแกรม — Something went wrong in ${method}; the details are in the log.`);
  }
}
