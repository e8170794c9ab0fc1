// What PostgreSQL's jsonb (and text columns) can hold. It refuses the character U+0000 and unpaired
// UTF-16 surrogates (a JSON text written by JSON.stringify escapes them as \u0000 and \ud800, and the
// database answers with an error), and its parser stops at deep nesting. A device must never send such a
// value, and the server must refuse it per mutation rather than fail the whole batch (issue 18).

/** Deeper than any record field (news photos: array → object → string is 3). */
export const MAX_JSON_DEPTH = 8;

// An unpaired surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when a string can be stored as it is. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The text with U+0000 removed and unpaired surrogates replaced by U+FFFD (what UTF-8 encoders do). */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replaceAll('\u0000', '').replace(LONE_SURROGATES, '\uFFFD');
}

export type UnstorableReason = 'text' | 'number' | 'depth' | 'type';

/**
 * Why a JSON value could not be stored, or null when it can: a string or key with U+0000 or an unpaired
 * surrogate, a number that is not finite (1e400 parses to Infinity), nesting deeper than `maxDepth`, or
 * something JSON does not have. Walks at most `maxDepth` levels, so a hostile value cannot exhaust the stack.
 */
export function unstorableReason(value: unknown, maxDepth = MAX_JSON_DEPTH): UnstorableReason | null {
  return check(value, maxDepth);
}

function check(value: unknown, depthLeft: number): UnstorableReason | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') return isStorableText(value) ? null : 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'number';
  if (typeof value !== 'object') return 'type';
  if (depthLeft <= 0) return 'depth';
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = check(item, depthLeft - 1);
      if (reason !== null) return reason;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return 'text';
    const reason = check(item, depthLeft - 1);
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * A copy of a record whose strings are all storable (see storableText), for the device's record writer:
 * a U+0000 pasted from a PDF or read from a spreadsheet cell is dropped rather than refused, since it is
 * never meant as text. Returns the value itself when nothing needed cleaning.
 */
export function withStorableText<T>(value: T): T {
  return clean(value, MAX_JSON_DEPTH * 2) as T;
}

function clean(value: unknown, depthLeft: number): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null || depthLeft <= 0) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const next = clean(item, depthLeft - 1);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const next = clean(item, depthLeft - 1);
    const name = storableText(key);
    if (next !== item || name !== key) changed = true;
    Object.defineProperty(out, name, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
}
