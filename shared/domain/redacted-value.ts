// A personal value the server withheld from this device (issue 18; docs/sync-protocol.md, "Personal data").
// The server sends it in place of the real value, with the real value's stamp, to a user whose role may not
// see it; the device stores and shows it, and never sends it back: the server refuses one in a push, so it
// can never overwrite the real value. It is a string, so code that formats or compares values degrades to
// "nothing to show" instead of failing.
import { z } from 'zod';

/** U+2298 ⊘: no typed national ID or phone number has it, and nobody types it into a LINE id or e-mail. */
export const REDACTED_MARK = '\u2298';

/** The mark, then what the user may see of the value (e.g. the last four digits of an ID), or nothing. */
export function redactedValue(shown = ''): string {
  return `${REDACTED_MARK}${shown}`;
}

/**
 * The only fields the server ever redacts (shared/roster/personal-data-redaction.ts). Elsewhere a value
 * starting with the mark is just text someone typed, and syncs like any other.
 */
export const REDACTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = { members: ['nationalId', 'phone', 'lineId', 'email'] };

/** A redacted value in a field that can hold one. */
export function isRedactedField(table: string, field: string, value: unknown): boolean {
  return isRedacted(value) && Object.hasOwn(REDACTABLE_FIELDS, table) && (REDACTABLE_FIELDS[table] as readonly string[]).includes(field);
}

export function isRedacted(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(REDACTED_MARK);
}

/** What the user may see of a redacted value ('' when nothing). */
export function shownPart(value: string): string {
  return isRedacted(value) ? value.slice(REDACTED_MARK.length) : value;
}

/** A string field that is either valid by `valid` or a redacted value (the message is the field's own). */
export function orRedacted(valid: RegExp, message: string) {
  return z.string().refine((v) => valid.test(v) || (isRedacted(v) && v.length <= 40), message);
}
