// An open form and the record under it (issue 17): a pull, or another window, can change the record while
// someone edits it. The form keeps the version it started from (its base). When the stored record moves on:
// - a field the user has not touched follows it (the form shows the new value, the base takes it);
// - a field the user has touched is a clash: both values stay, the user chooses. Saved without choosing,
//   the write carries the stamp the user saw, so the server keeps the other value as a conflict.
// Pure functions over (base, live, draft) so the hook that uses them stays small and this stays testable.

import { canonicalJson } from '../../../shared/sync/canonical-json';

/** A record with its per-field stamps, as the repositories return it. */
export interface Stamped {
  _stamps: Record<string, string>;
}

/** A field changed elsewhere that the user had changed too, with what the other value would show. */
export interface FieldClash<D> {
  field: string;
  /** The form's fields that show this record field. Empty for a field edited outside the draft (news body). */
  keys: Array<keyof D>;
  /** The other value, as the form shows it. */
  theirs: Partial<D>;
  /** The other value, as stored. */
  value: unknown;
}

export interface EditState<R extends Stamped, D> {
  base: R;
  draft: D;
}

export interface EditOptions<R, D> {
  toDraft: (record: R) => D;
  /**
   * This device's HLC node. A field restamped by this device was written here — by this form's own save,
   * or another screen of this app — so it is never a clash: the base takes it, and the draft only where
   * the user has not typed since.
   */
  ownNode: string;
  /**
   * Record fields edited outside the draft (the news body lives in its editor): whether the user changed
   * the field since the base. Fields neither in the draft nor here are not in the form.
   */
  touchedOutside?: (field: string) => boolean | undefined;
}

export interface Reconciled<R extends Stamped, D> extends EditState<R, D> {
  clashes: FieldClash<D>[];
  /** Fields outside the draft that followed the stored record: the caller shows their new value. */
  adoptedOutside: string[];
  changed: boolean;
}

const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/** The node id at the end of a stamp (`…-counter-node`); undefined for a field no longer stamped. */
const stampNode = (stamp: string | undefined): string | undefined => stamp?.slice(stamp.lastIndexOf('-') + 1);

/** `record` with one field (value and stamp) taken from `from`. */
export function withField<R extends Stamped>(record: R, field: string, from: R): R {
  const stamps = { ...record._stamps };
  const stamp = from._stamps[field];
  if (stamp === undefined) delete stamps[field];
  else stamps[field] = stamp;
  return { ...record, [field]: (from as unknown as Record<string, unknown>)[field], _stamps: stamps };
}

/**
 * Fields written after the base: a later stamp in `live` (stamps sort in causal order). A `live` older than
 * the base (a restore the live query has not caught up with) moves nothing.
 */
export function movedFields(base: Stamped, live: Stamped): string[] {
  return Object.keys(live._stamps).filter((f) => (live._stamps[f] as string) > (base._stamps[f] ?? ''));
}

function draftKeysOf<D>(before: D, after: D): Array<keyof D> {
  return (Object.keys(after as object) as Array<keyof D>).filter((k) => !same(before[k], after[k]));
}

/** Brings an open form up to date with the stored record, field by field, as the header says. */
export function reconcileWithLive<R extends Stamped, D>(state: EditState<R, D>, live: R, options: EditOptions<R, D>): Reconciled<R, D> {
  let { base, draft } = state;
  const clashes: FieldClash<D>[] = [];
  const adoptedOutside: string[] = [];
  let changed = false;
  for (const field of movedFields(base, live)) {
    const candidate = withField(base, field, live);
    const before = options.toDraft(base);
    const after = options.toDraft(candidate);
    const keys = draftKeysOf(before, after);
    const value = (live as unknown as Record<string, unknown>)[field];
    if (stampNode(live._stamps[field]) === options.ownNode) {
      const nextDraft = { ...draft };
      for (const k of keys) if (same(draft[k], before[k])) nextDraft[k] = after[k];
      draft = nextDraft;
      base = candidate;
      changed = true;
      continue;
    }
    if (keys.length === 0) {
      const touched = options.touchedOutside?.(field);
      if (touched) {
        clashes.push({ field, keys, theirs: {}, value });
        continue;
      }
      if (touched === false) adoptedOutside.push(field);
      base = candidate;
      changed = true;
      continue;
    }
    const touched = keys.filter((k) => !same(draft[k], before[k]));
    if (touched.length > 0 && !touched.every((k) => same(draft[k], after[k]))) {
      clashes.push({ field, keys, theirs: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<D>, value });
      continue;
    }
    // Untouched (or typed the same): the form follows the stored record.
    const nextDraft = { ...draft };
    for (const k of keys) nextDraft[k] = after[k];
    draft = nextDraft;
    base = candidate;
    changed = true;
  }
  return { base, draft, clashes, adoptedOutside, changed };
}

/** The user keeps the other value: the form shows it and the base takes it. */
export function takeTheirs<R extends Stamped, D>(state: EditState<R, D>, live: R, field: string, toDraft: (record: R) => D): EditState<R, D> {
  const base = withField(state.base, field, live);
  const shown = toDraft(base);
  const draft = { ...state.draft };
  for (const k of draftKeysOf(toDraft(state.base), shown)) draft[k] = shown[k];
  return { base, draft };
}

/** The user keeps their own value, having seen the other: saving it is an ordinary (sequential) edit. */
export function keepMine<R extends Stamped, D>(state: EditState<R, D>, live: R, field: string): EditState<R, D> {
  return { base: withField(state.base, field, live), draft: state.draft };
}

/**
 * After a save: fields the user has not typed in since the save began show the stored form of what was saved
 * (e.g. a phone typed "081 111 1111" shows as "081-111-1111"); newer typing stays.
 */
export function adoptedDraft<R, D>(current: D, saved: R, savedDraft: D, toDraft: (record: R) => D): D {
  const shown = toDraft(saved);
  const draft = { ...current };
  for (const key of Object.keys(shown as object) as Array<keyof D>) if (same(current[key], savedDraft[key])) draft[key] = shown[key];
  return draft;
}
