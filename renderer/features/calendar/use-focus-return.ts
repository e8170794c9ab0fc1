import { useEffect, useRef, type RefObject } from 'react';

/**
 * A side panel (not a modal <dialog>, so the browser does not do it): focus stays where the user opened it
 * from (the activity chip, so keyboard moves go on), and on closing it goes back there, or, when that is
 * gone from the page (moved, deleted), to `fallbackSelector` — never left on <body>, where a keyboard user
 * would have to start again from the top of the page. Esc inside the panel (outside a text field) closes it.
 */
export function useFocusReturn(panel: RefObject<HTMLElement | null>, onClose: () => void, fallbackSelector: string): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const element = panel.current;
    const onKey = (e: KeyboardEvent) => {
      // In a text field Esc gives up what was typed (a photo caption): it does not close the panel.
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (e.key === 'Escape' && !e.defaultPrevented && !typing) {
        e.preventDefault();
        close.current();
      }
    };
    element?.addEventListener('keydown', onKey);
    return () => {
      element?.removeEventListener('keydown', onKey);
      // Only when focus was in the panel (or fell to body with it): a click elsewhere keeps its own focus.
      const active = document.activeElement;
      if (active && active !== document.body && !element?.contains(active) && active.isConnected) return;
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>(fallbackSelector);
      // After React has removed the panel, so the browser does not move focus again.
      requestAnimationFrame(() => target?.focus({ preventScroll: true }));
    };
  }, [panel, fallbackSelector]);
}
