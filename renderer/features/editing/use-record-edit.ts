import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import type { EditBase } from '../../db/record-writer';
import { adoptedDraft, keepMine, reconcileWithLive, takeTheirs, type EditState, type FieldClash, type Stamped } from './edit-reconcile';

export interface RecordEditOptions<R, D> {
  toDraft: (record: R) => D;
  /** The version the form starts from when it is not `live` yet (a restore the live query has not caught up with). */
  start?: R;
  /** Record fields edited outside the draft (the news body): has the user changed it since the base? */
  touchedOutside?: (field: string) => boolean | undefined;
  /** A field outside the draft followed the stored record (the user had not touched it): show the new value. */
  onOutsideChanged?: (field: string, value: unknown) => void;
}

export interface RecordEdit<R extends Stamped, D> {
  draft: D;
  /** The draft with every change so far, for a save that runs later than the render (autosave). */
  draftNow: () => D;
  setDraft: (update: (draft: D) => D) => void;
  /** Fields changed elsewhere while the user changed them too; each waits for the user's choice. */
  clashes: FieldClash<D>[];
  takeTheirs: (field: string) => void;
  keepMine: (field: string) => void;
  /** What the draft was started from, for the repository (`WriteOptions.base`). */
  base: () => EditBase;
  /** After a save: fields the user has not typed in since `savedDraft` show the stored record's form of them. */
  refreshFrom: (saved: R, savedDraft: D) => void;
}

/**
 * A form over a stored record that stays honest while the record changes under it (a pull, another
 * screen): see edit-reconcile.ts. `live` is the record as useLiveQuery reads it now.
 */
export function useRecordEdit<R extends Stamped, D>(live: R, options: RecordEditOptions<R, D>): RecordEdit<R, D> {
  const ownNode = useDeskData().identity.nodeId;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [state, setState] = useState<EditState<R, D>>(() => {
    const start = options.start ?? live;
    return { base: start, draft: options.toDraft(start) };
  });
  // Every update goes through the ref first, so handlers in one event see each other's changes.
  const stateRef = useRef(state);
  const liveRef = useRef(live);
  liveRef.current = live;
  const commit = useCallback((next: EditState<R, D>) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const reconcileOptions = useCallback(() => ({ ...optionsRef.current, ownNode }), [ownNode]);

  useEffect(() => {
    const result = reconcileWithLive(stateRef.current, live, reconcileOptions());
    if (result.changed) commit({ base: result.base, draft: result.draft });
    for (const field of result.adoptedOutside) optionsRef.current.onOutsideChanged?.(field, (live as unknown as Record<string, unknown>)[field]);
  }, [live, commit, reconcileOptions]);

  const clashes = useMemo(() => reconcileWithLive(state, live, reconcileOptions()).clashes, [state, live, reconcileOptions]);

  const setDraft = useCallback((update: (draft: D) => D) => commit({ ...stateRef.current, draft: update(stateRef.current.draft) }), [commit]);

  return {
    draft: state.draft,
    draftNow: useCallback(() => stateRef.current.draft, []),
    setDraft,
    clashes,
    takeTheirs: useCallback(
      (field: string) => {
        const next = takeTheirs(stateRef.current, liveRef.current, field, optionsRef.current.toDraft);
        commit(next);
        if (optionsRef.current.touchedOutside?.(field) !== undefined) optionsRef.current.onOutsideChanged?.(field, (liveRef.current as unknown as Record<string, unknown>)[field]);
      },
      [commit],
    ),
    keepMine: useCallback((field: string) => commit(keepMine(stateRef.current, liveRef.current, field)), [commit]),
    base: useCallback(() => ({ values: stateRef.current.base as unknown as Record<string, unknown>, stamps: stateRef.current.base._stamps }), []),
    refreshFrom: useCallback(
      (saved: R, savedDraft: D) => commit({ ...stateRef.current, draft: adoptedDraft(stateRef.current.draft, saved, savedDraft, optionsRef.current.toDraft) }),
      [commit],
    ),
  };
}
