import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DroppedRange } from './big-calendar';
import type { CalendarItem } from './calendar-items';
import type { CalendarView } from './calendar-view-store';
import { isStepKey, itemAt, landingOf, stepLanding, withCarried, type Landing } from './keyboard-move';

/** An activity written by a keyboard drop, to be focused again where it now is. */
export interface MovedActivity {
  eventId: string;
  start: Date;
}

export interface Carried {
  item: CalendarItem;
  landing: Landing;
}

interface KeyboardMoveOptions {
  items: CalendarItem[];
  view: CalendarView;
  from: Date;
  to: Date;
  /** The drag-and-drop write path (the move-scope question for a recurring activity included). */
  onDrop(range: DroppedRange): void;
  onNavigate(date: Date): void;
}

/** What the status line says besides where the carried activity would land. */
export type KeyboardMoveNote = { kind: 'cancelled'; title: string } | { kind: 'shortest' } | null;

function chip(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.rbc-calendar .activity-chip${selector}`);
}

/**
 * Moving an activity without a mouse: Space on a focused activity picks it up, arrows move it
 * (Shift: change its length), Enter or Space drops it through the same write path as a drag, Esc,
 * Tab or a click elsewhere puts it back. While it is carried the keys are read on the window, so
 * they work even when the activity's block is redrawn in another cell or hidden behind "+ more".
 */
export function useKeyboardMove({ items, view, from, to, onDrop, onNavigate }: KeyboardMoveOptions) {
  const [carried, setCarried] = useState<Carried | null>(null);
  const [note, setNote] = useState<KeyboardMoveNote>(null);
  const [wanted, setWanted] = useState<string | null>(null);
  // Esc puts the activity back and the focus with it; Tab or a click elsewhere take the focus on.
  const [refocusKey, setRefocusKey] = useState<string | null>(null);

  const pickUp = useCallback((item: CalendarItem) => {
    setNote(null);
    setCarried({ item, landing: landingOf(item) });
  }, []);

  const cancel = useCallback(
    ({ keepFocus }: { keepFocus: boolean }) => {
      if (!carried) return;
      setNote({ kind: 'cancelled', title: carried.item.title });
      setRefocusKey(keepFocus ? carried.item.key : null);
      setCarried(null);
    },
    [carried],
  );

  const drop = useCallback(() => {
    if (!carried) return;
    setCarried(null);
    setNote(null);
    onDrop({ item: carried.item, ...carried.landing, byKeyboard: true });
  }, [carried, onDrop]);

  /** Picks up an activity by its key (from the detail panel), going to its date first when it is not on screen. */
  const pickUpByKey = useCallback(
    (key: string, date: Date) => {
      const item = items.find((i) => i.key === key);
      if (item) pickUp(item);
      else {
        setWanted(key);
        onNavigate(date);
      }
    },
    [items, pickUp, onNavigate],
  );

  useEffect(() => {
    if (!wanted) return;
    const item = items.find((i) => i.key === wanted);
    if (item) {
      setWanted(null);
      pickUp(item);
    }
  }, [wanted, items, pickUp]);

  useEffect(() => {
    if (!carried) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (isStepKey(e.key)) {
        e.preventDefault();
        e.stopPropagation();
        const next = stepLanding(carried.landing, e.key, { shift: e.shiftKey, view });
        setNote(next ? null : { kind: 'shortest' });
        if (!next) return;
        setCarried({ ...carried, landing: next });
        if (next.start < from || next.start >= to) onNavigate(next.start);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        drop();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cancel({ keepFocus: true });
      } else if (e.key === 'Tab') cancel({ keepFocus: false });
    };
    const onPointer = (e: PointerEvent) => {
      if (!(e.target instanceof Element && e.target.closest('.keyboard-move-status'))) cancel({ keepFocus: false });
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [carried, view, from, to, onNavigate, drop, cancel]);

  const shownItems = useMemo(() => (carried ? withCarried(items, itemAt(carried.item, carried.landing)) : items), [items, carried]);

  // The carried block is redrawn in its new cell (and back in its old one on Esc): keep the focus on it.
  useEffect(() => {
    const key = carried?.item.key ?? refocusKey;
    if (key) chip(`[data-item-key="${CSS.escape(key)}"]`)?.focus();
    if (!carried) setRefocusKey(null);
  }, [carried, refocusKey, shownItems]);

  return { carried, note, shownItems, pickUp, pickUpByKey, drop, cancel };
}

/**
 * After a keyboard drop is written, focuses the activity where it landed once the calendar draws
 * it; gives up after the next redraw when it is not drawn (hidden behind "+ more", say).
 */
export function useFocusWhenDrawn(items: CalendarItem[]): (moved: MovedActivity) => void {
  const [wanted, setWanted] = useState<{ moved: MovedActivity; drawn: CalendarItem[] } | null>(null);
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
  }, [items]);
  useEffect(() => {
    if (!wanted) return;
    const { eventId, start } = wanted.moved;
    const found = chip(`[data-event-id="${CSS.escape(eventId)}"][data-start="${start.getTime()}"]`);
    found?.focus();
    if (found || items !== wanted.drawn) setWanted(null);
  }, [wanted, items]);
  return useCallback((moved: MovedActivity) => setWanted({ moved, drawn: latest.current }), []);
}
