/**
 * What crosses the bridge: a result object, never a thrown error (Signal Desktop), so the
 * renderer handles failure as data and main never leaks a stack trace.
 */
export type DeskError = { code: DeskErrorCode; message: string };
export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const DESK_ERROR_CODES = ['invalid-argument', 'forbidden-sender', 'not-found', 'canceled', 'io', 'network', 'internal'] as const;
export type DeskErrorCode = (typeof DESK_ERROR_CODES)[number];

export function ok<T>(value: T): DeskResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: DeskErrorCode, message: string): DeskResult<T> {
  return { ok: false, error: { code, message } };
}
