import { useEffect, useMemo } from 'react';
import { desk } from '../bridge/desk-bridge';
import { startSyncRuntime } from '../sync/sync-runtime';
import { useDeskData } from './desk-data-context';
import { flushPendingSaves, flushWhenPageLeaves } from './pending-saves';
import { useSession } from './session-store';
import { startWipe } from '../features/lock/start-wipe';
import { UpdateNotice } from '../features/settings/update-notice';
import { ROUTES, useNavigation } from './navigation-store';
import { prefetchOtherScreens } from './screens/screen-modules';
import { ScreenOutlet } from './screens/screen-outlet';
import { NavBar } from './shell/nav-bar';
import { NoticeArea } from './shell/notice-area';
import { StatusBar } from './shell/status-bar';
import { useTranslate } from './use-translate';

export function App() {
  const t = useTranslate();
  const route = useNavigation((s) => s.route);
  useAltNumberShortcuts();
  useSyncAgent();
  useSaveBeforeLeaving();
  usePrefetchedScreens();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavBar />
      <main id="main" className="page" tabIndex={-1} aria-live="polite">
        <ScreenOutlet route={route} />
      </main>
      <NoticeArea />
      <UpdateNotice />
      <StatusBar />
    </div>
  );
}

/**
 * Starts the sync agent and its scheduler once (idempotent, so StrictMode's double render is harmless)
 * before the first paint, so the status bar reads it from the start; keeps the signed-in user in the session.
 */
function useSyncAgent(): void {
  const data = useDeskData();
  const runtime = useMemo(() => startSyncRuntime(data, desk, { onDeviceWiped: () => void startWipe() }), [data]);
  useEffect(() => {
    const apply = (session: Parameters<ReturnType<typeof useSession.getState>['setSyncSession']>[0]) => useSession.getState().setSyncSession(session);
    if (runtime.session()) apply(runtime.session());
    return runtime.onSession(apply);
  }, [runtime]);
}

/** Typing an editor holds is saved when the page is hidden or left, and before the desktop window closes. */
function useSaveBeforeLeaving(): void {
  useEffect(() => {
    const stopWatching = flushWhenPageLeaves(window);
    const unsubscribe = desk.onEvent((event) => {
      if (event.type === 'closing') void flushPendingSaves().then(() => desk.readyToClose());
    });
    return () => {
      stopWatching();
      unsubscribe();
    };
  }, []);
}

/** Alt+1 … Alt+7 jump between the main screens, as the nav shows. */
function useAltNumberShortcuts(): void {
  const navigate = useNavigation((s) => s.navigate);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const route = ROUTES[Number(e.key) - 1];
      if (route) {
        e.preventDefault();
        navigate(route);
        document.getElementById('main')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

/** Once the first screen is up, the others' chunks are fetched in idle time (instant switches, offline too). */
function usePrefetchedScreens(): void {
  useEffect(() => prefetchOtherScreens(useNavigation.getState().route, ROUTES), []);
}
