import { useEffect } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useSession } from '../../app/session-store';
import { lockApp, useAppLock } from './app-lock';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the app after the set minutes without use (default 15). Time is compared, not counted down, so a
 * laptop that slept past the limit is locked when it wakes (visibility and the desktop's 'resumed' event).
 */
export function useIdleLock(): void {
  const minutes = useSession((s) => s.settings.lockAfterMinutes);
  const phase = useAppLock((s) => s.phase);
  const lockSet = useAppLock((s) => s.keyring?.lockSet === true);
  useEffect(() => {
    if (phase !== 'open' || !lockSet) return;
    let last = Date.now();
    const bump = () => {
      last = Date.now();
    };
    const check = () => {
      if (Date.now() - last >= minutes * 60_000) void lockApp();
    };
    for (const type of ACTIVITY) window.addEventListener(type, bump, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const unsubscribe = desk.onEvent((event) => {
      if (event.type === 'resumed') check();
    });
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, bump, { capture: true });
      document.removeEventListener('visibilitychange', check);
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [minutes, phase, lockSet]);
}
